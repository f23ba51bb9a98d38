package jproc.process;

/**
 * A value the child needs cannot be copied into it (it is not {@link java.io.Serializable}, or it holds
 * something that is not). Thrown in the parent, at {@code start()}, before any child runs.
 */
public class NotCopyableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String variable;
    private final String type;

    /**
     * @param variable what the value is: a notebook variable, a field of a process subclass, a captured value
     * @param type     the value's class name
     * @param detail   why it cannot be copied, or null
     * @param cause    the serialization failure, or null
     */
    public NotCopyableException(String variable, String type, String detail, Throwable cause) {
        super(variable + " of type " + type + " cannot be copied into a child process"
                + (detail == null ? "" : ": " + detail)
                + ". Every value a child uses is copied with Java serialization: make the type Serializable,"
                + " mark the field transient, or create the value inside the child.", cause);
        this.variable = variable;
        this.type = type;
    }

    /** The variable, field or captured value that could not be copied. */
    public String variable() {
        return variable;
    }

    /** The class name of the value. */
    public String type() {
        return type;
    }
}
