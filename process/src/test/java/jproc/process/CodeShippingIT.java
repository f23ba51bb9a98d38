package jproc.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Code that exists only in the parent's memory runs in the child: classes compiled at run time are shipped as
 * bytes by a {@link CodeProvider}, their static state arrives as copies.
 */
class CodeShippingIT {
    private static final String NOTEBOOK = """
            package nb;
            import jproc.process.*;
            public class Cell1 {
                public static int base = 1;
                public static java.util.List<String> names = new java.util.ArrayList<>();
                public static Object handle;
                public static SerializableRunnable greeter(int x) {
                    return () -> {
                        base += x;
                        names.add("child");
                        System.out.println("lambda " + base + " " + names + " " + new Point(x, base));
                    };
                }
                public record Point(int x, int y) implements java.io.Serializable { }
                public static SerializableFunction<Integer, Integer> adder() {
                    return x -> x + base;
                }
                public static SerializableCallable<Point> pointTask(int x) {
                    return () -> new Point(x, base);
                }
            }
            """;
    private static final String SUBCLASS = """
            package nb;
            import jproc.process.*;
            public class Worker extends ChildProcess {
                private final int[] data = {3, 4};
                public Worker() { super("nb-worker"); }
                @Override public void run() {
                    data[0] = 99;
                    System.out.println("worker " + (data[0] + data[1]) + " " + Cell1.base);
                }
                public int first() { return data[0]; }
            }
            """;

    private static InMemoryCompiler.Compiled code;
    private final CollectingSink sink = new CollectingSink();
    private final List<Object> snapshotTargets = new ArrayList<>();

    @BeforeAll
    static void compile() {
        code = InMemoryCompiler.compile(Map.of("nb.Cell1", NOTEBOOK, "nb.Worker", SUBCLASS));
    }

    @AfterEach
    void removeProvider() {
        ChildProcesses.setCodeProvider(null);
    }

    @AfterAll
    static void noChildLeftBehind() throws InterruptedException {
        NoChildLeftBehind.check();
    }

