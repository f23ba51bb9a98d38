package jproc.ipc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import jproc.ipc.testing.ChildJvms;
import jproc.ipc.testing.SessionFilesForTest;
import jproc.ipc.value.SharedInt;

/** Semaphores, barriers, events and conditions between real JVMs. */
@Timeout(60)
class SyncIT {
    private static final Duration START = Duration.ofSeconds(30);
    @RegisterExtension
    final ChildJvms children = new ChildJvms();

    @Test
    void permitsOfAKilledProcessAreReportedAndReturned() {
        try (var sem = ProcessSemaphore.of(SessionFilesForTest.unique("sem"), 2)) {
            var c = children.start("semHold", sem.name(), 2);
            c.await("READY", START);
            assertFalse(sem.tryAcquire());
            assertEquals(Integer.valueOf(2), sem.snapshot().holders().get(c.pid()));
            c.kill9();
            var e = assertThrows(OwnerDiedException.class, () -> sem.acquire(Duration.ofSeconds(10)));
            assertEquals(c.pid(), e.deadPid());
            assertTrue(sem.tryAcquire());
            assertTrue(sem.tryAcquire());
            assertEquals(1, sem.snapshot().ownerDeaths());
        }
    }

    @Test
    void barrierReleasesPartiesInSeveralProcesses() {
        try (var b = ProcessBarrier.of(SessionFilesForTest.unique("bar"), 3)) {
            var c1 = children.start("barrierWait", b.name());
            var c2 = children.start("barrierWait", b.name());
            c1.await("READY", START);
            c2.await("READY", START);
            Set<Integer> indexes = new HashSet<>();
            indexes.add(b.await(Duration.ofSeconds(30)));
            indexes.add(Integer.parseInt(c1.await("INDEX", START).substring(6)));
            indexes.add(Integer.parseInt(c2.await("INDEX", START).substring(6)));
            assertEquals(Set.of(0, 1, 2), indexes);
        }
    }

    @Test
    void eventSetInTheParentWakesAChild() {
        try (var e = ProcessEvent.of(SessionFilesForTest.unique("ev"))) {
            var c = children.start("eventWait", e.name());
            c.await("READY", START);
            e.set();
            c.await("WOKE", START);
            assertEquals(0, c.waitFor(START));
        }
    }

    @Test
    void conditionSignalledInTheParentWakesAChildWaitingForAPredicate() throws Exception {
        try (var cond = ProcessCondition.of(SessionFilesForTest.unique("cond"));
             var v = SharedInt.of(SessionFilesForTest.unique("cv"), 0)) {
            var c = children.start("conditionWait", cond.name(), v.name());
            c.await("READY", START);
            while (cond.snapshot().waiting().isEmpty()) {
                Thread.sleep(5);
            }
            try (var held = cond.hold()) {
                v.set(7);
                cond.signalAll();
            }
            assertEquals("WOKE 7", c.await("WOKE", START));
            assertEquals(0, c.waitFor(START));
        }
    }
}
