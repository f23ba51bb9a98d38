package jproc.bench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class FiguresTest {
    @Test
    void aNonZeroMustBeZeroFigureFails() {
        var f = new Figures();
        f.set("kill9_trials", 12);
        f.set("kill9_lost", 0);
        f.set("load_order_violations", 3);
        f.set("file_modes_ok", 1);
        assertEquals(List.of("load_order_violations=3"), f.failures());
    }

    @Test
    void fileModesOkMustBeOne() {
        var f = new Figures();
        f.set("file_modes_ok", 0);
        assertEquals(List.of("file_modes_ok=0"), f.failures());
    }

    @Test
    void everyFigureIsPrintedAsOneReliabilityLine() {
        var f = new Figures();
        f.add("kill9_trials", 2);
        f.add("kill9_trials", 3);
        f.set("deser_blocked", 13);
        var out = new ByteArrayOutputStream();
        f.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\nRELIABILITY kill9_trials 5\n"), text);
        assertTrue(text.contains("\nRELIABILITY deser_blocked 13\n"), text);
    }
}
