package jproc.ipc.codec;

import jproc.ipc.IpcException;

/**
 * A message is larger than {@link MessageCodec#maxMessageBytes()}. Messages larger than a channel's ring are
 * supported (they travel through a side file); this limit only guards against runaway sizes. Raise it with
 * {@code -Djproc.codec.maxBytes=<bytes>} on every process of the session.
 */
public class MessageTooLargeException extends IpcException {
    private static final long serialVersionUID = 1L;

    public MessageTooLargeException(long size, long limit) {
        super("message of " + size + " bytes exceeds the limit of " + limit
                + " bytes; raise it with -Djproc.codec.maxBytes=<bytes> on every process of the session");
    }
}
