package jproc.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.process.spawn.Launcher;

/** Exit codes, signals, join with timeout, output integrity. */
class LifecycleIT {
    private final CollectingSink sink = new CollectingSink();

    @AfterAll
    static void noChildLeftBehind() throws InterruptedException {
        NoChildLeftBehind.check();
    }

    private ChildProcess waitingChild(String name) {
        return new ChildProcess(name, () -> {
            System.out.println("ready");
            ChildProcessIT.sleep(30_000);
        }).output(sink).start();
    }

    private void awaitReady(String name) throws InterruptedException {
        sink.await(name, "OUT ready"::equals, Duration.ofSeconds(10));
    }

    @Test
    @Timeout(30)
    void exitCodesFollowPython() throws InterruptedException {
        var ok = new ChildProcess("ok", () -> { }).output(sink).start();
        var thrown = new ChildProcess("thrown", () -> {
            throw new IllegalStateException("boom in child");
        }).output(sink).start();
        var three = new ChildProcess("three", () -> System.exit(3)).output(sink).start();
        var fake = new ChildProcess("fake-int", () -> System.exit(130)).output(sink).start();
        for (var p : List.of(ok, thrown, three, fake)) {
            p.join();
        }
        assertEquals(0, ok.exitCode());
        assertEquals(1, thrown.exitCode());
        assertEquals(3, three.exitCode());
        assertEquals(130, fake.exitCode(), "a real System.exit(130) is not SIGINT");
        String err = sink.err("thrown");
        assertTrue(err.contains("Exception in process \"thrown\" java.lang.IllegalStateException: boom in child"), err);
        assertTrue(err.contains("\tat "), "stack trace on stderr: " + err);
    }

    @Test
    @Timeout(30)
    void signalsEndChildrenWithNegativeCodes() throws InterruptedException {
        var term = waitingChild("term");
        var kill = waitingChild("kill");
        var intr = waitingChild("int");
        var hup = waitingChild("hup");
        for (String n : List.of("term", "kill", "int", "hup")) {
            awaitReady(n);
        }
        assertNull(term.exitCode());
        assertTrue(term.isAlive());
        term.terminate();
        kill.kill();
        intr.signal("INT");
        hup.signal("SIGHUP");
        for (var p : List.of(term, kill, intr, hup)) {
            assertTrue(p.join(Duration.ofSeconds(10)));
        }
        assertEquals(-15, term.exitCode());
        assertEquals(-9, kill.exitCode());
        assertEquals(-2, intr.exitCode());
        assertEquals(-1, hup.exitCode());
        term.terminate(); // no effect once ended
    }

