package jproc.process.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jproc.process.CodeSnapshot;
import jproc.process.SerializableRunnable;
import jproc.process.StaticValue;
import jproc.process.UnsupportedSignalException;

class SpawnProtocolTest {
    @Test
    void exitMarkerIsFoundOnlyWithTheRightSecret() {
        String line = new String(SpawnProtocol.marker("s3cr3t", true, 15), StandardCharsets.UTF_8).replace("\n", "");
        var r = SpawnProtocol.parseMarker(line, "s3cr3t");
        assertTrue(r.signal());
        assertEquals(15, r.number());
        assertNull(SpawnProtocol.parseMarker(line, "other"));
        var partial = SpawnProtocol.parseMarker("no newline" + line, "s3cr3t");
        assertEquals("no newline", partial.before());
        assertFalse(SpawnProtocol.parseMarker(
                new String(SpawnProtocol.marker("k", false, 3), StandardCharsets.UTF_8), "k").signal());
    }

    @Test
    void exitCodeTellsSignalsFromRealExits() {
        assertEquals(-15, ChildJvm.decode(143, new SpawnProtocol.ExitReport(true, 15, "")));
        assertEquals(130, ChildJvm.decode(130, new SpawnProtocol.ExitReport(false, -1, "")));
        assertEquals(-9, ChildJvm.decode(137, null), "no report: killed");
        assertEquals(1, ChildJvm.decode(1, null));
        assertEquals(0, ChildJvm.decode(0, new SpawnProtocol.ExitReport(false, 0, "")));
        assertEquals(-9, ChildJvm.decode(137, new SpawnProtocol.ExitReport(false, 0, "")),
                "the target returned, then SIGKILL arrived while the JVM was exiting");
        assertEquals(-9, ChildJvm.decode(137, new SpawnProtocol.ExitReport(false, 1, "")));
        assertEquals(137, ChildJvm.decode(137, new SpawnProtocol.ExitReport(false, -1, "")),
                "System.exit(137) by the target itself");
    }

    @Test
    void spawnFrameRoundTripsHeaderClassesStaticsAndLambda() throws Exception {
        SerializableRunnable r = () -> System.out.println("x");
        var h = new SpawnProtocol.Header("sec", "name", "2:1", 77, "MainProcess", true, List.of("/a.jar", "/b"));
        var code = new CodeSnapshot(Map.of("p.C", new byte[] {1, 2, 3}), List.of(new StaticValue("p.C", "f", 5)));
        byte[] f = SpawnProtocol.frame(SpawnProtocol.encodeLambda(h, code, 1, "X",
                LambdaShipping.serializedForm(r), List.of("arg")));
        byte[] body = WireReader.readFrame(new java.io.ByteArrayInputStream(f));
        var in = new SpawnProtocol.Incoming(body);
        assertEquals("sec", in.secret);
        assertEquals("2:1", in.identity);
        assertEquals(77, in.parentPid);
        assertTrue(in.daemon);
        assertEquals(List.of("/a.jar", "/b"), in.classpath);
        assertEquals(3, in.classes.get("p.C").length);
        assertEquals(List.of(new StaticValue("p.C", "f", 5)), in.statics(null));
        assertEquals(SpawnProtocol.TARGET_LAMBDA, in.targetKind());
        assertEquals(1, in.arity());
        assertEquals("X", in.processClass());
        assertTrue(in.lambda(getClass().getClassLoader()).implName().startsWith("lambda$"));
        assertEquals("arg", in.args(null)[0]);
    }

    @Test
    void signalNamesAreCheckedWithReasons() {
        assertEquals(10, Signals.number("usr1"));
        assertEquals(15, Signals.number("SIGTERM"));
        assertEquals(1, Signals.number("HUP"));
        assertTrue(assertThrows(UnsupportedSignalException.class, () -> Signals.number("QUIT")).getMessage()
                .contains("thread dump"));
        assertTrue(assertThrows(UnsupportedSignalException.class, () -> Signals.number("SIGUSR2")).getMessage()
                .contains("JFR"));
        assertThrows(UnsupportedSignalException.class, () -> Signals.handle("KILL", () -> { }));
    }
}
