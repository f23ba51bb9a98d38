package jproc.ipc.sync;

import jproc.ipc.IpcException;

/**
 * A process died while holding a lock or semaphore permits (the mirror of a robust mutex's {@code EOWNERDEAD}).
 * Exactly one waiter learns of each death through this exception. The primitive has already been recovered: the
 * lock is free again, the permits are back. The data the dead process was protecting may be half-updated: check it,
 * then acquire again.
 */
public class OwnerDiedException extends IpcException {
    private static final long serialVersionUID = 1L;
    private final long deadPid;

    public OwnerDiedException(String kind, String name, long deadPid, String what) {
        super(kind + " '" + name + "': process " + deadPid + " died while holding " + what + "; it has been released "
                + "and is usable again: check the state it protects, then acquire again");
        this.deadPid = deadPid;
    }

    /** The pid of the process that died. */
    public long deadPid() {
        return deadPid;
    }
}
