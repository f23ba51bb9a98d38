package jproc.ipc.sync;

import static jproc.ipc.shm.ShmAccess.INTS;
import static jproc.ipc.shm.ShmAccess.LONGS;

import java.nio.ByteBuffer;
import java.util.ArrayList;

import jproc.ipc.ChannelKind;
import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.shm.OwnerToken;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.shm.ShmAccess;
import jproc.ipc.session.Session;

/**
 * Layout of a condition file {@code jproc-<session>-condition-<name>} (body offsets, from 4096).
 *
 * <pre>
 *   +0    own re-entrant lock (LockDescriptor, 256 bytes), used unless an external lock is named
 *   +256  external lock: kind code (int, 0 = own lock) | name length (int) | +264: name, ASCII, 104 bytes
 *   +384  ticket counter (long)   +392  signals sent (long)
 *   +512  waiter slots, WAITER_SLOTS x 16 bytes:
 *         +----------------------+--------------+-------------------------------------------------+
 *         | waiter token (long)  | ticket (int) | state (int): 0 free, 1 waiting, 2 signalled, 3 claiming |
 *         +----------------------+--------------+-------------------------------------------------+
 * </pre>
 *
 * A waiter claims a slot (compare-and-set of the state from free to claiming, then token, ticket, state waiting)
 * while it holds the lock, releases the lock, and polls its slot until a signaller flips it to signalled (oldest
 * tickets first). It frees the slot and re-acquires the lock. Slots of dead waiters are skipped by signallers and
 * reclaimed when a waiter finds no free slot.
 */
public final class ConditionDescriptor {
    public static final int LAYOUT = 1;
    public static final int LOCK_OFFSET = 0;
    public static final int EXTERNAL_KIND_OFFSET = 256;
    public static final int EXTERNAL_NAME_LENGTH_OFFSET = 260;
    public static final int EXTERNAL_NAME_OFFSET = 264;
    public static final int EXTERNAL_NAME_BYTES = 104;
    public static final int TICKETS_OFFSET = 384;
    public static final int SIGNALS_OFFSET = 392;
    public static final int SLOTS_OFFSET = 512;
    public static final int WAITER_SLOTS = 32;
    public static final int BYTES = SLOTS_OFFSET + WAITER_SLOTS * 16;

    public static final int FREE = 0;
    public static final int WAITING = 1;
    public static final int SIGNALLED = 2;
    public static final int CLAIMING = 3;

    private ConditionDescriptor() {
    }

    /** Checks a condition mapping; null if valid, else the broken rule with the values. */
    public static String validate(ByteBuffer b) {
        String problem = SharedFile.checkBodyLength(b, BYTES);
        if (problem != null) {
            return problem;
        }
        int kind = (int) INTS.getVolatile(b, HeaderDescriptor.BODY_OFFSET + EXTERNAL_KIND_OFFSET);
        if (kind != 0 && kind != ChannelKind.LOCK.code() && kind != ChannelKind.RLOCK.code()) {
            return "a condition's lock must be its own, a lock or a re-entrant lock: kind code=" + kind;
        }
        return null;
    }

    /** Reads a condition's state without locking. */
    public static ConditionSnapshot snapshot(String name, ByteBuffer b) {
        int base = HeaderDescriptor.BODY_OFFSET;
        int kindCode = (int) INTS.getVolatile(b, base + EXTERNAL_KIND_OFFSET);
        ChannelKind lockKind = kindCode == 0 ? ChannelKind.RLOCK : ChannelKind.ofCode(kindCode);
        String lockName = kindCode == 0 ? name
                : ShmAccess.getAscii(b, base + EXTERNAL_NAME_OFFSET, EXTERNAL_NAME_BYTES);
        LockSnapshot lock;
        if (kindCode == 0) {
            lock = LockCore.snapshot(ChannelKind.CONDITION, name, b, base + LOCK_OFFSET);
        } else {
            ByteBuffer lb = SharedFile.peek(Session.current().file(lockKind.word(), lockName));
            lock = lb == null ? null : LockCore.snapshot(lockKind, lockName, lb, HeaderDescriptor.BODY_OFFSET);
        }
        var waiting = new ArrayList<Long>();
        for (int i = 0; i < WAITER_SLOTS; i++) {
            int s = base + SLOTS_OFFSET + i * 16;
            long t = (long) LONGS.getVolatile(b, s);
            if ((int) INTS.getVolatile(b, s + 12) == WAITING && t != 0 && OwnerToken.isAlive(t)) {
                waiting.add(OwnerToken.pid(t));
            }
        }
        return new ConditionSnapshot(name, kindCode == 0 ? "own" : lockKind.word() + " " + lockName, lock, waiting,
                (long) LONGS.getVolatile(b, base + SIGNALS_OFFSET));
    }
}
