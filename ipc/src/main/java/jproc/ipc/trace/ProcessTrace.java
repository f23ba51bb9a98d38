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
 * @param cpuNanos     CPU time the process used in all, recorded as it exited; -1 if it did not record it (still
 *                     running, killed by SIGKILL)
 * @param peakRssBytes peak resident memory of the process, recorded as it exited; -1 if not recorded
 */
public record ProcessTrace(long pid, String name, long startEpochMs, long startNanos, String blockedOn,
                           long blockedNanos, Integer exitCode, List<ChannelCounts> channels,
                           List<TraceRecord> events, long cpuNanos, long peakRssBytes) {
    /** A trace without final usage (the process has not recorded it). */
    public ProcessTrace(long pid, String name, long startEpochMs, long startNanos, String blockedOn,
                        long blockedNanos, Integer exitCode, List<ChannelCounts> channels, List<TraceRecord> events) {
        this(pid, name, startEpochMs, startNanos, blockedOn, blockedNanos, exitCode, channels, events, -1, -1);
    }
}
