package jproc.ipc.sync;

import static jproc.ipc.shm.ShmAccess.INTS;
import static jproc.ipc.shm.ShmAccess.LONGS;
import static jproc.ipc.sync.SemaphoreDescriptor.ACQUISITIONS_OFFSET;
import static jproc.ipc.sync.SemaphoreDescriptor.BASE_OFFSET;
import static jproc.ipc.sync.SemaphoreDescriptor.BOUND_OFFSET;
import static jproc.ipc.sync.SemaphoreDescriptor.DEATHS_OFFSET;
import static jproc.ipc.sync.SemaphoreDescriptor.HOLDERS_OFFSET;
import static jproc.ipc.sync.SemaphoreDescriptor.HOLDER_SLOTS;
import static jproc.ipc.sync.SemaphoreDescriptor.LAST_DEAD_OFFSET;
import static jproc.ipc.sync.SemaphoreDescriptor.MUTEX_OFFSET;
import static jproc.ipc.sync.SemaphoreDescriptor.WAITERS_OFFSET;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;

import jproc.ipc.shm.MutexWord;
import jproc.ipc.shm.OwnerToken;
import jproc.ipc.shm.WaitLoop;
import jproc.ipc.shm.WaiterTable;
import jproc.ipc.trace.TraceChannel;
import jproc.ipc.trace.TraceEvent;

/** The mechanism of a semaphore region (layout: {@link SemaphoreDescriptor}). Thread-safe. */
final class SemaphoreCore {
    private final ByteBuffer buf;
    private final int off;
    private final MutexWord mutex;
    private final WaiterTable waiters;
    private final TraceChannel trace;
    private final String name;

    SemaphoreCore(ByteBuffer buf, int off, TraceChannel trace, String name) {
        this.buf = buf;
        this.off = off;
        this.mutex = new MutexWord(buf, off + MUTEX_OFFSET);
        this.waiters = new WaiterTable(buf, off + WAITERS_OFFSET);
        this.trace = trace;
        this.name = name;
    }

    static void init(ByteBuffer b, int off, long permits, long bound) {
        LONGS.set(b, off + BASE_OFFSET, permits);
        LONGS.set(b, off + BOUND_OFFSET, bound);
    }

    private int slot(int i) {
        return off + HOLDERS_OFFSET + i * 16;
    }

    /** Permits available now (a lock-free read). */
    long permits() {
        long sum = 0;
        for (int i = 0; i < HOLDER_SLOTS; i++) {
            int s = slot(i);
            if ((long) LONGS.getOpaque(buf, s) != 0) {
                sum += Math.max(0, (int) INTS.getVolatile(buf, s + 8));
            }
        }
        return (long) LONGS.getVolatile(buf, off + BASE_OFFSET) - sum;
    }

    long bound() {
        return (long) LONGS.getVolatile(buf, off + BOUND_OFFSET);
    }

    /** One attempt under the state mutex. */
    private boolean take() {
        long me = OwnerToken.process();
        mutex.lockRecovering(OwnerToken.current());
        try {
            if (permits() <= 0) {
                return false;
            }
            int free = -1;
            for (int i = 0; i < HOLDER_SLOTS; i++) {
                int s = slot(i);
                long t = (long) LONGS.getVolatile(buf, s);
                int count = (int) INTS.getVolatile(buf, s + 8);
                if (t == me && count > 0) {
                    INTS.setVolatile(buf, s + 8, count + 1);
                    return true;
                }
                if (free < 0 && (t == 0 || count <= 0)) {
                    free = i;
                }
            }
            if (free < 0) {
                LONGS.setVolatile(buf, off + BASE_OFFSET, (long) LONGS.getVolatile(buf, off + BASE_OFFSET) - 1);
            } else {
                int s = slot(free);
                INTS.setVolatile(buf, s + 8, 0);
                LONGS.setVolatile(buf, s, me);
                INTS.setVolatile(buf, s + 8, 1);
            }
            return true;
        } finally {
            mutex.unlock();
        }
    }

