package jproc.ipc.sync;

import java.nio.ByteBuffer;

import jproc.ipc.shm.SharedFile;

/**
 * Layout of an event file {@code jproc-<session>-event-<name>} (body offsets, from 4096).
 *
 * <pre>
 *   +0    flag (int): 1 set, 0 clear
 *   +8    times set (long, statistics)
 *   +128  waiters (WaiterTable, 128 bytes)
 * </pre>
 */
public final class EventDescriptor {
    public static final int LAYOUT = 1;
    public static final int FLAG_OFFSET = 0;
    public static final int SETS_OFFSET = 8;
    public static final int WAITERS_OFFSET = 128;
    public static final int BYTES = 256;

    /** Checks an event mapping; null if valid, else the broken rule with the values. */
    public static String validate(ByteBuffer b) {
        return SharedFile.checkBodyLength(b, BYTES);
    }

    private EventDescriptor() {
    }
}
