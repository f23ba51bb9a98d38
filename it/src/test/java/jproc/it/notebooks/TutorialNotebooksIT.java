package jproc.it.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the five tutorial notebooks top to bottom with Debian's nbclient against the installed {@code jproc}
 * kernel and checks what their key cells print: not just "no error", but the facts each notebook demonstrates.
 * The executed notebooks and their transcripts stay in {@code it/target/notebooks/} for inspection.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class TutorialNotebooksIT {
    static final List<String> NOTEBOOKS = List.of(
            "01-ipc-and-shared-resources",
            "02-processes-threads-and-ipc-mechanisms",
            "03-queue-pipe-shared-memory",
            "04-process-management-and-pools",
            "05-serialization-pipes-queues-locks");

    private static NotebookRun run;
    private static JupyterDirs jupyter;

    @BeforeAll
    static void runAllNotebooks() throws Exception {
        jupyter = JupyterDirs.withInstalledKernel(Repo.target("notebooks-jupyter"));
        var paths = NOTEBOOKS.stream().map(n -> Repo.root().resolve("notebooks").resolve(n + ".ipynb")).toList();
        long t0 = System.nanoTime();
        run = NotebookRun.execute(paths, "jproc", jupyter.environment(), Repo.target("notebooks"),
                Duration.ofSeconds(120), Duration.ofMinutes(12));
        double total = (System.nanoTime() - t0) / 1e9;
        run.seconds().forEach((name, s) -> System.out.printf("NOTEBOOK %-45s %6.1f s%n", name, s));
        System.out.printf("NOTEBOOKS total %.1f s (%d notebooks, kernel start included)%n", total, NOTEBOOKS.size());
    }

    @AfterAll
    static void cleanUp() {
        if (jupyter != null) {
            jupyter.close();
        }
    }

    private static void assertNoErrors(Transcript t) {
        assertEquals(List.of(), t.errors(), "error outputs in " + t.name());
    }

    private static void assertContains(Transcript.Cell cell, String... texts) {
        for (String s : texts) {
            assertTrue(cell.text().contains(s), () -> "cell " + cell.id() + " should print '" + s + "' but printed:\n"
                    + cell.text());
        }
    }

    private static void assertWellFormedSvg(Transcript.Cell cell) {
        String svg = cell.text("display-image/svg+xml").strip();
        assertTrue(svg.startsWith("<svg"), "cell " + cell.id() + " displays image/svg+xml:\n" + cell.text());
        try {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("cell " + cell.id() + " displays an SVG that is not well-formed XML: " + e, e);
        }
    }

    private static List<Integer> ints(List<String> xs) {
        return xs.stream().map(s -> Integer.parseInt(s.replace(",", ""))).toList();
    }

    @Test
    void ipcAndSharedResourcesShowsSeparateMemoryAndNoLostUpdatesUnderTheLock() {
        Transcript t = run.transcript(NOTEBOOKS.get(0));
        assertNoErrors(t);
        var pids = t.cell("two-processes").matches("pid (\\d+)");
        assertTrue(pids.size() >= 3, "notebook pid, child pid and parent pid printed: " + pids);
        assertFalse(pids.get(0).equals(pids.get(1)), "the child runs in another process: " + pids);
        assertContains(t.cell("own-memory"), "my copy of counter[0] is now 100", "notebook: counter[0] is still 0");
        assertEquals(2, t.cell("reentrant").matches("fib\\(90\\) = 2880067194370816120").size());

        var lost = t.cell("lost-updates");
        var totals = ints(lost.matches("lock: +([0-9,]+) of 400,000"));
        assertEquals(2, totals.size(), lost.text());
        System.out.printf("lost updates without a lock: %,d of 400,000; with the lock: %,d of 400,000%n",
                400_000 - totals.get(0), 400_000 - totals.get(1));
        assertTrue(totals.get(0) <= 400_000, lost.text());
        assertEquals(400_000, totals.get(1), "the locked counter is exact");
        var inspect = t.cell("inspect-counter");
        assertEquals(1, inspect.matches("^value +400000$").size(), "%inspect shows the exact total:\n" + inspect.text());
        assertContains(inspect, "lock acquisitions  400,000");

        assertContains(t.cell("event"), "waiter: waiting for the notebook's signal", "waiter: got it, carrying on");
        assertEquals(6, t.cell("lock-order").matches("holds a and b").size());
        assertContains(t.cell("lock-order"), "no deadlock: both finished");
        var lockA = t.cell("inspect-lock");
        assertEquals(1, lockA.matches("^acquisitions +6$").size(), "%inspect a counts 6 acquisitions:\n" + lockA.text());
        assertEquals(2, lockA.matches("^(left|right) +\\d+ +acquire x3, release x3").size(), lockA.text());
        assertEquals(List.of(400_000, 400_000, 400_000), ints(t.cell("contention").matches("total ([0-9,]+)")));
        assertContains(t.cell("thread-vs-process"), "after a thread added 1:  box[0] = 1",
                "after a process added 1: box[0] = 1");
        assertContains(t.cell("pipe-hello"), "parent received: Hello, parent process!");
    }

    @Test
    void ipcMechanismsEachDeliverTheirMessage() {
        Transcript t = run.transcript(NOTEBOOKS.get(1));
        assertNoErrors(t);
        assertContains(t.cell("parallel"), "two at once");
        assertContains(t.cell("os-pipe"), "Hello from parent");
        assertContains(t.cell("message-queue"), "Hello from parent");
        assertContains(t.cell("shared-memory"), "Hello from parent");
        assertContains(t.cell("signal"), "Received signal: USR1", "listener exit code 0");
        assertContains(t.cell("unix-socket"), "server received: Hello from client", "socket file removed: true");
        assertContains(t.cell("semaphore-create"), "permits available: 2");
        assertContains(t.cell("mapped-file"), "notebook read: written through a mapping by pid");
        var workers = t.cell("semaphore-workers");
        assertEquals(List.of(0, 1, 2, 3, 4),
                ints(workers.matches("Worker (\\d) is working")).stream().sorted().toList());
        int peak = ints(workers.matches("at most (\\d+) workers")).get(0);
        assertTrue(peak >= 1 && peak <= 2, "the semaphore let " + peak + " workers in at once; permits: 2");
        assertWellFormedSvg(t.cell("timeline"));
    }

    @Test
    void queueAndPipeDeliverEveryItemWhileTheSharedValueMissesSome() throws Exception {
        Transcript t = run.transcript(NOTEBOOKS.get(2));
        assertNoErrors(t);
        for (String cell : List.of("queue-run", "pipe-run")) {
            var c = t.cell(cell);
            assertEquals(List.of(0, 1, 2, 3, 4), ints(c.matches("produced (\\d)")), cell + ":\n" + c.text());
            assertEquals(List.of(0, 1, 2, 3, 4), ints(c.matches("consumed (\\d)")), cell + ":\n" + c.text());
        }
        var inspect = t.cell("queue-inspect");
        assertEquals(1, inspect.matches("^put +5$").size(), "%inspect queue counts 5 puts:\n" + inspect.text());
        assertEquals(1, inspect.matches("^got +5$").size(), "%inspect queue counts 5 gets:\n" + inspect.text());
        assertWellFormedSvg(t.cell("timeline"));
        var value = ints(t.cell("value-run").matches("consumed (\\d)"));
        assertEquals(4, value.get(value.size() - 1), "the shared-value consumer stops at 4: " + value);

        var compare = t.cell("compare");
        assertEquals(1, compare.matches("^queue +received \\[0, 1, 2, 3, 4\\] +missed \\[\\]$").size(),
                "the queue consumer misses nothing:\n" + compare.text());
        assertEquals(1, compare.matches("^pipe +received \\[0, 1, 2, 3, 4\\] +missed \\[\\]$").size(),
                "the pipe consumer misses nothing:\n" + compare.text());
        var valueMissed = compare.matches("shared value +received .* missed (\\[.+\\])$");
        assertEquals(1, valueMissed.size(), compare.text());
        System.out.println("shared-value consumer missed " + valueMissed.get(0));

        var rates = t.cell("throughput-measure").matches("Java +(.+? items/s)");
        assertEquals(3, rates.size(), t.cell("throughput-measure").text());
        rates.forEach(r -> System.out.println("Java   " + r));
        t.cell("python-measure").matches("Python +(.+? items/s)").forEach(r -> System.out.println("Python " + r));

        assertWellFormedSvg(t.cell("throughput-chart"));
        t.cell("throughput-chart").matches("^(.* = [0-9.,]+)$").forEach(r -> System.out.println("ratio " + r));
        t.cell("throughput-chart").matches("^(fastest .*)$").forEach(System.out::println);
        // a line printed 1.5 s after its cell returned is shown under that cell (a display updated in place)
        assertContains(t.cell("late-start"), "the cell is done; the child is still running",
                "[late] late line: printed 1.5 s after the cell that started me returned");
        assertContains(t.cell("late-join"), "late exited with code 0");
        assertEquals(1, t.cell("ps").matches("^late +\\d+ +exited +0 ").size(), t.cell("ps").text());
    }

    @Test
    void processLifecyclePoolAndEchoServerBehaveLikePython() {
        Transcript t = run.transcript(NOTEBOOKS.get(3));
        assertNoErrors(t);
        var same = t.cell("same-program");
        assertEquals(3, same.matches("runs in this process = 1$").size(), same.text());
        assertEquals(3, new HashSet<>(same.matches("pid (\\d+),")).size(), "three distinct pids:\n" + same.text());
        assertContains(t.cell("blocking-or-not"), "exit code 0");
        assertContains(t.cell("start-child"), "main", "[task] egon is running", "[task] egon is done");
        assertEquals(1, t.cell("join-child").matches("^task \\(pid \\d+\\) ended with exit code 0$").size(),
                t.cell("join-child").text());
        assertContains(t.cell("terminate"), "alive before terminate: true", "alive after: false, exit code -15");
        assertEquals(1, t.cell("ps").matches("^endless +\\d+ +killed +-15 ").size(), t.cell("ps").text());
        assertContains(t.cell("subclass"), "egon is running in pid", "egon is done", "main");

        var pool = t.cell("pool");
        assertContains(pool, "results: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]");
        var taskPids = new HashSet<>(pool.matches("alex \\d is running in pid (\\d+)"));
        assertEquals(10, pool.matches("alex (\\d) is running").size(), pool.text());
        assertTrue(taskPids.size() >= 1 && taskPids.size() <= 4, "tasks ran on at most 4 workers: " + taskPids);
        var workerPids = pool.matches("worker pids: \\[(.*)\\]");
        assertEquals(4, workerPids.get(0).split(",").length, pool.text());

        assertContains(t.cell("echo-server"), "echo server listening on 127.0.0.1:");
        var echo = t.cell("echo-client");
        assertContains(echo, "client-1 sent 'hello', got back 'HELLO'",
                "client-1 sent 'process per connection', got back 'PROCESS PER CONNECTION'",
                "client-2 sent 'echo', got back 'ECHO'", "client-2 sent 'in upper case', got back 'IN UPPER CASE'",
                "server closed after 2 connections; talkers exited with [0, 0]");
        assertEquals(2, echo.matches("handled by process talk-\\d").size(), echo.text());
    }

    @Test
    void serializationHooksRunAndTheFilterRefusesTheCraftedStream() {
        Transcript t = run.transcript(NOTEBOOKS.get(4));
        assertNoErrors(t);
        var hooks = t.cell("hooks");
        assertEquals(List.of("serializing", "deserializing", "apple"),
                hooks.text("stdout").lines().map(String::strip).filter(s -> !s.isEmpty()).toList());
        assertContains(t.cell("hooks-across"), "serializing", "deserializing", "child got msg = apple");
        assertContains(t.cell("replace-resolve"), "writeReplace", "readResolve: rebuilding from '21.5 C'",
                "Temperature[21.5 C]");
        assertContains(t.cell("gadget"), "it would now run: ls -lh", "commands that would have run: [ls -lh]");
        var blocked = t.cell("filter-blocks");
        assertContains(blocked, "JProc's filter refused the stream:", "BadAttributeValueExpException");
        assertFalse(blocked.text().contains("NOT BLOCKED"), blocked.text());
        assertContains(t.cell("filter-gadget"), "refused:", "[ls -lh] (unchanged)");
        assertContains(t.cell("pipe"), "Hello, world");
        assertContains(t.cell("queue"), "Hello, world");
        assertWellFormedSvg(t.cell("wiring"));
        var lock = t.cell("lock");
        assertEquals(IntStream.range(0, 10).boxed().toList(),
                ints(lock.matches("hello world (\\d)$")).stream().sorted().collect(Collectors.toList()));
        assertContains(lock, "at most 1 process(es) were inside the critical section at once");
        assertWellFormedSvg(t.cell("timeline"));
    }
}
