package jproc.kernel.process;

import jproc.kernel.engine.JShellEngine;
import jproc.process.CodeSnapshot;
import jproc.process.NotCopyableException;
import jproc.process.StaticValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SnippetCodeProviderTest {
    private static JShellEngine engine;
    private static SnippetCodeProvider provider;

    @BeforeAll
    static void start() {
        engine = JShellEngine.create(SnippetCodeProviderTest.class.getClassLoader(), List.of());
        provider = new SnippetCodeProvider(engine.classes(), engine.loader());
        engine.evalCell("int used = 41;\nint unused = 1;\nObject lock = new Object();\n"
                + "record Job(int n) implements java.io.Serializable { }\n"
                + "int work() { return used + 1; }", 1);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static Object target(String lambda) {
        engine.evalCell("jproc.process.SerializableRunnable t = " + lambda + ";", 2);
        return engine.value("t").orElseThrow();
    }

    @Test
    void onlyVariablesTheTargetReadsAreCopied() {
        CodeSnapshot s = provider.snapshot(target("() -> System.out.println(work())"));
        assertEquals(List.of("used"), s.statics().stream().map(StaticValue::field).toList());
        assertEquals(41, s.statics().get(0).value());
        assertTrue(s.classes().keySet().stream().anyMatch(n -> n.startsWith("REPL.$JShell$")), s.classes().keySet()
                .toString());
    }

    @Test
    void classesOfValuesTheTargetCapturesAreShipped() {
        engine.evalCell("var job = new Job(3);", 3);
        CodeSnapshot s = provider.snapshot(target("() -> System.out.println(job.n())"));
        assertTrue(s.classes().keySet().stream().anyMatch(n -> n.endsWith("$Job")), s.classes().keySet().toString());
    }

    @Test
    void aVariableThatCannotBeCopiedIsNamedWithItsType() {
        var e = assertThrows(NotCopyableException.class,
                () -> provider.snapshot(target("() -> System.out.println(lock)")));
        assertEquals("notebook variable lock", e.variable());
        assertEquals("java.lang.Object", e.type());
        assertTrue(e.getMessage().contains("Serializable"), e.getMessage());
    }

    @Test
    void objectsOfClasspathClassesNeedNoCode() {
        assertEquals(CodeSnapshot.EMPTY.statics(), provider.snapshot("plain string").statics());
    }
}
