package jproc.ipc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import jproc.ipc.testing.ChildJvm;
import jproc.ipc.testing.ChildJvms;
import jproc.ipc.testing.SessionFilesForTest;
import jproc.ipc.value.SharedInt;

/** A lock held by a process that is killed is reported to the next waiter and usable again. */
@Timeout(60)
class OwnerDeathIT {
    private static final Duration START = Duration.ofSeconds(30);
    @RegisterExtension
    final ChildJvms children = new ChildJvms();

    private ChildJvm holder(String kind, String name) {
        var c = children.start("holdLock", kind, name);
        c.await("READY", START);
        return c;
    }

    @Test
    void lockOwnerDeathIsReportedToTheNextWaiter() {
        try (var lock = ProcessLock.of(SessionFilesForTest.unique("dl"))) {
            var c = holder("lock", lock.name());
            assertFalse(lock.tryAcquire());
            assertEquals(c.pid(), lock.snapshot().ownerPid());
            c.kill9();
            var e = assertThrows(OwnerDiedException.class, () -> lock.acquire(Duration.ofSeconds(10)));
            assertEquals(c.pid(), e.deadPid());
            assertTrue(lock.acquire(Duration.ofSeconds(1)));
            lock.release();
            assertEquals(1, lock.snapshot().ownerDeaths());
        }
    }

    @Test
    void reentrantLockHeldTwiceByADeadProcessIsRecoveredAtOnce() {
        try (var lock = ProcessRLock.of(SessionFilesForTest.unique("drl"))) {
            var c = holder("rlock", lock.name());
            c.kill9();
            assertThrows(OwnerDiedException.class, lock::acquire);
            lock.acquire();
            assertEquals(1, lock.holdCount());
            lock.release();
            assertFalse(lock.isLocked());
        }
    }

    @Test
    void valueLockOfAKilledProcessIsReportedByTryAcquire() {
        try (var v = SharedInt.of(SessionFilesForTest.unique("dv"), 0)) {
            var c = holder("value", v.name());
            c.kill9();
            assertThrows(OwnerDiedException.class, () -> v.getLock().tryAcquire());
            assertTrue(v.getLock().tryAcquire());
            v.getLock().release();
        }
    }
}
