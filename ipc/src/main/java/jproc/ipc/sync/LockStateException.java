package jproc.ipc.sync;

import jproc.ipc.IpcException;

/**
 * A synchronization primitive was used against its rules: releasing a lock that is not held, releasing a
 * re-entrant lock held by another thread, waiting on a condition without holding its lock, releasing a bounded
 * semaphore past its bound.
 */
public class LockStateException extends IpcException {
    private static final long serialVersionUID = 1L;

    public LockStateException(String message) {
        super(message);
    }
}
