package jproc.ipc.sync;

import jproc.ipc.IpcException;

/**
 * A barrier wait could not complete: the barrier is broken because a party timed out, {@code abort()} or
 * {@code reset()} was called (the mirror of Python's {@code BrokenBarrierError}). Call {@code reset()} to use the
 * barrier again.
 */
public class BrokenProcessBarrierException extends IpcException {
    private static final long serialVersionUID = 1L;

    public BrokenProcessBarrierException(String name, String why) {
        super("barrier '" + name + "' is broken: " + why + "; call reset() to use it again");
    }
}
