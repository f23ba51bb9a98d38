package jproc.kernel;

import jproc.kernel.output.Output;
import jproc.kernel.output.OutputQueue;
import jproc.kernel.output.RecordingFrontend;
import jproc.kernel.output.RecordingFrontend.Sent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cell gets a late-output display only when it leaves its own work running. Threads the JDK or JShell start once
 * per JVM while some cell happens to run (JShell's indexer, the JDK's delay scheduler) are not that cell's work:
 * an empty display under a cell that only computed a value would show up as a stray output (and as an extra
 * result for a client that reads a cell's displays).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LateOutputDisplayTest {
    private static final RecordingFrontend FRONTEND = new RecordingFrontend(null);
    private static OutputQueue queue;
    private static Kernel kernel;
    private static int count;

    @BeforeAll
    static void start() {
        queue = new OutputQueue();
        kernel = new Kernel(FRONTEND, queue, Kernel.defaultStartup());
    }

    @AfterAll
    static void stop() {
        kernel.close();
        queue.close();
    }

    private static List<Output> run(String code) throws InterruptedException {
        String parent = "cell-" + (++count);
        ExecuteOutcome outcome = kernel.execute(parent, code, count, false);
        assertTrue(outcome.ok(), () -> code + " failed: " + outcome.error());
        assertTrue(queue.flush(5000));
        var mine = new ArrayList<Output>();
        for (Sent s : FRONTEND.sent()) {
            if (s.parent().equals(parent)) {
                mine.add(s.output());
            }
        }
        return mine;
    }

    private static long displays(List<Output> outputs) {
        return outputs.stream().filter(o -> o instanceof Output.Display).count();
    }

    @Test
    void cellsThatLeaveNothingRunningGetNoDisplay() throws InterruptedException {
        for (String code : List.of("1 + 1", "int x = 41;", "x + 1", "String text = \"a\" + x; text",
                // starts the JDK's shared delay-scheduler thread on first use
                "CompletableFuture.supplyAsync(() -> 7).orTimeout(5, TimeUnit.SECONDS).join()",
                "CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS).execute(() -> { }); 3")) {
            List<Output> out = run(code);
            assertEquals(0, displays(out), () -> code + " got a display: " + out);
            assertTrue(out.stream().anyMatch(o -> o instanceof Output.ExecuteResult)
                    || code.endsWith(";"), () -> code + " has no result: " + out);
        }
    }

    @Test
    void aThreadTheCellStartsGetsADisplayThatItsLateLinesUpdate() throws InterruptedException {
        List<Output> out = run("new Thread(() -> { try { Thread.sleep(300); } catch (InterruptedException e) { }"
                + " System.out.println(\"late line\"); }).start();");
        assertEquals(1, displays(out), () -> "no late-output display: " + out);
        String id = out.stream().filter(o -> o instanceof Output.Display).map(o -> ((Output.Display) o).displayId())
                .findFirst().orElseThrow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean updated = false;
        while (!updated && System.nanoTime() < deadline) {
            Thread.sleep(50);
            updated = FRONTEND.sent().stream().anyMatch(s -> s.output() instanceof Output.UpdateDisplay u
                    && u.displayId().equals(id) && u.bundle().data().toString().contains("late line"));
        }
        assertTrue(updated, "the late line did not update the cell's display");
    }
}
