package jproc.ipc.sync;

import java.nio.ByteBuffer;

import jproc.ipc.shm.SharedFile;

/**
 * Layout of a lock region (256 bytes), the body of a lock or re-entrant lock file and embedded in shared values and
 * conditions. Offsets are relative to the region.
 *
 * <pre>
 *   +0    owner (long, a MutexWord: token of the owning thread, 0 when free)
 *   +8    hold count (int, re-entrant locks; written by the owner only)
 *   +16   acquisitions (long, written by the owner; statistics, and waiters watch it to see the lock move)
 *   +24   owner deaths recovered (long)
 *   +32   pid of the last owner that died (long)
 *   +128  waiters (WaiterTable, 128 bytes)
 * </pre>
 *
 * Acquire is a compare-and-set of the owner word from 0 to the caller's token; release stores 0. A waiter that finds
 * the owner's process dead replaces the dead token with its own, resets the hold count, releases the word and
 * reports {@link OwnerDiedException}.
 */
public final class LockDescriptor {
    public static final int OWNER_OFFSET = 0;
    public static final int COUNT_OFFSET = 8;
    public static final int ACQUISITIONS_OFFSET = 16;
    public static final int DEATHS_OFFSET = 24;
    public static final int LAST_DEAD_OFFSET = 32;
    public static final int WAITERS_OFFSET = 128;
    public static final int BYTES = 256;
    public static final int LAYOUT = 1;

    /** Checks a lock or re-entrant lock file mapping; null if valid, else the broken rule with the values. */
    public static String validate(ByteBuffer b) {
        return SharedFile.checkBodyLength(b, BYTES);
    }

    private LockDescriptor() {
    }
}