    boolean acquire(long deadline, boolean wait) {
        if (take()) {
            acquired();
            return true;
        }
        try (var w = new WaitLoop(trace, TraceEvent.ACQUIRE, "acquire", wait ? deadline : System.nanoTime(), waiters)) {
            while (true) {
                if (permits() > 0 && take()) {
                    acquired();
                    return true;
                }
                if (!wait) {
                    reclaimDead();
                    return false;
                }
                if (w.checkDue()) {
                    reclaimDead();
                }
                if (!w.pause()) {
                    return false;
                }
            }
        }
    }

    private void acquired() {
        LONGS.getAndAdd(buf, off + ACQUISITIONS_OFFSET, 1L);
        trace.event(TraceEvent.ACQUIRE);
    }

    /** Clears the slots of dead processes; reports the first one found. */
    private void reclaimDead() {
        long deadPid = 0;
        int deadCount = 0;
        mutex.lockRecovering(OwnerToken.current());
        try {
            for (int i = 0; i < HOLDER_SLOTS; i++) {
                int s = slot(i);
                long t = (long) LONGS.getVolatile(buf, s);
                int count = (int) INTS.getVolatile(buf, s + 8);
                if (t != 0 && count > 0 && !OwnerToken.isAlive(t)) {
                    INTS.setVolatile(buf, s + 8, 0);
                    LONGS.setVolatile(buf, s, 0L);
                    if (deadPid == 0) {
                        deadPid = OwnerToken.pid(t);
                        deadCount = count;
                    }
                    LONGS.getAndAdd(buf, off + DEATHS_OFFSET, 1L);
                    LONGS.setVolatile(buf, off + LAST_DEAD_OFFSET, OwnerToken.pid(t));
                }
            }
        } finally {
            mutex.unlock();
        }
        if (deadPid != 0) {
            trace.event(TraceEvent.OWNER_DIED);
            throw new OwnerDiedException("semaphore", name, deadPid, deadCount + " permit(s)");
        }
    }

    void release(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("release count must be at least 1: n=" + n);
        }
        long me = OwnerToken.process();
        mutex.lockRecovering(OwnerToken.current());
        try {
            long bound = bound();
            if (bound > 0 && permits() + n > bound) {
                throw new LockStateException("bounded semaphore '" + name + "' released too many times: " + permits()
                        + " of " + bound + " permits are free, releasing " + n + " more would exceed the bound");
            }
            for (int k = 0; k < n; k++) {
                releaseOne(me);
            }
        } finally {
            mutex.unlock();
        }
        trace.event(TraceEvent.RELEASE);
    }

    private void releaseOne(long me) {
        for (int i = 0; i < HOLDER_SLOTS; i++) {
            int s = slot(i);
            int count = (int) INTS.getVolatile(buf, s + 8);
            if ((long) LONGS.getVolatile(buf, s) == me && count > 0) {
                INTS.setVolatile(buf, s + 8, count - 1);
                if (count == 1) {
                    LONGS.setVolatile(buf, s, 0L);
                }
                return;
            }
        }
        LONGS.setVolatile(buf, off + BASE_OFFSET, (long) LONGS.getVolatile(buf, off + BASE_OFFSET) + 1);
    }

    static SemaphoreSnapshot snapshot(String name, ByteBuffer b, int off) {
        var core = new SemaphoreCore(b, off, null, name);
        var holders = new LinkedHashMap<Long, Integer>();
        for (int i = 0; i < HOLDER_SLOTS; i++) {
            int s = core.slot(i);
            long t = (long) LONGS.getVolatile(b, s);
            int count = (int) INTS.getVolatile(b, s + 8);
            if (t != 0 && count > 0 && OwnerToken.isAlive(t)) {
                holders.merge(OwnerToken.pid(t), count, Integer::sum);
            }
        }
        return new SemaphoreSnapshot(name, core.permits(), core.bound(), holders,
                (long) LONGS.getVolatile(b, off + ACQUISITIONS_OFFSET),
                (long) LONGS.getVolatile(b, off + DEATHS_OFFSET), core.waiters.waiterPids());
    }
}
