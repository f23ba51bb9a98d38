package jproc.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting children the three ways, fork-like copies, non-copyable values, identity. */
class ChildProcessIT {
    private final CollectingSink sink = new CollectingSink();

    @AfterAll
    static void noChildLeftBehind() throws InterruptedException {
        NoChildLeftBehind.check();
    }

    @Test
    @Timeout(30)
    void lambdaTargetRunsInChildWithTaggedOutput() {
        int answer = 41;
        var p = new ChildProcess("hello", () -> System.out.println("answer " + (answer + 1))).output(sink);
        assertEquals(-1, p.pid());
        p.start();
        assertTrue(p.pid() > 0);
        p.join();
        assertEquals(List.of("OUT answer 42"), sink.of("hello"));
        assertEquals(0, p.exitCode());
        assertFalse(p.isAlive());
        assertEquals(List.of("hello"), sink.closed);
        assertEquals(List.of("hello " + p.pid()), sink.opened);
        assertEquals(Thread.currentThread().getName(), sink.openThreads.get(0), "sink opened on the start() thread");
    }

    @Test
    @Timeout(30)
    void targetsWithArgumentsReceiveCopies() {
        var one = new ChildProcess("one", (SerializableConsumer<List<String>>) l -> System.out.println("got " + l),
                List.of("a", "b")).output(sink).start();
        var two = new ChildProcess("two", (SerializableBiConsumer<Integer, String>) (n, s) ->
                System.out.println(s.repeat(n)), 3, "ab").output(sink).start();
        one.join();
        two.join();
        assertEquals(List.of("got [a, b]"), sink.out("one"));
        assertEquals(List.of("ababab"), sink.out("two"));
    }

    @Test
    @Timeout(30)
    void aConstructorReferenceRunsAsTheTarget() {
        var p = new ChildProcess("ctor", Targets.Greeter::new).output(sink).start();
        p.join();
        assertEquals(0, p.exitCode(), () -> "stderr: " + sink.err("ctor"));
        assertEquals(List.of("constructed in " + p.pid()), sink.out("ctor"));
        // a reference to a JDK constructor is shipped as such (not desugared): the child rebuilds it through the
        // capturing class's $deserializeLambda$
        var q = new ChildProcess("jdk-ctor", java.util.ArrayList::new).output(sink).start();
        q.join();
        assertEquals(0, q.exitCode(), () -> "stderr: " + sink.err("jdk-ctor"));
    }

    @Test
    @Timeout(30)
    void subclassFieldsArriveAsCopiesAndParentKeepsItsOwn() {
        var c = new Targets.Counter("counter");
        c.output(sink).start().join();
        assertEquals(List.of("values [1, 2, 3, 10] start 11 name counter"), sink.out("counter"));
        assertEquals(List.of(1, 2, 3), c.values, "the child's change does not reach the parent");
        assertEquals(10, c.start);
    }

    @Test
    @Timeout(30)
    void childChangingItsCopyDoesNotChangeTheParents() {
        var list = new ArrayList<>(List.of("parent"));
        var p = new ChildProcess("forky", () -> {
            list.add("child");
            Targets.SHARED.add("child");
            System.out.println(list + " " + Targets.SHARED);
        }).output(sink).start();
        p.join();
        assertEquals(List.of("[parent, child] [parent, child]"), sink.out("forky"));
        assertEquals(List.of("parent"), list);
        assertEquals(List.of("parent"), Targets.SHARED);
    }

    @Test
    @Timeout(30)
    void codeStringIsCompiledInTheParentByTheInstalledCompiler() {
        ChildProcesses.setCellCompiler(null);
        var noCompiler = ChildProcess.ofCode("cell", "System.out.println(1);");
        var e = assertThrows(IllegalStateException.class, noCompiler::start);
        assertTrue(e.getMessage().contains("no CellCompiler installed"), e.getMessage());
        var compiled = new ArrayList<String>();
        ChildProcesses.setCellCompiler((name, code) -> {
            compiled.add(name + ": " + code);
            return () -> System.out.println("compiled cell ran");
        });
        try {
            var p = ChildProcess.ofCode("cell", "System.out.println(\"x\");").output(sink).start();
            p.join();
            assertEquals(List.of("cell: System.out.println(\"x\");"), compiled);
            assertEquals(List.of("compiled cell ran"), sink.out("cell"));
        } finally {
            ChildProcesses.setCellCompiler(null);
        }
    }

    @Test
    @Timeout(30)
    void valueThatCannotBeCopiedFailsAtStartNamingItsType() {
        var scanner = new Scanner("x");
        int before = ChildProcesses.children().size();
        var p = new ChildProcess("bad", () -> System.out.println(scanner.next())).output(sink);
        var e = assertThrows(NotCopyableException.class, p::start);
        assertEquals("java.util.Scanner", e.type());
        assertTrue(e.getMessage().contains("captured value 1"), e.getMessage());
        var sub = new Targets.HoldsScanner();
        var e2 = assertThrows(NotCopyableException.class, sub::start);
        assertEquals("field HoldsScanner.scanner", e2.variable());
        assertEquals("java.util.Scanner", e2.type());
        assertEquals(before, ChildProcesses.children().size(), "nothing was started");
        assertEquals(-1, p.pid());
    }

