package jproc.process;

/**
 * The thread waiting in {@code join()} was interrupted (the kernel's interrupt button): the child keeps running;
 * the thread's interrupt status is set again. Call {@code terminate()} or {@code kill()} to end the child.
 */
public class JoinInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param childName the child that was being joined
     * @param cause     the interruption
     */
    public JoinInterruptedException(String childName, InterruptedException cause) {
        super("interrupted while joining " + childName + "; the child is still running (terminate() or kill() ends"
                + " it)", cause);
    }
}
