package jproc.ipc.sync;

import java.nio.ByteBuffer;

import jproc.ipc.shm.SharedFile;

/**
 * Layout of a semaphore file {@code jproc-<session>-semaphore-<name>} (body offsets, from 4096).
 *
 * <pre>
 *   +0    state mutex (MutexWord; held for microseconds around every change)
 *   +8    base (long): available permits = base - sum of holder counts
 *   +16   bound (long): largest number of permits of a bounded semaphore, 0 if unbounded
 *   +24   owner deaths recovered (long)     +32  pid of the last holder that died (long)
 *   +40   acquisitions (long)
 *   +128  waiters (WaiterTable, 128 bytes)
 *   +256  holders: HOLDER_SLOTS x 16 bytes
 *         +----------------------+-------------+----------+
 *         | process token (long) | count (int) | reserved |
 *         +----------------------+-------------+----------+
 * </pre>
 *
 * An acquire adds one to the caller's process slot; a release takes one from it, or adds one to base when the
 * process holds none (a release without acquire, allowed as in Python). Each change is one write under the state
 * mutex, so a process killed inside a change leaves the state consistent. A waiter that finds a slot of a dead
 * process clears it (its permits come back) and reports {@link OwnerDiedException}. A process beyond the
 * holder slots takes its permits from base, untracked.
 */
public final class SemaphoreDescriptor {
    public static final int LAYOUT = 1;
    public static final int PARAM_PERMITS = 0;
    public static final int PARAM_BOUND = 1;
    public static final int MUTEX_OFFSET = 0;
    public static final int BASE_OFFSET = 8;
    public static final int BOUND_OFFSET = 16;
    public static final int DEATHS_OFFSET = 24;
    public static final int LAST_DEAD_OFFSET = 32;
    public static final int ACQUISITIONS_OFFSET = 40;
    public static final int WAITERS_OFFSET = 128;
    public static final int HOLDERS_OFFSET = 256;
    public static final int HOLDER_SLOTS = 64;
    public static final int BYTES = HOLDERS_OFFSET + HOLDER_SLOTS * 16;

    /** Checks a semaphore mapping; null if valid, else the broken rule with the values. */
    public static String validate(ByteBuffer b) {
        String problem = SharedFile.checkBodyLength(b, BYTES);
        if (problem != null) {
            return problem;
        }
        long permits = SharedFile.param(b, PARAM_PERMITS);
        long bound = SharedFile.param(b, PARAM_BOUND);
        if (permits < 0 || bound < 0 || (bound > 0 && bound != permits)) {
            return "permits and bound must be 0 or more, a bound equal to the initial permits: permits=" + permits
                    + ", bound=" + bound;
        }
        return null;
    }

    private SemaphoreDescriptor() {
    }
}
