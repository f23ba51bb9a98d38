package jproc.ipc.sync;

import static jproc.ipc.shm.ShmAccess.INTS;
import static jproc.ipc.shm.ShmAccess.LONGS;
import static jproc.ipc.sync.LockDescriptor.ACQUISITIONS_OFFSET;
import static jproc.ipc.sync.LockDescriptor.COUNT_OFFSET;
import static jproc.ipc.sync.LockDescriptor.DEATHS_OFFSET;
import static jproc.ipc.sync.LockDescriptor.LAST_DEAD_OFFSET;
import static jproc.ipc.sync.LockDescriptor.OWNER_OFFSET;
import static jproc.ipc.sync.LockDescriptor.WAITERS_OFFSET;

import java.nio.ByteBuffer;

import jproc.ipc.ChannelKind;
import jproc.ipc.shm.MutexWord;
import jproc.ipc.shm.OwnerToken;
import jproc.ipc.shm.WaitLoop;
import jproc.ipc.shm.WaiterTable;
import jproc.ipc.trace.TraceChannel;
import jproc.ipc.trace.TraceEvent;

/**
 * The mechanism of a lock region (layout: {@link LockDescriptor}), plain or re-entrant. Used by {@link ProcessLock},
 * {@link ProcessRLock}, the built-in lock of shared values and {@link ProcessCondition}. Thread-safe.
 */
public final class LockCore {
    private final ByteBuffer buf;
    private final int off;
    private final boolean reentrant;
    private final MutexWord word;
    private final WaiterTable waiters;
    private final TraceChannel trace;
    private final String kind;
    private final String name;
    private TokenCache tokenCache = new TokenCache(Thread.currentThread(), OwnerToken.current());

    public LockCore(ByteBuffer buf, int off, boolean reentrant, TraceChannel trace, String kind, String name) {
        this.buf = buf;
        this.off = off;
        this.reentrant = reentrant;
        this.word = new MutexWord(buf, off + OWNER_OFFSET);
        this.waiters = new WaiterTable(buf, off + WAITERS_OFFSET);
        this.trace = trace;
        this.kind = kind;
        this.name = name;
    }

    /**
     * Acquires the lock.
     *
     * @param deadline a {@link System#nanoTime()} deadline (only used when {@code wait})
     * @param wait     false: one attempt (plus a liveness check of the owner)
     * @return false if not acquired in time
     * @throws OwnerDiedException                    if the owner died; the lock is free again
     * @throws jproc.ipc.ChannelInterruptedException if interrupted while waiting
     */
    public boolean acquire(long deadline, boolean wait) {
        long me = token();
        if (word.tryLock(me)) {
            acquired(1);
            return true;
        }
        if (reentrant && word.owner() == me) {
            INTS.setOpaque(buf, off + COUNT_OFFSET, (int) INTS.getOpaque(buf, off + COUNT_OFFSET) + 1);
            trace.event(TraceEvent.ACQUIRE);
            return true;
        }
        if (!wait) {
            long o = word.owner();
            if (o != 0 && !OwnerToken.isAlive(o) && word.takeOver(o, me)) {
                recoverFrom(o);
            }
            return false;
        }
        return acquireContended(me, deadline);
    }

    /**
     * The calling thread's owner token. {@link OwnerToken#current()} is a thread-local look-up; the last caller's
     * token is kept here (an immutable pair, so a racy read sees either the old or the new pair, never a mix). The
     * cache starts with the creating thread, usually the one that uses the lock: a cache that started empty would
     * miss on the first use of every new lock, and compiled callers that never saw a miss are thrown back to the
     * interpreter when one happens.
     */
    private long token() {
        TokenCache c = tokenCache;
        Thread t = Thread.currentThread();
        if (c.thread == t) {
            return c.token;
        }
        long token = OwnerToken.current();
        tokenCache = new TokenCache(t, token);
        return token;
    }

