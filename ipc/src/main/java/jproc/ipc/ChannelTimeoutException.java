package jproc.ipc;

import java.time.Duration;

/** A blocking operation with a timeout did not complete in time ({@code get(timeout)} on an empty queue). */
public class ChannelTimeoutException extends IpcException {
    private static final long serialVersionUID = 1L;

    public ChannelTimeoutException(String operation, String kind, String name, Duration timeout) {
        super(operation + " on " + kind + " '" + name + "' timed out after " + timeout.toMillis() + " ms");
    }
}
