package jproc.ipc.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import jproc.ipc.testing.ChildJvm;
import jproc.ipc.testing.ChildJvms;
import jproc.ipc.testing.SessionFilesForTest;

/** The tutorial's demonstration: four processes incrementing a shared value lose updates, unless they lock. */
@Timeout(90)
class LostUpdateIT {
    private static final Duration START = Duration.ofSeconds(30);
    @RegisterExtension
    final ChildJvms children = new ChildJvms();

    private int run(boolean locked, int perProcess) {
        String n = SessionFilesForTest.unique("counter");
        String s = SessionFilesForTest.unique("start");
        try (var counter = SharedInt.of(n, 0); var start = SharedInt.of(s, 0)) {
            var workers = new ArrayList<ChildJvm>();
            for (int i = 0; i < 4; i++) {
                workers.add(children.start("increment", n, s, perProcess, locked));
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
