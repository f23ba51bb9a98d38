package jproc.ipc.codec;

import jproc.ipc.IpcException;

/**
 * The sender tried to send a value that cannot cross a process boundary: it (or something it refers to) is not
 * {@link java.io.Serializable}, or it is a type the receiver's deserialization filter would refuse. Nothing was
 * sent.
 */
public class MessageNotSerializableException extends IpcException {
    private static final long serialVersionUID = 1L;
    private final String typeName;

    public MessageNotSerializableException(String typeName, String message, Throwable cause) {
        super(message, cause);
        this.typeName = typeName;
    }

    /** The type of the value the caller tried to send. */
    public String typeName() {
        return typeName;
    }
}
