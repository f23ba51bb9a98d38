package jproc.ipc.trace;

import static jproc.ipc.trace.TraceDescriptor.FULL_RECORD_EVENTS;
import static jproc.ipc.trace.TraceDescriptor.SAMPLE_EVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

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

    @Test
    void anotherProcessSwitchingOffIsNoticedWithinOneSampleAndSwitchingOnAtTheNextEvent() throws Exception {
        Session s = Session.current();
        TraceChannel c = Trace.channel("queue", "switch-test-other");
        long before = FULL_RECORD_EVENTS + 44;
        for (long i = 0; i < before; i++) {
            c.event(TraceEvent.PUT);
        }
        try (FileChannel ch = FileChannel.open(s.directory().resolve(s.filePrefix() + "trace-switch"),
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer file = ch.map(FileChannel.MapMode.READ_WRITE, 0, 4).order(ByteOrder.nativeOrder());
            try {
                file.putInt(0, 0); // what another process's %trace off writes
                for (long i = 0; i < 2 * SAMPLE_EVERY; i++) {
                    c.event(TraceEvent.PUT);
                }
                long counted = puts(s, "switch-test-other");
                assertTrue(counted > before && counted <= SAMPLE_EVERY + 1, "counted=" + counted);
                assertFalse(Trace.enabled());
                c.event(TraceEvent.PUT);
                assertEquals(counted, puts(s, "switch-test-other"));
                file.putInt(0, 1); // another process's %trace on
                c.event(TraceEvent.PUT);
                assertEquals(counted + 1, puts(s, "switch-test-other"));
            } finally {
                Trace.setEnabled(true);
            }
        }
    }

    private static long puts(Session s, String channel) {
        var mine = TraceReader.readAll(s, false).stream().filter(p -> p.pid() == ProcessHandle.current().pid())
                .findFirst().orElseThrow();
        return mine.channels().stream().filter(x -> x.name().equals(channel)).findFirst().orElseThrow().counts()
                .getOrDefault(TraceEvent.PUT, 0L);
    }
}
