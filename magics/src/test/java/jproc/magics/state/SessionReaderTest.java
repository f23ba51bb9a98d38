package jproc.magics.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.session.Session;
import jproc.ipc.trace.Trace;
import jproc.ipc.trace.TraceChannel;
import jproc.ipc.trace.ProcessTrace;
import jproc.ipc.trace.TraceEvent;
import jproc.ipc.trace.TraceRecord;
import jproc.magics.view.ChannelRow;
import jproc.magics.view.LockHolding;
import jproc.magics.view.ProcessRow;

@Timeout(30)
class SessionReaderTest {
    private static final ChannelSource NONE = new ChannelSource() {
        @Override
        public List<ChannelRow> channels() {
            return List.of();
        }

        @Override
        public List<LockHolding> holdings() {
            return List.of();
        }
    };

    @Test
    void theKernelRowShowsWhatItIsBlockedOnAndItsFigures() {
        TraceChannel lock = Trace.channel("lock", "reader-test-lock");
        lock.event(TraceEvent.ACQUIRE);
        lock.blocked(TraceEvent.ACQUIRE);
        try {
            SessionSnapshot s = new SessionReader(Session.current(), NONE).read();
            ProcessRow main = s.processes().get(0);
            assertEquals("main", main.name());
            assertEquals(ProcessHandle.current().pid(), main.pid());
            assertEquals("blocked", main.state());
            assertEquals("acquire lock reader-test-lock", main.blockedOn());
            assertTrue(main.rssBytes() > 0 && main.cpuMillis() >= 0, main.toString());
            assertTrue(s.traces().stream().anyMatch(t -> t.pid() == main.pid()));
        } finally {
            lock.unblocked();
        }
        assertNull(new SessionReader(Session.current(), NONE).read().processes().get(0).blockedOn());
    }

    @Test
    void runsOfChildrenComeFromTheKernelsStartAndExitMarks() {
        var rec = List.of(new TraceRecord(100, "process", "w", TraceEvent.START),
                new TraceRecord(150, "process", "w", TraceEvent.START),
                new TraceRecord(300, "process", "w", TraceEvent.EXIT),
                new TraceRecord(400, "queue", "q", TraceEvent.PUT));
        var kernel = new ProcessTrace(1, "main", 0, 0, null, 0, null, List.of(), rec);
        var runs = SessionReader.runs(kernel).get("w");
        assertEquals(2, runs.size());
        assertEquals(300, runs.get(0)[1]);
        assertEquals(0, runs.get(1)[1]);
    }

    @Test
    void channelFilesOfTheSessionAreListed() throws Exception {
        Session s = Session.current();
        Path f = s.file("queue", "reader-test-q");
        Files.write(f, new byte[4096]);
        try {
            List<ChannelRow> rows = new SessionFiles(s).channels();
            ChannelRow q = rows.stream().filter(r -> r.name().equals("reader-test-q")).findFirst().orElseThrow();
            assertEquals("queue", q.kind());
            assertEquals("4.0 KB", q.facts().get("file"));
            assertTrue(rows.stream().noneMatch(r -> r.kind().equals("trace")));
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
