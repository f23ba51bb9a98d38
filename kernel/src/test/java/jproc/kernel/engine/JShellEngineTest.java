package jproc.kernel.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JShellEngineTest {
    private static JShellEngine engine;

    @BeforeAll
    static void start() {
        engine = JShellEngine.create(JShellEngineTest.class.getClassLoader(), List.of());
        engine.run("import java.util.*;");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void lastExpressionWithoutSemicolonIsTheValue() {
        EvalResult r = engine.evalCell("int a = 20;\na + 22", 1);
        assertTrue(r.hasValue());
        assertEquals(42, r.value());
        assertEquals("42", r.valueText());
        assertFalse(engine.evalCell("a + 1;", 2).hasValue());
        assertFalse(engine.evalCell("a = 3", 3).hasValue());
    }

    @Test
    void declarationsAreUsableLaterAndCanBeRedefined() {
        engine.evalCell("int twice(int x) { return 2 * x; }\nrecord P(int x, int y) {}", 1);
        assertEquals(8, engine.evalCell("twice(4)", 2).value());
        engine.evalCell("int twice(int x) { return 3 * x; }", 3);
        assertEquals(12, engine.evalCell("twice(4)", 4).value());
        assertEquals("P[x=1, y=2]", engine.evalCell("new P(1, 2).toString()", 5).value());
    }

    @Test
    void compileErrorNamesLineColumnAndText() {
        EvalResult r = engine.evalCell("int ok = 1;\nint bad = undefinedName + 1;", 7);
        assertTrue(r.failed());
        assertEquals("CompileError", r.error().ename());
        String report = String.join("\n", r.error().traceback());
        assertTrue(report.contains("cell [7], line 2, column 11"), report);
        assertTrue(report.contains("undefinedName"), report);
        assertTrue(report.contains("^^^^^^^^^^^^^"), report);
    }

    @Test
    void runtimeExceptionIsTrimmedToUserCode() {
        engine.evalCell("int divide(int a, int b) {\n  return a / b;\n}", 3);
        EvalResult r = engine.evalCell("divide(1, 0)", 4);
        assertEquals("ArithmeticException", r.error().ename());
        assertEquals("/ by zero", r.error().evalue());
        String report = String.join("\n", r.error().traceback());
        assertTrue(report.contains("divide (cell [3], line 2)"), report);
        assertTrue(report.contains("<cell> (cell [4], line 1)"), report);
        assertFalse(report.contains("jdk.jshell"), report);
    }

    @Test
    void systemExitIsReportedAndTheSessionSurvives() {
        EvalResult r = engine.evalCell("System.exit(3);", 1);
        assertEquals("SystemExitError", r.error().ename());
        assertTrue(r.error().evalue().contains("System.exit(3)"), r.error().evalue());
        assertEquals("SystemExitError", engine.evalCell("Runtime.getRuntime().halt(1);", 2).error().ename());
        assertEquals(5, engine.evalCell("2 + 3", 3).value());
    }

    @Test
    void tightLoopStopsOnInterrupt() throws Exception {
        engine.evalCell("int kept = 7;", 1);
        var started = new CompletableFuture<Thread>();
        var result = CompletableFuture.supplyAsync(() -> {
            started.complete(Thread.currentThread());
            try {
                return engine.evalCell("while (true) {}", 2);
            } finally {
                engine.endInterrupt();
            }
        });
        Thread t = started.get(5, TimeUnit.SECONDS);
        Thread.sleep(300);
        long t0 = System.nanoTime();
        engine.interrupt(t);
        EvalResult r = result.get(5, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
        assertEquals("CellInterruptedError", r.error().ename());
        assertEquals(7, engine.evalCell("kept", 3).value());
    }

    @Test
    void sleepingCellStopsOnInterrupt() throws Exception {
        var started = new CompletableFuture<Thread>();
        var result = CompletableFuture.supplyAsync(() -> {
            started.complete(Thread.currentThread());
            try {
                return engine.evalCell("Thread.sleep(60_000);", 2);
            } finally {
                engine.endInterrupt();
            }
        });
        Thread t = started.get(5, TimeUnit.SECONDS);
        Thread.sleep(300);
        engine.interrupt(t);
        assertEquals("CellInterruptedError", result.get(5, TimeUnit.SECONDS).error().ename());
    }

    @Test
    void recordsOriginalClassBytesAndReadsVariables() {
        engine.evalCell("String greeting = \"hi\";", 1);
        assertEquals("hi", engine.value("greeting").orElseThrow());
        assertTrue(engine.classes().namesNewestFirst().stream().anyMatch(n -> n.startsWith("REPL.$JShell$")));
        byte[] bytes = engine.classes().bytes(engine.classes().namesNewestFirst().get(0));
        assertNotNull(bytes);
        assertFalse(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("CellInterrupts"));
    }

    @Test
    void declaresVariablesFromTheKernel() {
        engine.declare("fromKernel", "java.util.List<String>", List.of("a", "b"));
        assertEquals(2, engine.evalCell("fromKernel.size()", 1).value());
    }

    @Test
    void plainStatementsTakeTheFastPathAndReportLikeJShell() {
        assertTrue(engine.hasFastStatements(), "run with --add-exports jdk.compiler/com.sun.tools.javac.api");
        engine.evalCell("int boom(int a) {\n    return 10 / a;\n}", 20);
        engine.evalCell("int zero = 0;", 21);
        EvalResult r = engine.evalCell("int before = 1;\nboom(zero);", 22);
        assertEquals("ArithmeticException", r.error().ename());
        String report = String.join("\n", r.error().traceback());
        assertTrue(report.contains("boom (cell [20], line 2)"), report);
        assertTrue(report.contains("<cell> (cell [22], line 2)"), report);
        assertTrue(engine.classes().namesNewestFirst().stream().anyMatch(n -> n.startsWith("REPL.$JProc$")));
        EvalResult bad = engine.evalCell("undefinedCall();", 23);
        assertEquals("CompileError", bad.error().ename(), "JShell reports what the fast path cannot compile");
    }

    @Test
    void isCompleteTellsIncompleteFromInvalid() {
        assertEquals("complete", engine.isComplete("int q = 1;"));
        assertEquals("    ", engine.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("invalid", engine.isComplete("int 9x = ;"));
    }

    @Test
    void completesMembersAfterDot() {
        var c = engine.complete("\"abc\".toUpp", 11);
        assertTrue(c.matches().stream().anyMatch(m -> m.startsWith("toUpperCase")), c.matches().toString());
        assertEquals(6, c.start());
    }
}
