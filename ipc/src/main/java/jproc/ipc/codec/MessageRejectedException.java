package jproc.ipc.codec;

import jproc.ipc.IpcException;

/**
 * A received message could not be decoded: its serialization stream names a class the deserialization filter
 * does not allow, breaks a limit (depth, array length, references, bytes), names an unknown class, or is
 * corrupt. The message was consumed and discarded; the channel and the receiver keep working. To allow more
 * classes, see {@link MessageFilter#allow(String)}.
 */
public class MessageRejectedException extends IpcException {
    private static final long serialVersionUID = 1L;
    private final String className;

    public MessageRejectedException(String className, String message, Throwable cause) {
        super(message, cause);
        this.className = className;
    }

    /** The rejected class, or null when the rejection was not about a class (a limit, a corrupt stream). */
    public String className() {
        return className;
    }
}
