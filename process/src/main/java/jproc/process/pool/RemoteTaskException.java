package jproc.process.pool;

/**
 * A task failed in a worker. Carries the worker's exception as its cause (same type, message and stack trace)
 * when that exception could be copied back; otherwise its type name, message and stack trace as text.
 */
public class RemoteTaskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String remoteType;

    /**
     * @param message what failed, where
     * @param remoteType the class name of the worker's exception
     * @param cause the worker's exception, or null if it could not be copied
     */
    public RemoteTaskException(String message, String remoteType, Throwable cause) {
        super(message, cause);
        this.remoteType = remoteType;
    }

    /** The class name of the exception thrown in the worker. */
    public String remoteType() {
        return remoteType;
    }
}
