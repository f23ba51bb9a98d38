package jproc.ipc.sync;

import static jproc.ipc.shm.ShmAccess.LONGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.ChannelInterruptedException;
import jproc.ipc.shm.MutexWord;
import jproc.ipc.trace.Trace;

@Timeout(30)
class LockSpinTest {
    private static final long OTHER = 77L << 32 | 1;
    private static final long ME = 78L << 32 | 1;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(256);
    private final MutexWord word = new MutexWord(buf, LockDescriptor.OWNER_OFFSET);

    private LockSpin spin(long deadline) {
        return new LockSpin(buf, LockDescriptor.ACQUISITIONS_OFFSET, word, deadline,
                Trace.channel("lock", "lock-spin-test"));
    }

    /** A wait that tolerates a mover descheduled for up to 2 s (a loaded machine), with a 100 ms budget. */
    private LockSpin patientSpin(long deadline) {
        return new LockSpin(buf, LockDescriptor.ACQUISITIONS_OFFSET, word, deadline,
                Trace.channel("lock", "lock-spin-test"), 2_000_000_000L, 100_000_000L);
    }

    /** Another thread re-acquires the lock every few microseconds (its acquisition count moves) until stopped. */
    private Thread mover(AtomicBoolean stop) {
        var t = new Thread(() -> {
            while (!stop.get()) {
                LONGS.getAndAdd(buf, LockDescriptor.ACQUISITIONS_OFFSET, 1L);
                Thread.onSpinWait();
            }
        }, "jproc-test-mover");
        t.start();
        return t;
    }

    @Test
    void takesAFreeLock() {
        assertEquals(LockSpin.ACQUIRED, spin(Long.MAX_VALUE).await(ME));
        assertEquals(ME, word.owner());
    }

    @Test
    void stopsWaitingActivelyWhenTheLockDoesNotMove() {
        word.tryLock(OTHER);
        long t0 = System.nanoTime();
        assertEquals(LockSpin.STALLED, spin(Long.MAX_VALUE).await(ME));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1000, "gave up after " + ms + " ms");
        assertEquals(OTHER, word.owner());
    }

    @Test
    void keepsWaitingWhileTheLockMovesAndTakesItWhenFreed() throws Exception {
        word.tryLock(OTHER);
        var stop = new AtomicBoolean();
        var mover = mover(stop);
        var releaser = new Thread(() -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
            stop.set(true);
            word.unlock();
        }, "jproc-test-releaser");
        releaser.start();
        try {
            assertEquals(LockSpin.ACQUIRED, patientSpin(Long.MAX_VALUE).await(ME));
        } finally {
            stop.set(true);
            mover.join();
            releaser.join();
        }
    }

    @Test
    void activeWaitingIsBoundedByItsBudget() throws Exception {
        word.tryLock(OTHER);
        var stop = new AtomicBoolean();
        var mover = mover(stop);
        try {
            var s = patientSpin(Long.MAX_VALUE);
            long t0 = System.nanoTime();
            assertEquals(LockSpin.STALLED, s.await(ME));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 100 && ms < 2000, "gave up after " + ms + " ms");
            assertEquals(LockSpin.STALLED, s.await(ME));
            assertTrue(!s.movedSinceStall(), "a spent budget must not bring the waiter back to active waiting");
        } finally {
            stop.set(true);
            mover.join();
        }
    }

    @Test
    void honoursTheDeadlineWhileTheLockMoves() throws Exception {
        word.tryLock(OTHER);
        var stop = new AtomicBoolean();
        var mover = mover(stop);
        try {
            assertEquals(LockSpin.TIMED_OUT, patientSpin(System.nanoTime() + 5_000_000).await(ME));
        } finally {
            stop.set(true);
            mover.join();
        }
    }

    @Test
    void anInterruptEndsActiveWaiting() throws Exception {
        word.tryLock(OTHER);
        var stop = new AtomicBoolean();
        var mover = mover(stop);
        try {
            Thread.currentThread().interrupt();
            assertThrows(ChannelInterruptedException.class, () -> patientSpin(Long.MAX_VALUE).await(ME));
            assertTrue(!Thread.currentThread().isInterrupted(), "the interrupt status is cleared");
        } finally {
            stop.set(true);
            mover.join();
        }
    }
}
