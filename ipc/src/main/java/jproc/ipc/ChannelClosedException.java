package jproc.ipc;

/**
 * A channel handle was used after {@code close()} in this process. Other processes (and other handles
 * of the same channel in this process) are not affected; open the channel again by name to keep using it.
 */
public class ChannelClosedException extends IpcException {
    private static final long serialVersionUID = 1L;

    public ChannelClosedException(String kind, String name) {
        super(kind + " '" + name + "' was closed in this process; open it again by name to use it");
    }
}