    /**
     * A parent that ignores HUP and INT (started under nohup, or as a background job of a script) passes that on
     * to what it starts; its children must still end on those signals like any other child.
     */
    @Test
    @Timeout(60)
    void signalsReachChildrenOfAParentThatIgnoresThem() throws Exception {
        String env = "/usr/bin/env";
        Assumptions.assumeTrue(new ProcessBuilder(env, "--ignore-signal=HUP", "true").start().waitFor() == 0,
                "this env cannot start a command with ignored signals");
        Process parent = new ProcessBuilder(env, "--ignore-signal=HUP,INT", Launcher.javaCommand(), "-cp",
                System.getProperty("java.class.path"), HelperParent.class.getName(), "signals")
                .redirectErrorStream(true).start();
        String out;
        try {
            out = new String(parent.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(parent.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the helper parent hangs");
        } finally {
            parent.destroyForcibly();
        }
        assertTrue(out.contains("exit sig-HUP -1"), out);
        assertTrue(out.contains("exit sig-INT -2"), out);
        assertTrue(out.contains("exit sig-TERM -15"), out);
    }

    @Test
    @Timeout(30)
    void handlerInstalledInTheChildRunsOnSignal() throws InterruptedException {
        var p = new ChildProcess("handler", () -> {
            ChildProcess.onSignal("USR1", () -> System.out.println("got USR1"));
            ChildProcess.onSignal("TERM", () -> {
                System.out.println("got TERM, leaving");
                System.exit(0);
            });
            System.out.println("ready");
            ChildProcessIT.sleep(30_000);
        }).output(sink).start();
        awaitReady("handler");
        p.signal("USR1");
        sink.await("handler", "OUT got USR1"::equals, Duration.ofSeconds(10));
        assertTrue(p.isAlive(), "a handled signal does not end the child");
        p.terminate();
        p.join();
        assertEquals(0, p.exitCode());
        assertEquals(List.of("ready", "got USR1", "got TERM, leaving"), sink.out("handler"));
    }

    @Test
    @Timeout(30)
    void quitAndUsr2AreRefusedWithTheReason() {
        var p = new ChildProcess("refused", () -> { }).output(sink);
        var quit = assertThrows(UnsupportedSignalException.class, () -> p.signal("QUIT"));
        assertTrue(quit.getMessage().contains("thread dump"), quit.getMessage());
        var usr2 = assertThrows(UnsupportedSignalException.class, () -> ChildProcess.onSignal("USR2", () -> { }));
        assertTrue(usr2.getMessage().contains("HotSpot uses SIGUSR2"), usr2.getMessage());
        assertThrows(UnsupportedSignalException.class, () -> p.signal("WINCH"));
        var notStarted = assertThrows(IllegalStateException.class, () -> p.signal("TERM"));
        assertTrue(notStarted.getMessage().contains("not started"), notStarted.getMessage());
    }

    @Test
    @Timeout(30)
    void joinWithTimeoutReturnsFalseWhileRunning() throws InterruptedException {
        var p = waitingChild("slow");
        assertFalse(p.join(Duration.ofMillis(100)));
        assertTrue(p.isAlive());
        p.terminate();
        assertTrue(p.join(5000));
    }

    @Test
    @Timeout(30)
    void interruptedJoinThrowsAndLeavesTheChildRunning() throws InterruptedException {
        var p = waitingChild("joined");
        awaitReady("joined");
        Thread.currentThread().interrupt();
        var e = assertThrows(JoinInterruptedException.class, p::join);
        assertTrue(Thread.interrupted(), "interrupt status set again");
        assertTrue(e.getMessage().contains("joined"), e.getMessage());
        assertTrue(p.isAlive());
        p.kill();
        p.join();
    }

    @Test
    @Timeout(60)
    void concurrentPrintingLosesAndSplitsNoLine() {
        int threads = 4;
        int lines = 2000;
        var p = new ChildProcess("noisy", () -> {
            var ts = new ArrayList<Thread>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                var th = new Thread(() -> {
                    for (int i = 0; i < lines; i++) {
                        (i % 3 == 0 ? System.err : System.out).println("t" + id + " " + i + " " + "x".repeat(i % 200));
                    }
                });
                ts.add(th);
                th.start();
            }
            for (var th : ts) {
                try {
                    th.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            System.out.print("last line without newline");
        }).output(sink).start();
        p.join();
        List<String> all = sink.of("noisy");
        assertEquals(threads * lines + 1, all.size(), "every line delivered by the time join() returns");
        List<String> out = sink.out("noisy");
        assertEquals("last line without newline", out.get(out.size() - 1));
        var next = new HashMap<String, Integer>();
        for (String s : all) {
            if (s.equals("OUT last line without newline")) {
                continue;
            }
            String[] f = s.split(" ");
            int i = Integer.parseInt(f[2]);
            String key = f[0] + f[1];
            assertEquals(next.getOrDefault(key, i % 3 == 0 ? 0 : 1), i % 3 == 0 ? nextErr(next, key, i) : i,
                    "order within a thread and stream: " + s);
            String expected = "x".repeat(i % 200);
            assertEquals(expected, f.length > 3 ? f[3] : "", "line intact: " + s);
            assertEquals(i % 3 == 0 ? "ERR" : "OUT", f[0]);
            next.put(key, nextIndex(i));
        }
    }

    private static int nextErr(HashMap<String, Integer> next, String key, int i) {
        return next.getOrDefault(key, 0) == i ? i : -1;
    }

    private static int nextIndex(int i) {
        int n = i + 1;
        boolean err = i % 3 == 0;
        while ((n % 3 == 0) != err) {
            n++;
        }
        return n;
    }
}
