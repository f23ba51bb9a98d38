package jproc.ipc.sync;

import java.nio.ByteBuffer;

import jproc.ipc.shm.SharedFile;

/**
 * Layout of a barrier file {@code jproc-<session>-barrier-<name>} (body offsets, from 4096).
 *
 * <pre>
 *   +0    state mutex (MutexWord; held for microseconds)
 *   +8    parties (int)          +12  arrived in this round (int)
 *   +16   broken (int, 1 = broken)
 *   +24   generation (long): rounds completed or reset
 *   +32   generation that was reset last, plus one (long; 0 = never)
 *   +40   rounds completed (long, statistics)
 *   +128  waiters (WaiterTable, 128 bytes)
 * </pre>
 *
 * A party locks the mutex, takes the next arrival index, and either completes the round (the last one: arrived
 * back to 0, generation + 1) or waits, polling until the generation moves on or the barrier breaks. A timeout or
 * {@code abort()} breaks the barrier for every waiter of the round; {@code reset()} moves the generation on and
 * marks it reset, so the waiters of that round see a broken barrier and the next round starts clean.
 */
public final class BarrierDescriptor {
    public static final int LAYOUT = 1;
    public static final int MUTEX_OFFSET = 0;
    public static final int PARTIES_OFFSET = 8;
    public static final int ARRIVED_OFFSET = 12;
    public static final int BROKEN_OFFSET = 16;
    public static final int GENERATION_OFFSET = 24;
    public static final int RESET_OFFSET = 32;
    public static final int ROUNDS_OFFSET = 40;
    public static final int WAITERS_OFFSET = 128;
    public static final int BYTES = 256;

    /** Checks a barrier mapping; null if valid, else the broken rule with the values. */
    public static String validate(ByteBuffer b) {
        String problem = SharedFile.checkBodyLength(b, BYTES);
        if (problem != null) {
            return problem;
        }
        long parties = SharedFile.param(b, 0);
        return parties >= 1 ? null : "a barrier needs at least 1 party: parties=" + parties;
    }

    private BarrierDescriptor() {
    }
}
