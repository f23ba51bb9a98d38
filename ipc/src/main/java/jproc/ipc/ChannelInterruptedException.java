package jproc.ipc;

/**
 * The thread was interrupted while blocked in a channel operation ({@code get}, {@code put}, {@code acquire},
 * {@code join}, {@code await}...). Every blocking operation of the library throws this unchecked exception
 * promptly when its thread is interrupted; like {@link InterruptedException} it clears the thread's interrupt
 * status. The channel is left consistent: the interrupted operation had no effect.
 */
public class ChannelInterruptedException extends IpcException {
    private static final long serialVersionUID = 1L;

    public ChannelInterruptedException(String operation, String kind, String name) {
        super(operation + " on " + kind + " '" + name + "' was interrupted");
    }
}
