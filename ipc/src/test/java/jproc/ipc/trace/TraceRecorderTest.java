package jproc.ipc.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.session.Session;

@Timeout(30)
class TraceRecorderTest {
    private static ProcessTrace mine() {
        List<ProcessTrace> all = TraceReader.readAll(Session.current());
        long pid = ProcessHandle.current().pid();
        return all.stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
    }

    @Test
    void eventsAreCountedAndReadableFromTheFile() {
        TraceChannel q = Trace.channel("queue", "trace-test-q");
        for (int i = 0; i < 5; i++) {
            q.event(TraceEvent.PUT);
        }
        q.event(TraceEvent.GET);
        ProcessTrace t = mine();
        ChannelCounts c = t.channels().stream().filter(x -> x.name().equals("trace-test-q")).findFirst().orElseThrow();
        assertEquals("queue", c.kind());
        assertEquals(5L, c.counts().get(TraceEvent.PUT));
        assertEquals(1L, c.counts().get(TraceEvent.GET));
        long puts = t.events().stream().filter(e -> e.channel().equals("trace-test-q") && e.event() == TraceEvent.PUT)
                .count();
        assertEquals(5, puts);
    }

    @Test
    void finalUsageIsReadBackOnceRecorded() {
        Trace.channel("queue", "trace-test-usage").event(TraceEvent.PUT); // this process records
        assertEquals(-1, mine().cpuNanos(), "nothing recorded before the process exits");
        Trace.recorder().setFinalUsage(1_234_567_890L, 40L << 20);
        assertEquals(1_234_567_890L, mine().cpuNanos());
        assertEquals(40L << 20, mine().peakRssBytes());
    }

    @Test
    void blockedStatusIsVisibleUntilUnblocked() {
        TraceChannel l = Trace.channel("lock", "trace-test-lock");
        l.blocked(TraceEvent.ACQUIRE);
        ProcessTrace t = mine();
        assertEquals("acquire lock trace-test-lock", t.blockedOn());
        assertTrue(t.blockedNanos() > 0);
        l.unblocked();
        assertNull(mine().blockedOn());
    }

    @Test
    void eventsPastTheThresholdAreSampledButCountedExactly() {
        TraceChannel q = Trace.channel("queue", "trace-test-many");
        int n = (int) TraceDescriptor.FULL_RECORD_EVENTS + 5000;
        for (int i = 0; i < n; i++) {
            q.event(TraceEvent.PUT);
        }
        ProcessTrace t = mine();
        ChannelCounts c = t.channels().stream().filter(x -> x.name().equals("trace-test-many")).findFirst()
                .orElseThrow();
        assertEquals((long) n, c.counts().get(TraceEvent.PUT));
        long recorded = t.events().stream().filter(e -> e.channel().equals("trace-test-many")).count();
        assertTrue(recorded < n && recorded >= TraceDescriptor.FULL_RECORD_EVENTS, "recorded=" + recorded);
    }

    @Test
    void processNameIsRecorded() {
        Trace.setProcessName("worker-7");
        assertNotNull(Trace.recorder().file());
        assertEquals("worker-7", mine().name());
    }
}
