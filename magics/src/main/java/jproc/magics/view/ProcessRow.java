package jproc.magics.view;

/**
 * One process as the process table shows it.
 *
 * @param name         the process name ({@code main} for the kernel)
 * @param pid          the process id
 * @param state        {@code running}, {@code sleeping}, {@code blocked}, {@code exited}, {@code killed}...
 * @param blockedOn    what it waits for ({@code "acquire lock a"}), or null
 * @param exitCode     its exit code (negative signal number when a signal ended it), or null while it runs
 * @param cpuMillis    CPU time used, or -1 when unknown
 * @param rssBytes     resident memory, or -1 when unknown
 * @param uptimeMillis time since it started while it runs, how long it ran once it ended; -1 when unknown
 */
public record ProcessRow(String name, long pid, String state, String blockedOn, Integer exitCode, long cpuMillis,
                         long rssBytes, long uptimeMillis) {

    /** True while the process runs. */
    public boolean alive() {
        return exitCode == null;
    }

    /** The same row with another state. */
    public ProcessRow withState(String newState) {
        return new ProcessRow(name, pid, newState, blockedOn, exitCode, cpuMillis, rssBytes, uptimeMillis);
    }

    /** The channel kind and name this process waits on ({@code ["lock", "a"]}), or null. */
    public String[] blockedChannel() {
        if (blockedOn == null) {
            return null;
        }
        String[] p = blockedOn.trim().split(" +");
        return p.length >= 3 ? new String[] {p[1], p[2]} : null;
    }
}
