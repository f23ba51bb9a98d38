package jproc.ipc.sync;

import jproc.ipc.shm.OpenHandle;
import jproc.ipc.shm.SharedFile;

/**
 * A {@link ProcessSemaphore} that never holds more permits than it started with (the mirror of Python's
 * {@code multiprocessing.BoundedSemaphore}): a release past the bound throws {@link LockStateException} and changes
 * nothing.
 */
public final class BoundedProcessSemaphore extends ProcessSemaphore {
    private static final long serialVersionUID = 1L;

    BoundedProcessSemaphore(SharedFile file) {
        super(file);
    }

    /** Opens the bounded semaphore with this name, creating it with {@code permits} (also its bound) if needed. */
    public static BoundedProcessSemaphore of(String name, int permits) {
        return new BoundedProcessSemaphore(file(name, permits, true));
    }

    /** Creates a bounded semaphore with a generated name. */
    public static BoundedProcessSemaphore create(int permits) {
        return of(OpenHandle.anonymousName(), permits);
    }

    /** Opens an existing bounded semaphore. */
    public static BoundedProcessSemaphore open(String name) {
        ProcessSemaphore s = ProcessSemaphore.open(name);
        if (s instanceof BoundedProcessSemaphore b) {
            return b;
        }
        s.close();
        throw new jproc.ipc.ChannelLayoutException("semaphore '" + name + "' is not bounded; open it with "
                + "ProcessSemaphore.open(name)");
    }
}
