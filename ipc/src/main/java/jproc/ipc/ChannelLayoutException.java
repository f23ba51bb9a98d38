package jproc.ipc;

/**
 * A shared-memory file does not hold the expected layout: wrong kind, wrong version, a file still being
 * created by a process that died, or parameters that differ from the ones asked for.
 */
public class ChannelLayoutException extends IpcException {
    private static final long serialVersionUID = 1L;

    public ChannelLayoutException(String message) {
        super(message);
    }
}
