package jproc.ipc.trace;

/**
 * One recorded event.
 *
 * @param nanos   {@link System#nanoTime()} when it happened
 * @param kind    the channel kind
 * @param channel the channel name
 * @param event   what happened
 */
public record TraceRecord(long nanos, String kind, String channel, TraceEvent event) {
}
