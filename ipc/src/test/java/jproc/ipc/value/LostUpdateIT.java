package jproc.ipc.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.testing.ChildJvm;
import jproc.ipc.testing.SessionFilesForTest;

/** The tutorial's demonstration: four processes incrementing a shared value lose updates, unless they lock. */
@Timeout(90)
class LostUpdateIT {
    private static final Duration START = Duration.ofSeconds(30);
    private final List<ChildJvm> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(ChildJvm::close);
    }

    private int run(boolean locked, int perProcess) {
        String n = SessionFilesForTest.unique("counter");
        String s = SessionFilesForTest.unique("start");
        try (var counter = SharedInt.of(n, 0); var start = SharedInt.of(s, 0)) {
            var workers = new ArrayList<ChildJvm>();
            for (int i = 0; i < 4; i++) {
                var c = ChildJvm.start("increment", n, s, perProcess, locked);
                children.add(c);
                workers.add(c);
            }
            for (var w : workers) {
                w.await("READY", START);
            }
            start.set(1);
            for (var w : workers) {
                assertEquals(0, w.waitFor(START), w.output());
            }
            return counter.get();
        }
    }

    @Test
    void plainGetThenSetFromFourProcessesLosesUpdates() {
        int total = run(false, 200_000);
        assertTrue(total < 800_000, "expected lost updates, got all " + total);
        assertTrue(total >= 200_000, "at least one process's worth must land: " + total);
    }

    @Test
    void theSameUnderTheBuiltInLockLosesNothing() {
        assertEquals(200_000, run(true, 50_000));
    }
}
