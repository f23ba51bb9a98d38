package jproc.ipc.pipe;

import jproc.ipc.IpcException;

/**
 * {@code recv} found no message left and no process holding the other end: every holder closed it or died. The
 * mirror of Python's {@code EOFError} on {@code Connection.recv()}. Messages sent before the peer went away are
 * always delivered first.
 */
public class EndOfStreamException extends IpcException {
    private static final long serialVersionUID = 1L;

    public EndOfStreamException(String name, int end) {
        super("pipe '" + name + "' end " + end + ": end of stream, the other end was closed or its process died and "
                + "no message is left");
    }
}
