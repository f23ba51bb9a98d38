package jproc.ipc.shm;

import static jproc.ipc.shm.ShmAccess.INTS;
import static jproc.ipc.shm.ShmAccess.LONGS;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Which processes hold something (a channel file, one end of a pipe): a table in shared memory guarded by a
 * robust mutex.
 *
 * <pre>
 *   +0   mutex (long, MutexWord)
 *   +8   used slots (int)          +12  untracked holders (int, beyond the table)
 *   +64  slots, SLOT_BYTES each:
 *        +--------------------------+-------------+----------------------------------+
 *        | process token (long)     | count (int) | pending deadline (int, epoch s)  |
 *        +--------------------------+-------------+----------------------------------+
 *        count > 0: that process holds it count times; count = PENDING: a handle in flight until the deadline,
 *        the token naming the process that sent it
 * </pre>
 *
 * Each change writes one slot (count to 0 first, then token, deadline, count), so a process killed inside a
 * change leaves a slot that reads as free, and the next caller takes the mutex over. Holders that died are
 * recognised by their dead tokens; expired pending slots count as free. Methods named {@code ...Locked} require the
 * caller to hold {@link #lock()}.
 */
public final class HolderTable {
    public static final int MUTEX_OFFSET = 0;
    public static final int USED_OFFSET = 8;
    public static final int UNTRACKED_OFFSET = 12;
    public static final int SLOTS_OFFSET = 64;
    public static final int SLOT_BYTES = 16;
    public static final int PENDING = -1;

    private final ByteBuffer buf;
    private final int off;
    private final int slots;
    private final MutexWord mutex;

    public HolderTable(ByteBuffer buf, int off, int slots) {
        this.buf = buf;
        this.off = off;
        this.slots = slots;
        this.mutex = new MutexWord(buf, off + MUTEX_OFFSET);
    }

    /** Bytes a table with {@code slots} slots occupies. */
    public static int bytes(int slots) {
        return SLOTS_OFFSET + slots * SLOT_BYTES;
    }

    /** Takes the table's mutex (uninterruptibly; it is held for microseconds). */
    public void lock() {
        mutex.lockRecovering(OwnerToken.current());
    }

    public void unlock() {
        mutex.unlock();
    }

    private int slot(int i) {
        return off + SLOTS_OFFSET + i * SLOT_BYTES;
    }

    private void write(int s, long token, int count, int deadline) {
        INTS.setVolatile(buf, s + 8, 0);
        LONGS.setVolatile(buf, s, token);
        INTS.setVolatile(buf, s + 12, deadline);
        INTS.setVolatile(buf, s + 8, count);
    }

    private void clear(int s) {
        INTS.setVolatile(buf, s + 8, 0);
        LONGS.setVolatile(buf, s, 0L);
        INTS.getAndAdd(buf, off + USED_OFFSET, -1);
    }

    /**
     * Adds one hold by {@code processToken}; with {@code consumePending}, a pending slot (a handle in flight)
     * becomes this holder's slot.
     */
    public void addLocked(long processToken, boolean consumePending) {
        addLocked(processToken, consumePending, false);
    }

    /**
     * Adds one hold by {@code processToken}. With {@code consumePending}, a pending slot (a handle in flight)
     * becomes this holder's slot; with {@code releaseLender} as well, the process that put the handle in flight
     * loses one hold: the hand-over completes.
     */
    public void addLocked(long processToken, boolean consumePending, boolean releaseLender) {
        int free = -1;
        int pending = -1;
        for (int i = 0; i < slots; i++) {
            int s = slot(i);
            long t = (long) LONGS.getVolatile(buf, s);
            int count = (int) INTS.getVolatile(buf, s + 8);
            if (t == processToken && count > 0) {
                INTS.setVolatile(buf, s + 8, count + 1);
                return;
            }
            if (t == 0 || count == 0) {
                free = free < 0 ? i : free;
            } else if (count == PENDING && pending < 0) {
                pending = i;
            }
        }
        if (consumePending && pending >= 0) {
            long lender = (long) LONGS.getVolatile(buf, slot(pending));
            write(slot(pending), processToken, 1, 0);
            if (releaseLender && lender != processToken) {
                removeLocked(lender);
            }
            return;
        }
        if (free < 0) {
            free = reclaimLocked();
        }
        if (free < 0) {
            INTS.getAndAdd(buf, off + UNTRACKED_OFFSET, 1);
            return;
        }
        INTS.getAndAdd(buf, off + USED_OFFSET, 1);
        write(slot(free), processToken, 1, 0);
    }

    /** Removes one hold by {@code processToken}; returns false if it had none. */
    public boolean removeLocked(long processToken) {
        for (int i = 0; i < slots; i++) {
            int s = slot(i);
            int count = (int) INTS.getVolatile(buf, s + 8);
            if ((long) LONGS.getVolatile(buf, s) == processToken && count > 0) {
                if (count == 1) {
                    clear(s);
                } else {
                    INTS.setVolatile(buf, s + 8, count - 1);
                }
                return true;
            }
        }
        if ((int) INTS.getVolatile(buf, off + UNTRACKED_OFFSET) > 0) {
            INTS.getAndAdd(buf, off + UNTRACKED_OFFSET, -1);
            return true;
        }
        return false;
    }

    /** Adds a pending hold that lasts {@code seconds} or until a receiver consumes it. */
    public void addPendingLocked(int seconds) {
        int free = -1;
        for (int i = 0; i < slots && free < 0; i++) {
            int s = slot(i);
            if ((long) LONGS.getVolatile(buf, s) == 0 || (int) INTS.getVolatile(buf, s + 8) == 0) {
                free = i;
            }
        }
        if (free < 0) {
            free = reclaimLocked();
        }
        if (free < 0) {
            return;
        }
        INTS.getAndAdd(buf, off + USED_OFFSET, 1);
        write(slot(free), OwnerToken.process(), PENDING, (int) (System.currentTimeMillis() / 1000 + seconds));
    }

    /** Frees the first slot whose holder died or whose pending hold expired; returns its index or -1. */
    private int reclaimLocked() {
        long nowS = System.currentTimeMillis() / 1000;
        for (int i = 0; i < slots; i++) {
            int s = slot(i);
            if ((long) LONGS.getVolatile(buf, s) != 0 && (int) INTS.getVolatile(buf, s + 8) != 0 && !live(s, nowS)) {
                clear(s);
                return i;
            }
        }
        return -1;
    }

    private boolean live(int s, long nowS) {
        long t = (long) LONGS.getVolatile(buf, s);
        int count = (int) INTS.getVolatile(buf, s + 8);
        if (t == 0 || count == 0) {
            return false;
        }
        if (count == PENDING) {
            return (int) INTS.getVolatile(buf, s + 12) - (int) nowS > 0;
        }
        return OwnerToken.isAlive(t);
    }

    /** True if some holder is alive or some pending hold has not expired. Reads /proc: slow path only. */
    public boolean anyLive() {
        if ((int) INTS.getVolatile(buf, off + UNTRACKED_OFFSET) > 0) {
            return true;
        }
        long nowS = System.currentTimeMillis() / 1000;
        for (int i = 0; i < slots; i++) {
            if (live(slot(i), nowS)) {
                return true;
            }
        }
        return false;
    }

    /** Slots in use, live or not (a cheap read: 0 means everyone closed). */
    public int used() {
        return (int) INTS.getVolatile(buf, off + USED_OFFSET) + (int) INTS.getVolatile(buf, off + UNTRACKED_OFFSET);
    }

    /** True if {@code processToken} holds a slot. */
    public boolean holds(long processToken) {
        for (int i = 0; i < slots; i++) {
            int s = slot(i);
            if ((long) LONGS.getVolatile(buf, s) == processToken && (int) INTS.getVolatile(buf, s + 8) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Pids of live holders (read without locking). */
    public List<Long> livePids() {
        var out = new ArrayList<Long>();
        for (int i = 0; i < slots; i++) {
            int s = slot(i);
            long t = (long) LONGS.getVolatile(buf, s);
            if (t != 0 && (int) INTS.getVolatile(buf, s + 8) > 0 && OwnerToken.isAlive(t)) {
                out.add(OwnerToken.pid(t));
            }
        }
        return out;
    }

    /** Number of unexpired pending holds (handles in flight). */
    public int pending() {
        long nowS = System.currentTimeMillis() / 1000;
        int n = 0;
        for (int i = 0; i < slots; i++) {
            int s = slot(i);
            if ((int) INTS.getVolatile(buf, s + 8) == PENDING && live(s, nowS)) {
                n++;
            }
        }
        return n;
    }
}
