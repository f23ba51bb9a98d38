package jproc.ipc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.testing.SessionFilesForTest;
import jproc.ipc.value.SharedInt;

@Timeout(30)
class ConditionBarrierTest {
    private static String name() {
        return SessionFilesForTest.unique("c");
    }

    private static Thread start(Runnable r) {
        var t = new Thread(r, "jproc-test-party");
        t.start();
        return t;
    }

    @Test
    void waitForReturnsOnceTheConditionHolds() throws Exception {
        try (var c = ProcessCondition.of(name()); var v = SharedInt.of(name(), 0)) {
            var t = start(() -> {
                ConditionBarrierTest.sleep(100);
                try (var held = c.hold()) {
                    v.set(1);
                    c.signalAll();
                }
            });
            try (var held = c.hold()) {
                assertTrue(c.waitFor(() -> v.get() == 1, Duration.ofSeconds(10)));
            }
            t.join();
            assertFalse(c.snapshot().lock().ownerPid() != 0);
        }
    }

    @Test
    void awaitTimesOutAndHoldsTheLockAgain() {
        try (var c = ProcessCondition.of(name())) {
            try (var held = c.hold()) {
                assertFalse(c.await(Duration.ofMillis(50)));
                c.signal();
            }
            assertThrows(LockStateException.class, c::signal);
            assertThrows(LockStateException.class, c::await);
        }
    }

    @Test
    void signalWakesOneWaiterAndSignalAllTheRest() throws Exception {
        try (var lock = ProcessLock.of(name()); var c = ProcessCondition.of(name(), lock)) {
            var woke = new AtomicInteger();
            var threads = new ArrayList<Thread>();
            for (int i = 0; i < 3; i++) {
                threads.add(start(() -> {
                    try (var held = c.hold()) {
                        c.await();
                        woke.incrementAndGet();
                    }
                }));
            }
            while (c.snapshot().waiting().size() < 3) {
                Thread.sleep(10);
            }
            try (var held = c.hold()) {
                c.signal();
            }
            Thread.sleep(200);
            assertEquals(1, woke.get());
            try (var held = c.hold()) {
                c.signalAll();
            }
            for (var t : threads) {
                t.join(5000);
            }
            assertEquals(3, woke.get());
            assertTrue(c.snapshot().lockRef().startsWith("lock "), c.snapshot().lockRef());
        }
    }

    @Test
    void barrierReleasesAllPartiesWithDistinctIndexes() throws Exception {
        try (var b = ProcessBarrier.of(name(), 3)) {
            Set<Integer> indexes = Collections.synchronizedSet(new HashSet<>());
            List<Thread> ts = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 3; i++) {
                    ts.add(start(() -> indexes.add(b.await(Duration.ofSeconds(10)))));
                }
                for (var t : ts) {
                    t.join(10_000);
                }
            }
            assertEquals(Set.of(0, 1, 2), indexes);
            assertEquals(2, b.snapshot().rounds());
        }
    }

    @Test
    void aTimedOutWaitBreaksTheBarrierUntilReset() throws Exception {
        try (var b = ProcessBarrier.of(name(), 3)) {
            var other = new ArrayList<Throwable>();
            var t = start(() -> {
                try {
                    b.await();
                } catch (Throwable e) {
                    other.add(e);
                }
            });
            assertThrows(BrokenProcessBarrierException.class, () -> b.await(Duration.ofMillis(100)));
            t.join(5000);
            assertTrue(other.get(0) instanceof BrokenProcessBarrierException);
            assertTrue(b.isBroken());
            assertThrows(BrokenProcessBarrierException.class, () -> b.await());
            b.reset();
            assertFalse(b.isBroken());
            assertEquals(0, b.waiting());
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
