package jproc.magics.view;

import static jproc.magics.view.Traces.blocked;
import static jproc.magics.view.Traces.exited;
import static jproc.magics.view.Traces.running;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DeadlocksTest {
    @Test
    void twoProcessesWaitingForEachOthersLockFormOneNamedCycle() {
        var procs = List.of(blocked("left", 20, "acquire lock a"), blocked("right", 10, "acquire lock b"),
                running("main", 5));
        var holds = List.of(new LockHolding("lock", "a", 10), new LockHolding("lock", "b", 20));
        List<DeadlockCycle> cycles = Deadlocks.find(procs, holds);
        assertEquals(1, cycles.size());
        DeadlockCycle c = cycles.get(0);
        assertEquals("right -> lock b -> left -> lock a -> right", c.name());
        assertTrue(c.involves(10) && c.involves(20) && !c.involves(5));
        assertTrue(c.involves("a") && c.involves("b"));
        assertTrue(c.describe().startsWith("Deadlock: right (pid 10) waits for lock b held by left (pid 20), "
                + "which waits for lock a held by right (pid 10)"), c.describe());
    }

    @Test
    void waitingForABusyLockIsNotADeadlock() {
        var procs = List.of(blocked("waiter", 11, "acquire lock a"), running("holder", 12));
        assertTrue(Deadlocks.find(procs, List.of(new LockHolding("lock", "a", 12))).isEmpty());
    }

    @Test
    void aProcessWaitingForALockItHoldsDeadlocksAlone() {
        var procs = List.of(blocked("self", 7, "acquire lock m"));
        List<DeadlockCycle> cycles = Deadlocks.find(procs, List.of(new LockHolding("lock", "m", 7)));
        assertEquals(1, cycles.size());
        assertTrue(cycles.get(0).describe().contains("which it holds itself"), cycles.get(0).describe());
    }

    @Test
    void threeWayCycleIsFoundOnceFromItsSmallestPid() {
        var procs = List.of(blocked("p1", 3, "acquire lock x"), blocked("p2", 1, "acquire lock y"),
                blocked("p3", 2, "acquire semaphore z"));
        var holds = List.of(new LockHolding("lock", "x", 1), new LockHolding("lock", "y", 2),
                new LockHolding("semaphore", "z", 3));
        List<DeadlockCycle> cycles = Deadlocks.find(procs, holds);
        assertEquals(1, cycles.size());
        assertEquals("p2 -> lock y -> p3 -> semaphore z -> p1 -> lock x -> p2", cycles.get(0).name());
    }

    @Test
    void anExitedHolderBreaksTheCycle() {
        var procs = List.of(blocked("a", 1, "acquire lock q"), exited("b", 2, -9));
        assertTrue(Deadlocks.find(procs, List.of(new LockHolding("lock", "q", 2))).isEmpty());
    }

    @Test
    void waitingOnAQueueIsIgnored() {
        var procs = List.of(blocked("c", 1, "get queue jobs"), blocked("p", 2, "put queue jobs"));
        assertTrue(Deadlocks.find(procs, List.of()).isEmpty());
    }
}
