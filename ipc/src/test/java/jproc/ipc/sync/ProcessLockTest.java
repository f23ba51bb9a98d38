package jproc.ipc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
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
}