    private void installProvider(boolean withStatics) {
        ChildProcesses.setCodeProvider(target -> {
            snapshotTargets.add(target);
            try {
                Class<?> cell = Class.forName("nb.Cell1", true, code.loader());
                var statics = new ArrayList<StaticValue>();
                if (withStatics) {
                    for (String f : List.of("base", "names", "handle")) {
                        Object v = cell.getField(f).get(null);
                        if (v != null) {
                            statics.add(new StaticValue("nb.Cell1", f, v));
                        }
                    }
                }
                return new CodeSnapshot(code.bytes(), statics);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static SerializableRunnable greeter(int x) throws ReflectiveOperationException {
        Class<?> cell = Class.forName("nb.Cell1", true, code.loader());
        return (SerializableRunnable) cell.getMethod("greeter", int.class).invoke(null, x);
    }

    @Test
    @Timeout(30)
    void runtimeLambdaRunsInChildWithCopiedStatics() throws Exception {
        installProvider(true);
        Class<?> cell = Class.forName("nb.Cell1", true, code.loader());
        cell.getField("base").set(null, 40);
        var names = (List<String>) cell.getField("names").get(null);
        names.add("parent");
        SerializableRunnable target = greeter(2);
        var p = new ChildProcess("shipped", target).output(sink).start();
        p.join();
        assertEquals("", sink.err("shipped"));
        assertEquals(List.of("lambda 42 [parent, child] Point[x=2, y=42]"), sink.out("shipped"));
        assertEquals(0, p.exitCode());
        assertEquals(40, cell.getField("base").get(null), "the parent's static is unchanged");
        assertEquals(List.of("parent"), names);
        assertEquals(List.of(target), snapshotTargets, "the provider saw the target");
    }

    @Test
    @Timeout(30)
    void runtimeSubclassRunsInChildWithCopiedFields() throws Exception {
        installProvider(true);
        Class<?> cell = Class.forName("nb.Cell1", true, code.loader());
        cell.getField("base").set(null, 7);
        var w = (ChildProcess) Class.forName("nb.Worker", true, code.loader()).getConstructor().newInstance();
        w.output(sink).start().join();
        assertEquals(List.of("worker 103 7"), sink.out("nb-worker"));
        assertEquals(3, w.getClass().getMethod("first").invoke(w), "the parent's field is unchanged");
    }

    @Test
    @Timeout(30)
    void staticThatCannotBeCopiedFailsAtStartNamingTheVariable() throws Exception {
        installProvider(true);
        Class<?> cell = Class.forName("nb.Cell1", true, code.loader());
        cell.getField("handle").set(null, new Thread("not copyable"));
        try {
            var p = new ChildProcess("bad-static", greeter(1)).output(sink);
            var e = assertThrows(NotCopyableException.class, p::start);
            assertEquals("java.lang.Thread", e.type());
            assertTrue(e.variable().contains("handle"), e.variable());
            assertTrue(e.getMessage().contains("variable handle"), e.getMessage());
        } finally {
            cell.getField("handle").set(null, null);
        }
    }

    @Test
    @Timeout(60)
    @SuppressWarnings("unchecked")
    void runtimeFunctionsRunInPoolWorkersAndTheirResultsComeBack() throws Exception {
        installProvider(true);
        Class<?> cell = Class.forName("nb.Cell1", true, code.loader());
        cell.getField("base").set(null, 100);
        jproc.ipc.session.Session.current().registerUserLoader(code.loader());
        try (var pool = new jproc.process.pool.ProcessPool(2)) {
            var adder = (SerializableFunction<Integer, Integer>) cell.getMethod("adder").invoke(null);
            assertEquals(List.of(101, 102, 103), pool.map(adder, List.of(1, 2, 3)));
            cell.getField("base").set(null, 200);
            assertEquals(List.of(201, 202, 203, 204, 205, 206, 207, 208), pool.map(adder, List.of(1, 2, 3, 4, 5, 6, 7, 8)),
                    "statics are sent again with each submission, to every worker");
            cell.getField("base").set(null, 300);
            assertEquals(List.of(301, 302, 303, 304), pool.map(adder, List.of(1, 2, 3, 4)));
            var task = (SerializableCallable<Object>) cell.getMethod("pointTask", int.class).invoke(null, 7);
            Object point = pool.submit(task).get();
            assertEquals("Point[x=7, y=300]", point.toString());
            assertEquals(code.loader(), point.getClass().getClassLoader(), "decoded with the notebook's class");
        } finally {
            jproc.ipc.session.Session.current().unregisterUserLoader(code.loader());
        }
    }

    @Test
    @Timeout(30)
    void runtimeClassWithoutProviderIsRefusedWithAdvice() throws Exception {
        var p = new ChildProcess("no-provider", greeter(1)).output(sink);
        var e = assertThrows(IllegalStateException.class, p::start);
        assertTrue(e.getMessage().contains("CodeProvider"), e.getMessage());
    }

    @Test
    @Timeout(30)
    void addedClasspathEntriesReachTheChild() throws Exception {
        var dir = java.nio.file.Files.createTempDirectory("jproc-cp");
        try {
            for (var e : code.bytes().entrySet()) {
                var f = dir.resolve(e.getKey().replace('.', '/') + ".class");
                java.nio.file.Files.createDirectories(f.getParent());
                java.nio.file.Files.write(f, e.getValue());
            }
            ChildProcesses.addClasspath(dir.toString());
            assertTrue(ChildProcesses.classpath().contains(dir.toString()));
            var p = new ChildProcess("cp", () -> {
                try {
                    Class<?> c = Class.forName("nb.Cell1");
                    System.out.println("found " + c.getName() + " " + c.getField("base").get(null));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }).output(sink).start();
            p.join();
            assertEquals(List.of("found nb.Cell1 1"), sink.out("cp"), sink.err("cp") + " exit " + p.exitCode());
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
