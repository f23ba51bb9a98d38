package jproc.process.pool;

/**
 * A task failed in a worker. Two uses: it wraps a checked exception that came back as itself (its cause, with
 * the worker's type, message and stack trace), and it stands in for an exception that could not come back as
 * itself (not serializable in the worker, or refused by the parent's deserialization filter): then
 * {@link #remoteType()} names the worker's class, the message is the worker's {@code type: message} plus why the
 * object did not arrive, the stack trace is the worker's, and the causes are rebuilt the same way.
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
