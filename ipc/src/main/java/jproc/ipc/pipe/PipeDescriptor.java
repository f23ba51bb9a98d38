package jproc.ipc.pipe;

import static jproc.ipc.shm.ShmAccess.LONGS;

import java.nio.ByteBuffer;
import java.util.ArrayList;

import jproc.ipc.codec.MessageText;
import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.shm.HolderTable;
import jproc.ipc.shm.MessageRing;
import jproc.ipc.shm.RingDescriptor;

/**
 * Layout of a pipe file {@code jproc-<session>-pipe-<name>}.
 *
 * <pre>
 *   0      common header (HeaderDescriptor); parameters: [0] ring capacity, [1] duplex (1/0), [2] layout
 *   4096   holders of end 0 (HolderTable, END_SLOTS slots)
 *   5120   holders of end 1 (HolderTable, END_SLOTS slots)
 *   8192   ring 0: messages TO end 0 (RingDescriptor), capacity bytes of data
 *   8192 + ring bytes: ring 1: messages TO end 1 (duplex pipes only)
 * </pre>
 *
 * End i receives from ring i and sends into ring 1 - i; a one-way pipe has ring 0 only (end 1 sends, end 0
 * receives). A receiver whose ring is empty and whose peer's holder table has no live holder sees end of stream.
 */
public final class PipeDescriptor {
    public static final int LAYOUT = 1;
    public static final int PARAM_CAPACITY = 0;
    public static final int PARAM_DUPLEX = 1;
    public static final int END_SLOTS = 32;
    public static final int END0_HOLDERS_OFFSET = HeaderDescriptor.BODY_OFFSET;
    public static final int END1_HOLDERS_OFFSET = HeaderDescriptor.BODY_OFFSET + 1024;
    public static final int RING0_OFFSET = HeaderDescriptor.BODY_OFFSET + 4096;
    public static final int PEEK = 3;

    static {
        if (HolderTable.bytes(END_SLOTS) > 1024) {
            throw new AssertionError("holder table does not fit its block");
        }
    }

    private PipeDescriptor() {
    }

    /** Checks a pipe mapping; null if valid, else the broken rule with the values. */
    public static String validate(ByteBuffer b) {
        long cap = jproc.ipc.shm.SharedFile.param(b, PARAM_CAPACITY);
        long duplex = jproc.ipc.shm.SharedFile.param(b, PARAM_DUPLEX);
        if (cap < RingDescriptor.MIN_CAPACITY || cap > RingDescriptor.MAX_CAPACITY || Long.bitCount(cap) != 1) {
            return "ring capacity must be a power of 2 in [" + RingDescriptor.MIN_CAPACITY + ", "
                    + RingDescriptor.MAX_CAPACITY + "]: capacity=" + cap;
        }
        if (duplex != 0 && duplex != 1) {
            return "duplex must be 0 or 1: duplex=" + duplex;
        }
        long expected = HeaderDescriptor.BODY_OFFSET + bodyBytes((int) cap, duplex == 1);
        long length = jproc.ipc.shm.SharedFile.length(b);
        return length == expected ? null : "file length must be " + expected + ": length=" + length;
    }

    /** Body bytes of a pipe. */
    public static long bodyBytes(int capacity, boolean duplex) {
        return 4096L + (long) RingDescriptor.bytes(capacity) * (duplex ? 2 : 1);
    }

    /** Offset of the ring that end {@code end} receives from. */
    public static int ringOffset(int capacity, int end) {
        return RING0_OFFSET + end * RingDescriptor.bytes(capacity);
    }

    /** Offset of the holder table of end {@code end}. */
    public static int holdersOffset(int end) {
        return end == 0 ? END0_HOLDERS_OFFSET : END1_HOLDERS_OFFSET;
    }

    /** Reads a pipe's state without locking. */
    public static PipeSnapshot snapshot(String name, ByteBuffer b) {
        String problem = validate(b);
        if (problem != null) {
            throw new jproc.ipc.ChannelLayoutException("pipe '" + name + "': " + problem);
        }
        int cap = (int) (long) LONGS.get(b, HeaderDescriptor.paramOffset(PARAM_CAPACITY));
        boolean duplex = (long) LONGS.get(b, HeaderDescriptor.paramOffset(PARAM_DUPLEX)) != 0;
        var r0 = new MessageRing(b, ringOffset(cap, 0), cap);
        MessageRing r1 = duplex ? new MessageRing(b, ringOffset(cap, 1), cap) : null;
        var receivers = new ArrayList<>(r0.getWaiters().waiterPids());
        var head = new ArrayList<String>();
        r0.peek(PEEK).forEach(v -> head.add("to left: " + MessageText.render(v)));
        if (r1 != null) {
            receivers.addAll(r1.getWaiters().waiterPids());
            r1.peek(PEEK).forEach(v -> head.add("to right: " + MessageText.render(v)));
        }
        return new PipeSnapshot(name, duplex, cap, r0.size(), r1 == null ? 0 : r1.size(), r0.putCount(),
                r1 == null ? 0 : r1.putCount(), new HolderTable(b, holdersOffset(0), END_SLOTS).livePids(),
                new HolderTable(b, holdersOffset(1), END_SLOTS).livePids(), receivers, head);
    }
}
