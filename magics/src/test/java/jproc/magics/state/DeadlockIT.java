package jproc.magics.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.session.Session;
import jproc.ipc.sync.ProcessBarrier;
import jproc.ipc.sync.ProcessLock;
import jproc.magics.view.DeadlockCycle;
import jproc.magics.view.ProcessTable;
import jproc.magics.view.Timeline;
import jproc.magics.view.TimelineChart;
import jproc.process.ChildProcess;

/** Two child JVMs take two locks in opposite orders (a barrier makes it certain); the reader names the cycle. */
@Timeout(60)
class DeadlockIT {
    /** Takes {@code first}, waits until the other process holds its own first lock, then asks for {@code second}. */
    static void takeBoth(String first, String second) {
        try (ProcessLock a = ProcessLock.of(first); ProcessLock b = ProcessLock.of(second);
             ProcessBarrier both = ProcessBarrier.of("dl-both", 2)) {
            a.acquire();
            both.await();
            b.acquire();
        }
    }

    @Test
    void processesWaitingForEachOthersLocksAreNamedAsADeadlock() throws Exception {
        try (ProcessLock a = ProcessLock.of("dl-a"); ProcessLock b = ProcessLock.of("dl-b")) {
            var left = new ChildProcess("dl-left", () -> takeBoth("dl-a", "dl-b"));
            var right = new ChildProcess("dl-right", () -> takeBoth("dl-b", "dl-a"));
            try {
                left.start();
                right.start();
                var reader = new SessionReader(Session.current(), new ShmChannels(Session.current()));
                SessionSnapshot s = reader.read();
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (s.cycles().isEmpty() && System.nanoTime() < end) {
                    Thread.sleep(100);
                    s = reader.read();
                }
                assertEquals(1, s.cycles().size(), s.processes().toString());
                DeadlockCycle c = s.cycles().get(0);
                assertTrue(c.involves(left.pid()) && c.involves(right.pid()), c.name());
                assertTrue(c.name().contains("lock dl-a") && c.name().contains("lock dl-b"), c.name());
                String ps = ProcessTable.render(s.processes(), s.cycles()).text();
                assertTrue(ps.contains("Deadlock: dl-"), ps);
                assertTrue(ps.contains("deadlocked"), ps);
                String timeline = TimelineChart.render(Timeline.of(s.traces(), s.processes(), s.nanos()), s.cycles())
                        .text();
                assertTrue(timeline.contains("blocked: acquire lock dl-"), timeline);
            } finally {
                left.kill();
                right.kill();
                left.join(Duration.ofSeconds(10));
                right.join(Duration.ofSeconds(10));
            }
            List<String> after = ProcessTable.render(new SessionReader(Session.current(),
                    new ShmChannels(Session.current())).read().processes(), List.of()).text().lines().toList();
            assertTrue(after.stream().anyMatch(l -> l.startsWith("dl-left") && l.contains("-9")), after.toString());
        }
    }
}
