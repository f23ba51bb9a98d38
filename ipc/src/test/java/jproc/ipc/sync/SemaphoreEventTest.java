package jproc.ipc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.testing.SessionFilesForTest;

@Timeout(30)
class SemaphoreEventTest {
    private static String name() {
        return SessionFilesForTest.unique("s");
    }

    @Test
    void semaphoreHandsOutItsPermitsThenBlocks() throws Exception {
        try (var s = ProcessSemaphore.of(name(), 2)) {
            assertTrue(s.tryAcquire());
            assertTrue(s.tryAcquire());
            assertFalse(s.tryAcquire());
            assertFalse(s.acquire(Duration.ofMillis(30)));
            var t = new Thread(() -> {
                sleep(100);
                s.release();
            });
            t.start();
            assertTrue(s.acquire(Duration.ofSeconds(5)));
            t.join();
            assertEquals(0, s.availablePermits());
            assertEquals(Map.of(ProcessHandle.current().pid(), 2), s.snapshot().holders());
            s.release(2);
            assertEquals(2, s.availablePermits());
        }
    }

    @Test
    void releaseWithoutAcquireAddsAPermitToAPlainSemaphore() {
        try (var s = ProcessSemaphore.of(name(), 0)) {
            s.release();
            assertEquals(1, s.availablePermits());
            try (var held = s.hold()) {
                assertEquals(0, s.availablePermits());
            }
            assertEquals(1, s.availablePermits());
        }
    }

    @Test
    void boundedSemaphoreRefusesReleasePastItsBound() {
        try (var s = BoundedProcessSemaphore.of(name(), 1)) {
            var e = assertThrows(LockStateException.class, s::release);
            assertTrue(e.getMessage().contains("released too many times"), e.getMessage());
            s.acquire();
            s.release();
            assertEquals(1, s.availablePermits());
            assertTrue(ProcessSemaphore.open(s.name()) instanceof BoundedProcessSemaphore);
        }
    }

    @Test
    void eventWakesWaitersWhenSet() throws Exception {
        try (var e = ProcessEvent.of(name())) {
            assertFalse(e.isSet());
            assertFalse(e.await(Duration.ofMillis(30)));
            var t = new Thread(() -> {
                sleep(100);
                e.set();
            });
            t.start();
            e.await();
            assertTrue(e.isSet());
            t.join();
            e.clear();
            assertFalse(e.isSet());
            assertEquals(1, e.snapshot().sets());
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
