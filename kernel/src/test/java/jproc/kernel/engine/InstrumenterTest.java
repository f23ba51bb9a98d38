package jproc.kernel.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InstrumenterTest {
    private static final String SOURCE = """
            public class Sample {
                public static long spin() { long n = 0; while (true) { n++; } }
                public static void quit() { System.exit(7); }
                public static void halt() { Runtime.getRuntime().halt(3); }
                public static void quitByReference() { java.util.function.IntConsumer q = System::exit; q.accept(5); }
                public static int add(int a, int b) { return a + b; }
            }
            """;

    private static Class<?> instrumentedSample() throws Exception {
        byte[] original = compile("Sample", SOURCE);
        byte[] bytes = Instrumenter.instrument(original);
        var loader = new ClassLoader(InstrumenterTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass("Sample", bytes, 0, bytes.length);
            }
        };
        return loader.define();
    }

    static byte[] compile(String name, String source) {
        var out = new ByteArrayOutputStream();
        var compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileManager fm = new ForwardingJavaFileManager<>(compiler.getStandardFileManager(null, null, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location l, String n, JavaFileObject.Kind k,
                                                       javax.tools.FileObject s) {
                return new SimpleJavaFileObject(URI.create("mem:///" + n + ".class"), k) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out;
                    }
                };
            }
        };
        var src = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean b) {
                return source;
            }
        };
        assertTrue(compiler.getTask(null, fm, null, List.of("-proc:none"), null, List.of(src)).call());
        return out.toByteArray();
    }

    private static Throwable invokeFailure(Method m) {
        var e = assertThrows(InvocationTargetException.class, () -> m.invoke(null));
        return e.getCause();
    }

    @Test
    void cpuBoundLoopStopsWhenItsThreadIsInterrupted() throws Exception {
        Method spin = instrumentedSample().getMethod("spin");
        var thread = new CompletableFuture<Thread>();
        var result = CompletableFuture.supplyAsync(() -> {
            thread.complete(Thread.currentThread());
            try {
                spin.invoke(null);
                return null;
            } catch (InvocationTargetException e) {
                return e.getCause();
            } catch (IllegalAccessException e) {
                return e;
            }
        });
        Thread t = thread.get(5, TimeUnit.SECONDS);
        Thread.sleep(100);
        CellInterrupts.request(t);
        try {
            assertInstanceOf(CellInterruptedError.class, result.get(5, TimeUnit.SECONDS));
        } finally {
            CellInterrupts.clear();
        }
    }

    @Test
    void otherThreadsAreNotStoppedByAnInterrupt() throws Exception {
        Method add = instrumentedSample().getMethod("add", int.class, int.class);
        CellInterrupts.request(new Thread(() -> { }));
        try {
            assertEquals(5, add.invoke(null, 2, 3));
        } finally {
            CellInterrupts.clear();
        }
    }

    @Test
    void exitCallsAndReferencesThrowInsteadOfExiting() throws Exception {
        Class<?> c = instrumentedSample();
        Throwable quit = invokeFailure(c.getMethod("quit"));
        assertInstanceOf(SystemExitError.class, quit);
        assertEquals(7, ((SystemExitError) quit).status());
        assertInstanceOf(SystemExitError.class, invokeFailure(c.getMethod("halt")));
        assertInstanceOf(SystemExitError.class, invokeFailure(c.getMethod("quitByReference")));
    }

    @Test
    void onlyExitCallsAreReplaced() {
        assertEquals("exit", Instrumenter.exitReplacement(true, "java/lang/System", "exit", "(I)V"));
        assertEquals("runtimeHalt", Instrumenter.exitReplacement(false, "java/lang/Runtime", "halt", "(I)V"));
        assertEquals(null, Instrumenter.exitReplacement(true, "java/lang/System", "gc", "()V"));
        assertEquals(null, Instrumenter.exitReplacement(true, "my/System", "exit", "(I)V"));
        IntConsumer unused = x -> { };
        unused.accept(0);
    }
}
