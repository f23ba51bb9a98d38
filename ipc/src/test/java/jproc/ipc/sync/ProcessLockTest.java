package jproc.ipc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.ChannelInterruptedException;
import jproc.ipc.ChannelTimeoutException;
import jproc.ipc.testing.SessionFilesForTest;

@Timeout(30)
class ProcessLockTest {
    private static String name() {
        return SessionFilesForTest.unique("l");
    }

    private static Thread inThread(Runnable r) {
        var t = new Thread(r, "jproc-test-locker");
        t.start();
        return t;
    }

    @Test
    void lockExcludesOtherThreadsUntilReleased() throws Exception {
        try (var lock = ProcessLock.of(name())) {
            lock.acquire();
            var got = new AtomicBoolean();
            var t = inThread(() -> {
                assertFalse(lock.tryAcquire());
                assertFalse(lock.acquire(Duration.ofMillis(50)));
                lock.acquire();
                got.set(true);
                lock.release();
            });
            Thread.sleep(150);
            assertFalse(got.get());
            lock.release();
            t.join(5000);
            assertTrue(got.get());
            assertFalse(lock.isLocked());
        }
    }

    @Test
    void holdReleasesAtTheEndOfTheBlock() {
        try (var lock = ProcessLock.of(name())) {
            try (var held = lock.hold()) {
                assertTrue(lock.isLocked());
                held.close();
                assertFalse(lock.isLocked());
            }
            assertFalse(lock.isLocked());
            assertEquals(5, lock.call(() -> 5));
        }
    }

    @Test
    void releasingAnUnlockedLockIsAnError() {
        try (var lock = ProcessLock.of(name())) {
            var e = assertThrows(LockStateException.class, lock::release);
            assertTrue(e.getMessage().contains("not locked"), e.getMessage());
        }
    }

    @Test
    void plainLockMayBeReleasedByAnotherThread() throws Exception {
        try (var lock = ProcessLock.of(name())) {
            lock.acquire();
            inThread(lock::release).join(5000);
            assertFalse(lock.isLocked());
        }
    }

    @Test
    void holdWithTimeoutThrowsWhenTaken() throws Exception {
        try (var lock = ProcessLock.of(name())) {
            lock.acquire();
            var failure = new AtomicReference<Throwable>();
            inThread(() -> {
                try {
                    lock.hold(Duration.ofMillis(30));
                } catch (Throwable e) {
                    failure.set(e);
                }
            }).join(5000);
            assertTrue(failure.get() instanceof ChannelTimeoutException, String.valueOf(failure.get()));
            lock.release();
        }
    }

    @Test
    void reentrantLockCountsHoldsOfItsOwner() throws Exception {
        try (var lock = ProcessRLock.of(name())) {
            lock.acquire();
            lock.acquire();
            assertEquals(2, lock.holdCount());
            assertTrue(lock.isHeldByCurrentThread());
            var failure = new AtomicReference<Throwable>();
            inThread(() -> {
                try {
                    lock.release();
                } catch (Throwable e) {
                    failure.set(e);
                }
            }).join(5000);
            assertTrue(failure.get() instanceof LockStateException, String.valueOf(failure.get()));
            lock.release();
            assertTrue(lock.isLocked());
            lock.release();
            assertFalse(lock.isLocked());
            assertEquals(0, lock.holdCount());
        }
    }

    @Test
    void interruptingAWaitingAcquireThrowsPromptly() throws Exception {
        try (var lock = ProcessLock.of(name())) {
            lock.acquire();
            var failure = new AtomicReference<Throwable>();
            var t = inThread(() -> {
                try {
                    lock.acquire();
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            Thread.sleep(100);
            t.interrupt();
            t.join(1000);
            assertFalse(t.isAlive());
            assertTrue(failure.get() instanceof ChannelInterruptedException, String.valueOf(failure.get()));
            assertTrue(lock.snapshot().waiters().isEmpty());
            lock.release();
        }
    }

    @Test
    void snapshotShowsOwnerAndWaiters() throws Exception {
        try (var lock = ProcessLock.of(name())) {
            lock.acquire();
            var t = inThread(() -> {
                lock.acquire();
                lock.release();
            });
            Thread.sleep(200);
            LockSnapshot s = lock.snapshot();
            assertEquals(ProcessHandle.current().pid(), s.ownerPid());
            assertEquals(1, s.waiters().size());
            lock.release();
            t.join(5000);
        }
    }

    @Test
    void anIdleAcquireUsesAlmostNoCpu() throws Exception {
        try (var lock = ProcessLock.of(name())) {
            lock.acquire();
            var cpu = new AtomicLong();
            var got = new AtomicBoolean(true);
            var t = inThread(() -> {
                var mx = ManagementFactory.getThreadMXBean();
                long c0 = mx.getCurrentThreadCpuTime();
                got.set(lock.acquire(Duration.ofSeconds(3)));
                cpu.set(mx.getCurrentThreadCpuTime() - c0);
            });
            t.join(10_000);
            lock.release();
            assertFalse(got.get());
            double share = cpu.get() / 3e9;
            // a waiter that spins would use a whole core; the 2 % bar itself is a benchmark figure
            // (bin/bench channels: idle_get_cpu_pct), since a loaded machine makes each wake-up dearer
            assertTrue(share < 0.10, "an idle acquire used " + Math.round(share * 1000) / 10.0 + " % of a core");
        }
    }

    @Test
    void waiterGetsALockThatIsHandedAroundByOtherThreads() throws Exception {
        try (var lock = ProcessLock.of(name())) {
            var stop = new AtomicBoolean();
            var busy = inThread(() -> {
                while (!stop.get()) {
                    lock.acquire();
                    Thread.onSpinWait();
                    lock.release();
                }
            });
            try {
                for (int i = 0; i < 200; i++) {
                    assertTrue(lock.acquire(Duration.ofSeconds(5)), "acquire " + i + " timed out");
                    lock.release();
                }
            } finally {
                stop.set(true);
                busy.join(5000);
            }
            assertFalse(lock.isLocked());
        }
    }
}
