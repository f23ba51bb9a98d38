package jproc.ipc;

/**
 * A picture of a channel's state, read from its shared memory without taking its locks (so it may be slightly
 * inconsistent while the channel is busy). Every primitive has its own snapshot record; {@code %inspect} renders
 * them.
 */
public interface ChannelSnapshot {
    /** The channel kind. */
    ChannelKind kind();

    /** The channel name. */
    String name();

    /** One line for humans, e.g. {@code queue jobs: 3 items, 2 waiting getters}. */
    String summary();
}
