package jproc.ipc.pipe;

import jproc.ipc.IpcException;

/**
 * {@code send} found no process holding the other end: every holder closed it or died, so nobody could ever
 * receive the message. Nothing was sent. The mirror of Python's {@code BrokenPipeError}.
 */
public class BrokenPipeException extends IpcException {
    private static final long serialVersionUID = 1L;

    public BrokenPipeException(String name, int end) {
        super("pipe '" + name + "' end " + end + ": broken pipe, the other end was closed or its process died; "
                + "nothing was sent");
    }
}
