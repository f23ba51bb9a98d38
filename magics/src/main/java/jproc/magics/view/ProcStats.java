package jproc.magics.view;

/**
 * What the operating system says about a live process, read from {@code /proc} without disturbing it.
 *
 * @param pid         the process id
 * @param state       the kernel's one-letter state ({@code R} running, {@code S} sleeping, {@code D} disk,
 *                    {@code Z} zombie, {@code T} stopped)
 * @param cpuMillis   user plus system CPU time used so far
 * @param rssBytes    resident memory, or -1 when unknown
 * @param uptimeMillis time since the process started, or -1 when unknown
 * @param threads     number of threads, or -1 when unknown
 */
public record ProcStats(long pid, char state, long cpuMillis, long rssBytes, long uptimeMillis, int threads) {

    /** The state letter spelled out. */
    public String stateWord() {
        return switch (state) {
            case 'R' -> "running";
            case 'S' -> "sleeping";
            case 'D' -> "waiting (disk)";
            case 'Z' -> "zombie";
            case 'T', 't' -> "stopped";
            case 'X' -> "dead";
            default -> "unknown";
        };
    }
}
