package jproc.kernel.engine;

/**
 * Thrown in place of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} called by notebook code:
 * ending the kernel JVM would lose the notebook's state and every child process.
 */
public final class SystemExitError extends Error {
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param call   the call that was refused, e.g. {@code System.exit}
     * @param status the exit status the code asked for
     */
    public SystemExitError(String call, int status) {
        super(call + "(" + status + ") was refused: it would end the kernel; the kernel keeps running. "
                + "Use the frontend's restart to restart the kernel, or return from the cell instead.");
        this.status = status;
    }

    /** The exit status the code asked for. */
    public int status() {
        return status;
    }
}
