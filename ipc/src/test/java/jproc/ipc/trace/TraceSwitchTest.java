package jproc.ipc.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.session.Session;

@Timeout(30)
class TraceSwitchTest {
    @Test
    void switchedOffEventsAreNotCountedAndTheSwitchIsAFileOfTheSession() throws Exception {
        Session s = Session.current();
        TraceChannel c = Trace.channel("queue", "switch-test");
        assertTrue(Files.exists(s.directory().resolve(s.filePrefix() + "trace-switch")));
        try {
            Trace.setEnabled(false);
            assertFalse(Trace.enabled());
            c.event(TraceEvent.PUT);
        } finally {
            Trace.setEnabled(true);
        }
        c.event(TraceEvent.GET);
        var mine = TraceReader.readAll(s, false).stream().filter(p -> p.pid() == ProcessHandle.current().pid())
                .findFirst().orElseThrow();
        var counts = mine.channels().stream().filter(x -> x.name().equals("switch-test")).findFirst().orElseThrow();
        assertEquals(null, counts.counts().get(TraceEvent.PUT));
        assertEquals(1L, counts.counts().get(TraceEvent.GET));
        assertTrue(mine.events().isEmpty(), "events skipped when not asked for");
    }
}
