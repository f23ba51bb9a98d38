package jproc.ipc.queue;

import static jproc.ipc.shm.ShmAccess.LONGS;

import java.nio.ByteBuffer;
import java.util.List;

import jproc.ipc.codec.MessageText;
import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.shm.MessageRing;
import jproc.ipc.shm.MutexWord;
import jproc.ipc.shm.OwnerToken;
import jproc.ipc.shm.RingDescriptor;
import jproc.ipc.shm.SharedFile;

/**
 * Layout of a queue file {@code jproc-<session>-queue-<name>}.
 *
 * <pre>
 *   0     common header (HeaderDescriptor), parameters: [0] ring capacity, [1] item bound, [2] layout
 *   4096  one message ring (RingDescriptor): producer lock, TAIL, HEAD, waiter tables, tasks done, data
 *   4096 + 1024 + capacity: end of file
 * </pre>
 *
 * The item bound is enforced by producers from the put and get sequences; the joinable count of unfinished tasks
 * is the put sequence minus the tasks-done counter of the ring header.
 */
public final class QueueDescriptor {
    public static final int LAYOUT = 1;
    public static final int PARAM_CAPACITY = 0;
    public static final int PARAM_MAX_ITEMS = 1;
    public static final int PARAM_LAYOUT = 2;
    public static final int RING_OFFSET = HeaderDescriptor.BODY_OFFSET;
    /** How many items a snapshot shows. */
    public static final int PEEK_ITEMS = 5;

    private QueueDescriptor() {
    }

    /** Checks a queue mapping; null if valid, else the broken rule with the values. */
    public static String validate(ByteBuffer b) {
        long cap = SharedFile.param(b, PARAM_CAPACITY);
        long maxItems = SharedFile.param(b, PARAM_MAX_ITEMS);
        if (cap < RingDescriptor.MIN_CAPACITY || cap > RingDescriptor.MAX_CAPACITY || Long.bitCount(cap) != 1) {
            return "ring capacity must be a power of 2 in [" + RingDescriptor.MIN_CAPACITY + ", "
                    + RingDescriptor.MAX_CAPACITY + "]: capacity=" + cap;
        }
        if (maxItems < 0 || maxItems >= RingDescriptor.SEQ_MASK) {
            return "item bound out of range: maxItems=" + maxItems;
        }
        long expected = HeaderDescriptor.BODY_OFFSET + bodyBytes((int) cap);
        if (SharedFile.length(b) != expected) {
            return "file length must be " + expected + " for capacity " + cap + ": length=" + SharedFile.length(b);
        }
        return null;
    }

    /** Body bytes of a queue with this ring capacity. */
    public static long bodyBytes(int capacity) {
        return RingDescriptor.bytes(capacity);
    }

    /** Reads a queue's state from a mapping (attached or {@link SharedFile#peek}), without locking. */
    public static QueueSnapshot snapshot(String name, ByteBuffer b) {
        String problem = validate(b);
        if (problem != null) {
            throw new jproc.ipc.ChannelLayoutException("queue '" + name + "': " + problem);
        }
        int cap = (int) (long) LONGS.get(b, HeaderDescriptor.paramOffset(PARAM_CAPACITY));
        int maxItems = (int) (long) LONGS.get(b, HeaderDescriptor.paramOffset(PARAM_MAX_ITEMS));
        var ring = new MessageRing(b, RING_OFFSET, cap);
        long done = (long) LONGS.getVolatile(b, RING_OFFSET + RingDescriptor.DONE_OFFSET);
        long unfinished = (ring.putSeq() - done) & RingDescriptor.SEQ_MASK;
        long producer = new MutexWord(b, RING_OFFSET + RingDescriptor.PRODUCER_LOCK_OFFSET).owner();
        List<String> head = ring.peek(PEEK_ITEMS).stream().map(MessageText::render).toList();
        return new QueueSnapshot(name, ring.size(), ring.usedBytes(), cap, maxItems, ring.putCount(), ring.getCount(),
                unfinished > (RingDescriptor.SEQ_MASK >> 1) ? 0 : unfinished, ring.getWaiters().waiterPids(),
                ring.putWaiters().waiterPids(), producer == 0 ? 0 : OwnerToken.pid(producer), ring.takeovers(),
                SharedFile.attachedPids(b), head);
    }
}
