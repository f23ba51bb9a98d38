package jproc.ipc.trace;

import java.util.List;

/**
 * What one process of the session recorded, read from its trace file.
 *
 * @param pid          the process id
 * @param name         the process name ({@code main} for the root, the child's name otherwise)
 * @param startEpochMs wall-clock start of recording
 * @param startNanos   {@link System#nanoTime()} at start of recording (comparable across processes of a host)
 * @param blockedOn    what the process waits for now ({@code "get queue jobs"}), or null
 * @param blockedNanos since when it waits ({@link System#nanoTime()}), or 0
 * @param exitCode     the exit code the process reported, or null if it did not report one
 * @param channels     per channel, how often this process did each kind of event
 * @param events       the recorded events, oldest first (sampled past a threshold, see {@link TraceDescriptor})
 */
public record ProcessTrace(long pid, String name, long startEpochMs, long startNanos, String blockedOn,
                           long blockedNanos, Integer exitCode, List<ChannelCounts> channels,
                           List<TraceRecord> events) {
}
