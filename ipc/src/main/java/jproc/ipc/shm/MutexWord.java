package jproc.ipc.shm;

import static jproc.ipc.shm.ShmAccess.LONGS;

import java.nio.ByteBuffer;

/**
 * A robust mutual-exclusion word in shared memory: one aligned long holding 0 when free or the
 * {@link OwnerToken} of the owning thread. Acquired with a compare-and-set, released with a release store.
 * A waiter that finds the owner dead (checked on the slow path, see {@link WaitLoop#checkDue()}) takes the
 * word over with a compare-and-set from the dead token, so exactly one waiter learns of each death.
 *
 * <p>Callers decide what a take-over means: internal mutexes whose guarded state is updated by single writes
 * simply continue; user-visible locks release the word again and report
 * {@code OwnerDiedException} (see {@code jproc.ipc.sync}).
 */
public final class MutexWord {
    /** {@link #lock} result: acquired normally. */
    public static final long ACQUIRED = 0;
    /** {@link #lock} result: the deadline passed. */
    public static final long TIMED_OUT = -1;

    private final ByteBuffer buf;
    private final int off;

    public MutexWord(ByteBuffer buf, int off) {
        if ((off & 7) != 0) {
            throw new IllegalArgumentException("a mutex word must be 8-byte aligned: offset=" + off);
        }
        this.buf = buf;
        this.off = off;
    }

    /** One attempt; true if the caller now owns the word. */
    public boolean tryLock(long token) {
        return LONGS.compareAndSet(buf, off, 0L, token);
    }

    /** Frees the word (the caller must own it). */
    public void unlock() {
        LONGS.setRelease(buf, off, 0L);
    }

    /** The owner's token, 0 if free. Never blocks. */
    public long owner() {
        return (long) LONGS.getVolatile(buf, off);
    }

    /** Replaces a dead owner's token with {@code token}; true if this caller won the take-over. */
    public boolean takeOver(long deadToken, long token) {
        return LONGS.compareAndSet(buf, off, deadToken, token);
    }

    /**
     * Acquires the word, waiting with {@code wait} as long as it allows.
     *
     * @return {@link #ACQUIRED}, {@link #TIMED_OUT}, or the token of a dead owner this caller took the word
     *         over from (the caller owns the word in that case too)
     * @throws jproc.ipc.ChannelInterruptedException if the thread is interrupted while waiting
     */
    public long lock(long token, WaitLoop wait) {
        if (tryLock(token)) {
            return ACQUIRED;
        }
        int backoff = 1;
        while (true) {
            long o = (long) LONGS.getOpaque(buf, off);
            if (o == 0 && tryLock(token)) {
                return ACQUIRED;
            }
            if (o != 0 && wait.checkDue() && !OwnerToken.isAlive(o) && takeOver(o, token)) {
                return o;
            }
            // back off between reads so that spinning waiters do not keep pulling the word away from its owner
            for (int i = 1; i < backoff; i++) {
                Thread.onSpinWait();
            }
            backoff = Math.min(backoff * 2, 64);
            if (!wait.pause()) {
                return TIMED_OUT;
            }
        }
    }

    /**
     * Acquires the word without a deadline and without reacting to interrupts (internal mutexes held for a few
     * microseconds), taking it over from a dead owner silently.
     */
    public void lockRecovering(long token) {
        for (int i = 0; !tryLock(token); i++) {
            if (i < 1000) {
                Thread.onSpinWait();
            } else if (i < 1100) {
                Thread.yield();
            } else {
                long o = owner();
                if (o != 0 && (i & 15) == 0 && !OwnerToken.isAlive(o) && takeOver(o, token)) {
                    return;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(100_000);
            }
        }
    }
}
