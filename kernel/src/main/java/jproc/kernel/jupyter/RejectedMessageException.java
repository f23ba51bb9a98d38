package jproc.kernel.jupyter;

/** A received message was dropped: malformed, wrongly signed, or of a kind the channel does not take. */
final class RejectedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    RejectedMessageException(String message) {
        super(message);
    }

    RejectedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
