package jproc.process;

/** A child JVM could not be started (the java launcher failed, or the child died before it ran its target). */
public class ChildStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and what to check
     * @param cause   the underlying failure, or null
     */
    public ChildStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
