package jproc.ipc.shm;

import static jproc.ipc.shm.ShmAccess.LONGS;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Who waits on a primitive, for inspection only (waiting itself is polling, see {@link WaitLoop}).
 *
 * <pre>
 *   +----------------------+---------+---------+-----+----------+
 *   | overflow count (long)| slot 0  | slot 1  | ... | slot 14  |   128 bytes; slot = waiter token or 0
 *   +----------------------+---------+---------+-----+----------+
 * </pre>
 *
 * A waiter claims a free slot with a compare-and-set (or counts itself in the overflow counter when all are
 * taken) and frees it when it stops waiting. Slots of waiters that died are ignored by readers and reclaimed by
 * the next registrant that finds no free slot.
 */
public final class WaiterTable {
    /** Bytes the table occupies. */
    public static final int BYTES = 128;
    /** Number of slots. */
    public static final int SLOTS = 15;

    private final ByteBuffer buf;
    private final int off;

    public WaiterTable(ByteBuffer buf, int off) {
        if ((off & 7) != 0) {
            throw new IllegalArgumentException("a waiter table must be 8-byte aligned: offset=" + off);
        }
        this.buf = buf;
        this.off = off;
    }

    /** Registers the token; returns a ticket for {@link #unregister(int)}. */
    public int register(long token) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < SLOTS; i++) {
                int slot = off + 8 + i * 8;
                long t = (long) LONGS.getOpaque(buf, slot);
                if (t == 0 && LONGS.compareAndSet(buf, slot, 0L, token)) {
                    return slot;
                }
                if (pass == 1 && t != 0 && !OwnerToken.isAlive(t) && LONGS.compareAndSet(buf, slot, t, token)) {
                    return slot;
                }
            }
        }
        LONGS.getAndAdd(buf, off, 1L);
        return -1;
    }

    /** Removes a registration made by {@link #register(long)}. */
    public void unregister(int ticket, long token) {
        if (ticket < 0) {
            LONGS.getAndAdd(buf, off, -1L);
        } else {
            LONGS.compareAndSet(buf, ticket, token, 0L);
        }
    }

    /** The pids of live waiters (may repeat a pid for several threads), plus overflow waiters as pid 0. */
    public List<Long> waiterPids() {
        var out = new ArrayList<Long>();
        for (int i = 0; i < SLOTS; i++) {
            long t = (long) LONGS.getOpaque(buf, off + 8 + i * 8);
            if (t != 0 && OwnerToken.isAlive(t)) {
                out.add(OwnerToken.pid(t));
            }
        }
        long overflow = (long) LONGS.getOpaque(buf, off);
        for (long i = 0; i < overflow && i < 1000; i++) {
            out.add(0L);
        }
        return out;
    }
}
