package jproc.ipc.sync;

/**
 * A hold on a lock or permit, released by {@link #close()}: {@code try (var held = lock.hold()) { ... }}.
 * Closing twice releases once.
 */
public interface Held extends AutoCloseable {
    /** Releases the hold. */
    @Override
    void close();
}
