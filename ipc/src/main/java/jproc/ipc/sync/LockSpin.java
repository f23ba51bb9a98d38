package jproc.ipc.sync;

import static jproc.ipc.shm.ShmAccess.LONGS;

import java.nio.ByteBuffer;

import jproc.ipc.ChannelInterruptedException;
import jproc.ipc.shm.MutexWord;
import jproc.ipc.trace.TraceChannel;

/**
 * The active part of waiting for a taken lock: a few reads of the owner word with a growing pause between them,
 * then {@link Thread#yield()} between reads for as long as the lock keeps changing hands (its owner word or its
 * acquisition counter moves). A lock that is handed around is free again within microseconds, and a waiter that
 * went to sleep would notice only at its next poll (up to a millisecond later, see
 * {@link jproc.ipc.shm.WaitLoop}); yielding keeps the waiter ready while giving the core to any process that
 * wants it, the owner included when it shares the core.
 *
 * <p>Active waiting ends when the lock has not moved for {@link #STALL_NANOS} (a long critical section, a
 * stopped or dead owner: the caller then sleeps and checks the owner's liveness) or after
 * {@link #ACTIVE_BUDGET_NANOS} in total for one acquire, so that a waiter never burns a core for long. One
 * instance serves one acquire call of one thread.
 */
final class LockSpin {
    /** {@link #await} result: the caller now owns the lock. */
    static final int ACQUIRED = 0;
    /** {@link #await} result: the lock stopped moving or the active budget is spent; sleep. */
    static final int STALLED = 1;
    /** {@link #await} result: the deadline passed. */
    static final int TIMED_OUT = 2;
    /** Reads of the owner word before yielding starts, with 1, 2, 4... up to {@link #MAX_BACKOFF} pauses between. */
    static final int SPINS = 12;
    /** Longest run of {@link Thread#onSpinWait()} between two reads. */
    static final int MAX_BACKOFF = 32;
    /** The lock has not changed hands for this long: stop waiting actively. */
    static final long STALL_NANOS = 1_000_000;
    /** Most time one acquire spends waiting actively, over all its active phases. */
    static final long ACTIVE_BUDGET_NANOS = 50_000_000;

    private final ByteBuffer buf;
    private final int acquisitionsOffset;
    private final MutexWord word;
    private final long deadline;
    private final TraceChannel trace;
    private final long stallNanos;
    private final long budgetNanos;
    private long activeNanos;
    private long seenOwner;
    private long seenAcquisitions;

    LockSpin(ByteBuffer buf, int acquisitionsOffset, MutexWord word, long deadline, TraceChannel trace) {
        this(buf, acquisitionsOffset, word, deadline, trace, STALL_NANOS, ACTIVE_BUDGET_NANOS);
    }

    /** With other limits than {@link #STALL_NANOS} and {@link #ACTIVE_BUDGET_NANOS} (tests). */
    LockSpin(ByteBuffer buf, int acquisitionsOffset, MutexWord word, long deadline, TraceChannel trace,
             long stallNanos, long budgetNanos) {
        this.stallNanos = stallNanos;
        this.budgetNanos = budgetNanos;
        this.buf = buf;
        this.acquisitionsOffset = acquisitionsOffset;
        this.word = word;
        this.deadline = deadline;
        this.trace = trace;
        this.seenOwner = word.owner();
        this.seenAcquisitions = acquisitions();
    }

    /**
     * Waits actively; returns {@link #ACQUIRED}, {@link #STALLED} or {@link #TIMED_OUT}.
     *
     * @throws ChannelInterruptedException if the thread is interrupted (the interrupt status is cleared)
     */
    int await(long me) {
        if (activeNanos >= budgetNanos) {
            return STALLED;
        }
        long start = System.nanoTime();
        long lastMove = start;
        int backoff = 1;
        for (int i = 0; ; i++) {
            long o = word.owner();
            if (o == 0 && word.tryLock(me)) {
                activeNanos += System.nanoTime() - start;
                return ACQUIRED;
            }
            boolean moved = moved(o);
            if (i < SPINS) {
                for (int k = 0; k < backoff; k++) {
                    Thread.onSpinWait();
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF);
                continue;
            }
            Thread.yield();
            if (Thread.interrupted()) {
                activeNanos += System.nanoTime() - start;
                throw new ChannelInterruptedException("acquire", trace.kind(), trace.name());
            }
            long now = System.nanoTime();
            if (moved) {
                lastMove = now;
            }
            if (deadline != Long.MAX_VALUE && now - deadline >= 0) {
                activeNanos += now - start;
                return TIMED_OUT;
            }
            if (now - lastMove > stallNanos || activeNanos + (now - start) >= budgetNanos) {
                activeNanos += now - start;
                return STALLED;
            }
        }
    }

    /** True if the lock changed hands since the last look and the active budget is not spent. */
    boolean movedSinceStall() {
        return activeNanos < budgetNanos && moved(word.owner());
    }

    private boolean moved(long owner) {
        long a = acquisitions();
        if (owner != seenOwner || a != seenAcquisitions) {
            seenOwner = owner;
            seenAcquisitions = a;
            return true;
        }
        return false;
    }

    private long acquisitions() {
        return (long) LONGS.getOpaque(buf, acquisitionsOffset);
    }
}