    @Test
    @Timeout(30)
    void namesAreStableAndIdentityIsVisibleInsideTheChild() {
        var a = new ChildProcess(() -> System.out.println(ChildProcess.currentProcess().name()));
        var b = new ChildProcess(() -> { });
        assertTrue(a.name().matches("Process-\\d+"), a.name());
        int n = Integer.parseInt(a.name().substring(8));
        assertEquals("Process-" + (n + 1), b.name());
        long me = ProcessHandle.current().pid();
        var p = new ChildProcess("who", () -> {
            var cur = ChildProcess.currentProcess();
            var parent = ChildProcess.parentProcess();
            System.out.println(cur.name() + " " + cur.pid() + " " + ProcessHandle.current().pid() + " "
                    + parent.name() + " " + parent.pid() + " " + cur.isAlive());
        }).output(sink).start();
        p.join();
        assertEquals(List.of("who " + p.pid() + " " + p.pid() + " MainProcess " + me + " true"), sink.out("who"));
        assertEquals("MainProcess", ChildProcess.currentProcess().name());
        assertNull(ChildProcess.parentProcess());
    }

    @Test
    @Timeout(60)
    void childStartsItsOwnChildNamedAfterIt() {
        var p = new ChildProcess("parent-child", () -> {
            var grandchild = new ChildProcess(() -> System.out.println("my parent is "
                    + ChildProcess.parentProcess().name())).output(ChildProcessIT::echo);
            grandchild.start().join();
            System.out.println("grandchild exit " + grandchild.exitCode());
        }).output(sink).start();
        p.join();
        var out = sink.out("parent-child");
        assertEquals(2, out.size(), out + sink.err("parent-child"));
        assertTrue(out.get(0).matches("Process-\\d+:1 said: my parent is parent-child"), out.get(0));
        assertEquals("grandchild exit 0", out.get(1));
    }

    @Test
    @Timeout(30)
    void activeChildrenListsRunningOnes() throws InterruptedException {
        var p = new ChildProcess("sleeper", () -> {
            System.out.println("up");
            sleep(20_000);
        }).output(sink).start();
        sink.await("sleeper", "OUT up"::equals, Duration.ofSeconds(10));
        assertTrue(ChildProcesses.activeChildren().contains(p));
        assertTrue(p.toString().contains("name='sleeper'"), p.toString());
        var e = assertThrows(IllegalStateException.class, p::close);
        assertTrue(e.getMessage().contains("still running"), e.getMessage());
        p.kill();
        p.join();
        assertFalse(ChildProcesses.activeChildren().contains(p));
        p.close();
        assertThrows(IllegalStateException.class, p::start);
    }

    @Test
    @Timeout(30)
    void startingTwiceIsRefused() {
        var p = new ChildProcess("twice", () -> { }).output(sink).start();
        var e = assertThrows(IllegalStateException.class, p::start);
        assertTrue(e.getMessage().contains("started already"), e.getMessage());
        p.join();
    }

    @Test
    @Timeout(30)
    void coldAndWarmStartsRunTheSameWay() throws InterruptedException {
        ChildProcesses.prestart();
        long end = System.currentTimeMillis() + 10_000;
        while (jproc.process.spawn.WarmPool.instance().ready() == 0 && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        var warm = new ChildProcess("warm", () -> System.out.println("w")).output(sink).start();
        var cold = new ChildProcess("cold", () -> System.out.println("c")).coldStart(true).output(sink).start();
        warm.join();
        cold.join();
        assertTrue(warm.jvm().warm(), "taken from the warm pool");
        assertFalse(cold.jvm().warm());
        assertEquals(List.of("w"), sink.out("warm"));
        assertEquals(List.of("c"), sink.out("cold"));
    }

    @Test
    @Timeout(30)
    void jvmOptionsReachTheChild() {
        var p = new ChildProcess("opts", () -> System.out.println(System.getProperty("jproc.test.flag")))
                .jvmOptions("-Djproc.test.flag=on").output(sink).start();
        p.join();
        assertEquals(List.of("on"), sink.out("opts"));
        assertFalse(p.jvm().warm());
        assertNotEquals(0, p.pid());
    }

    @Test
    @Timeout(30)
    void aCollectorChosenForOneChildReplacesTheDefaultOne() {
        var p = new ChildProcess("own-gc", () -> {
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                System.out.println(gc.getName());
            }
        }).jvmOptions("-XX:+UseSerialGC").output(sink).start();
        p.join();
        assertEquals(0, p.exitCode(), () -> "the child did not start: " + sink.err("own-gc"));
        assertEquals(List.of("Copy", "MarkSweepCompact"), sink.out("own-gc"));
    }

    @Test
    @Timeout(30)
    void queueHandleReattachesToTheSameQueueInTheChild() throws Exception {
        jproc.ipc.queue.ProcessQueue<Integer> q = jproc.Mp.queue("process-it-" + ProcessHandle.current().pid());
        try {
            var p = jproc.Mp.process("producer", (SerializableConsumer<jproc.ipc.queue.ProcessQueue<Integer>>) qq -> {
                for (int i = 0; i < 5; i++) {
                    qq.put(i);
                }
            }, q).output(sink);
            p.start();
            var got = new ArrayList<Integer>();
            for (int i = 0; i < 5; i++) {
                got.add(q.get(Duration.ofSeconds(10)));
            }
            p.join();
            assertEquals(List.of(0, 1, 2, 3, 4), got, sink.err("producer"));
            assertEquals(0, p.exitCode());
        } finally {
            q.close();
        }
    }

    /** A sink (opened in a child) that prints its child's lines with the child's name. */
    static ChildOutput echo(String name, long pid) {
        return new ChildOutput() {
            @Override
            public void line(ChildStream stream, String text) {
                System.out.println(name + " said: " + text);
            }

            @Override
            public void closed() {
            }
        };
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
