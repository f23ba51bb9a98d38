package jproc.magics.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcFsTest {
    private static final String STAT = "4242 (java (my) worker) S 1 4242 4242 0 -1 4194560 12000 0 3 0 "
            + "250 130 0 0 20 0 19 0 1500 5000000000 9000 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 17 "
            + "1 0 0 0 0 0";
    private static final String STATUS = "Name:\tjava\nState:\tS (sleeping)\nVmPeak:\t 5000 kB\nVmRSS:\t   36864 kB\n"
            + "Threads:\t19\n";

    @Test
    void statWithParenthesesInTheCommandNameIsParsed() {
        ProcStats s = ProcFs.parse(4242, STAT, STATUS, 25_000);
        assertEquals('S', s.state());
        assertEquals("sleeping", s.stateWord());
        assertEquals(3800, s.cpuMillis()); // (250 + 130) ticks at 100 Hz
        assertEquals(19, s.threads());
        assertEquals(36864L * 1024, s.rssBytes());
        assertEquals(10_000, s.uptimeMillis()); // started 15 s after boot, now 25 s after boot
    }

    @Test
    void missingStatusLeavesMemoryUnknown() {
        assertEquals(-1, ProcFs.parse(4242, STAT, "", -1).rssBytes());
        assertEquals(-1, ProcFs.parse(4242, STAT, "", -1).uptimeMillis());
    }

    @Test
    void thisProcessReadsPlausibleFigures() {
        long pid = ProcessHandle.current().pid();
        ProcStats s = new ProcFs().read(pid).orElseThrow();
        assertEquals(pid, s.pid());
        assertTrue(s.rssBytes() > 1 << 20, "rss " + s.rssBytes());
        assertTrue(s.cpuMillis() > 0, "cpu " + s.cpuMillis());
        assertTrue(s.uptimeMillis() >= 0 && s.uptimeMillis() < 3_600_000, "uptime " + s.uptimeMillis());
        assertTrue(s.threads() > 1);
    }

    @Test
    void aProcessThatIsGoneReadsEmpty() {
        assertTrue(new ProcFs().read(Integer.MAX_VALUE).isEmpty());
    }
}
