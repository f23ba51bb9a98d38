package jproc.ipc.trace;

/**
 * The trace handle of one channel in this process; obtained once per channel from
 * {@link Trace#channel(String, String)} and kept, so that recording an event costs no lookup.
 *
 * <p>Any thread may call any method. Recording never blocks and never allocates.
 */
public interface TraceChannel {
    /** Records that this process did {@code event} on the channel (a put, a get, an acquire...). */
    void event(TraceEvent event);

    /** Records that the calling thread now waits for {@code op} on this channel ({@code %ps} shows it). */
    void blocked(TraceEvent op);

    /** Records that the calling thread no longer waits. */
    void unblocked();

    /** The channel's kind ({@code queue}, {@code lock}...). */
    String kind();

    /** The channel's name. */
    String name();
}
