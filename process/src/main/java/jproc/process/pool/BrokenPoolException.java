package jproc.process.pool;

/**
 * A worker died while it ran tasks (killed, crashed, or {@code System.exit} in a task), or the pool was shut
 * down; the mirror of Python's {@code BrokenProcessPool}. Create a new pool.
 */
public class BrokenPoolException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message which worker, its exit code, and what to do */
    public BrokenPoolException(String message) {
        super(message);
    }
}