    /**
     * Waits for a taken lock: actively ({@link LockSpin}) while the lock keeps changing hands, else asleep in a
     * {@link WaitLoop} (registered in the waiter table, checking the owner's liveness), and actively again as soon
     * as a sleeper sees the lock move.
     */
    private boolean acquireContended(long me, long deadline) {
        var spin = new LockSpin(buf, off + ACQUISITIONS_OFFSET, word, deadline, trace);
        while (true) {
            int r = spin.await(me);
            if (r == LockSpin.ACQUIRED) {
                acquired(1);
                return true;
            }
            if (r == LockSpin.TIMED_OUT) {
                return false;
            }
            if (sleepUntilMoved(me, spin, deadline)) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0 && deadline != Long.MAX_VALUE) {
                return false;
            }
        }
    }

    /**
     * Sleeps until the lock is acquired (true), the deadline passes (false) or the lock changes hands while the
     * active budget of {@code spin} is not spent (false, the caller waits actively again).
     */
    private boolean sleepUntilMoved(long me, LockSpin spin, long deadline) {
        try (var w = new WaitLoop(trace, TraceEvent.ACQUIRE, "acquire", deadline, waiters)) {
            while (true) {
                long o = word.owner();
                if (o == 0 && word.tryLock(me)) {
                    acquired(1);
                    return true;
                }
                if (o != 0 && w.checkDue() && !OwnerToken.isAlive(o) && word.takeOver(o, me)) {
                    recoverFrom(o);
                }
                if (w.sleeping() && spin.movedSinceStall()) {
                    return false;
                }
                if (!w.pause()) {
                    return false;
                }
            }
        }
    }

    private void acquired(int count) {
        INTS.setOpaque(buf, off + COUNT_OFFSET, count);
        LONGS.setOpaque(buf, off + ACQUISITIONS_OFFSET, (long) LONGS.getOpaque(buf, off + ACQUISITIONS_OFFSET) + 1);
        trace.event(TraceEvent.ACQUIRE);
    }

    /** The caller took the word over from a dead owner: release it and report. */
    private void recoverFrom(long deadToken) {
        INTS.setOpaque(buf, off + COUNT_OFFSET, 0);
        LONGS.getAndAdd(buf, off + DEATHS_OFFSET, 1L);
        LONGS.setRelease(buf, off + LAST_DEAD_OFFSET, OwnerToken.pid(deadToken));
        word.unlock();
        trace.event(TraceEvent.OWNER_DIED);
        throw new OwnerDiedException(kind, name, OwnerToken.pid(deadToken), "it");
    }

    /**
     * Releases one hold. A re-entrant lock may only be released by its owning thread; a plain lock by any thread
     * (as Python's {@code Lock}), but only while it is held.
     *
     * @throws LockStateException if the lock is not held (by the caller, for re-entrant locks)
     */
    public void release() {
        long o = word.owner();
        if (reentrant) {
            long me = token();
            if (o != me) {
                throw new LockStateException(kind + " '" + name + "' cannot be released by this thread: it is held by "
                        + OwnerToken.describe(o) + "; only the thread that acquired a re-entrant lock releases it");
            }
            int count = (int) INTS.getOpaque(buf, off + COUNT_OFFSET);
            if (count > 1) {
                INTS.setOpaque(buf, off + COUNT_OFFSET, count - 1);
                trace.event(TraceEvent.RELEASE);
                return;
            }
        } else if (o == 0) {
            throw new LockStateException(kind + " '" + name + "' is not locked: release() must follow acquire()");
        }
        INTS.setOpaque(buf, off + COUNT_OFFSET, 0);
        // recorded while still held: the lock is free for as short a time as possible between two holds of one
        // thread, so that a waiter of another process takes it less often in the middle of a run of holds
        trace.event(TraceEvent.RELEASE);
        word.unlock();
    }

    /** Releases every hold of the calling thread (for a condition wait); returns the hold count to restore. */
    public int releaseAll() {
        long me = token();
        if (word.owner() != me) {
            throw new LockStateException(kind + " '" + name + "' is not held by this thread: wait() and notify() "
                    + "need the condition's lock; acquire it first");
        }
        int count = Math.max(1, (int) INTS.getOpaque(buf, off + COUNT_OFFSET));
        INTS.setOpaque(buf, off + COUNT_OFFSET, 0);
        word.unlock();
        trace.event(TraceEvent.RELEASE);
        return count;
    }

    /** Re-acquires after {@link #releaseAll()}, without a deadline and ignoring interrupts (they are re-asserted). */
    public void reacquire(int count) {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    if (acquire(Long.MAX_VALUE, true)) {
                        INTS.setOpaque(buf, off + COUNT_OFFSET, count);
                        return;
                    }
                } catch (OwnerDiedException e) {
                    // recovered: try again
                } catch (jproc.ipc.ChannelInterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True if the calling thread owns the lock. */
    public boolean isHeldByCurrentThread() {
        return word.owner() == token();
    }

    /** True if some thread owns the lock. */
    public boolean isLocked() {
        return word.owner() != 0;
    }

    /** The calling thread's hold count (0 if it does not own the lock). */
    public int holdCount() {
        return isHeldByCurrentThread() ? (int) INTS.getOpaque(buf, off + COUNT_OFFSET) : 0;
    }

    /** Reads a lock region's state without locking. */
    public static LockSnapshot snapshot(ChannelKind kind, String name, ByteBuffer b, int off) {
        long o = (long) LONGS.getVolatile(b, off + OWNER_OFFSET);
        return new LockSnapshot(kind, name, o == 0 ? 0 : OwnerToken.pid(o), o & 0xFFFFFF,
                o == 0 ? 0 : (int) INTS.getVolatile(b, off + COUNT_OFFSET),
                (long) LONGS.getVolatile(b, off + ACQUISITIONS_OFFSET),
                (long) LONGS.getVolatile(b, off + DEATHS_OFFSET), (long) LONGS.getVolatile(b, off + LAST_DEAD_OFFSET),
                new WaiterTable(b, off + WAITERS_OFFSET).waiterPids());
    }

    /** A thread and its owner token. */
    private record TokenCache(Thread thread, long token) {
    }
}
