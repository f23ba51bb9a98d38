package jproc.magics.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArgSpecTest {
    private static final ArgSpec SPAWN = ArgSpec.usage("%%spawn NAME [--wait] [--daemon] [-n N] [--jvm-opt OPT]...")
            .flag("--wait").flag("--daemon").option("-n").multi("--jvm-opt").positional(1, 1);

    @Test
    void flagsOptionsAndRepeatedOptionsAreRead() {
        ParsedArgs a = SPAWN.parse("worker -n 3 --wait --jvm-opt -Xmx64m --jvm-opt=-Dx=\"a b\"");
        assertEquals(List.of("worker"), a.positional());
        assertTrue(a.flag("--wait"));
        assertFalse(a.flag("--daemon"));
        assertEquals(3, a.intOption("-n", 1, 1, 64));
        assertEquals(List.of("-Xmx64m", "-Dx=a b"), a.all("--jvm-opt"));
    }

    @Test
    void unknownOptionSuggestsTheClosestAndShowsUsage() {
        var e = assertThrows(MagicUsageException.class, () -> SPAWN.parse("w --wiat"));
        assertEquals("unknown option --wiat (did you mean --wait?)", e.getMessage());
        assertEquals("%%spawn NAME [--wait] [--daemon] [-n N] [--jvm-opt OPT]...", e.usage());
    }

    @Test
    void missingNameAndMissingValueAreUsageErrors() {
        assertTrue(assertThrows(MagicUsageException.class, () -> SPAWN.parse("--wait")).getMessage()
                .startsWith("a name is needed"));
        assertTrue(assertThrows(MagicUsageException.class, () -> SPAWN.parse("w -n")).getMessage()
                .startsWith("option -n needs a value"));
        assertTrue(assertThrows(MagicUsageException.class, () -> SPAWN.parse("a b")).getMessage()
                .startsWith("at most 1 argument(s) expected, got 2: a b"));
    }

    @Test
    void numbersAreCheckedAgainstTheirRange() {
        assertTrue(assertThrows(MagicUsageException.class, () -> SPAWN.parse("w -n 0").intOption("-n", 1, 1, 64))
                .getMessage().startsWith("-n must be between 1 and 64: -n=0"));
        assertTrue(assertThrows(MagicUsageException.class, () -> SPAWN.parse("w -n x").intOption("-n", 1, 1, 64))
                .getMessage().startsWith("-n must be a whole number"));
    }

    @Test
    void negativeNumbersArePositionalAndDoubleDashEndsOptions() {
        var spec = ArgSpec.usage("%value NAME TYPE INIT").positional(3, 3);
        assertEquals(List.of("v", "int", "-5"), spec.parse("v int -5").positional());
        assertEquals(List.of("--odd", "int", "1"), spec.parse("-- --odd int 1").positional());
    }

    @Test
    void unclosedQuoteIsAUsageError() {
        assertThrows(MagicUsageException.class, () -> SPAWN.parse("w --jvm-opt \"-Dx"));
    }

    @Test
    void secondsMustNotBeNegative() {
        var spec = ArgSpec.usage("%join --timeout S").option("--timeout").positional(0, 9);
        assertEquals(1.5, spec.parse("--timeout 1.5").secondsOption("--timeout", -1), 1e-9);
        assertThrows(MagicUsageException.class, () -> spec.parse("--timeout=-1").secondsOption("--timeout", 0));
    }
}
