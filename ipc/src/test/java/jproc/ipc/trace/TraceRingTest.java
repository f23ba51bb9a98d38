package jproc.ipc.trace;

import static jproc.ipc.trace.TraceDescriptor.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
@Timeout(60)
class TraceRingTest {
    private static ChannelCounts counts(ProcessTrace t, String name) {
        return t.channels().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    private static ProcessTrace mine() throws Exception {
        return TraceReader.read(Trace.recorder().file());
    }

    @Test
    void countsStayExactWhenSeveralThreadsRecordOnOneChannel() throws Exception {
        TraceChannel c = Trace.channel("lock", "trace-ring-threads");
        int perThread = 200_000;
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < 4; i++) {
            var t = new Thread(() -> {
                for (int k = 0; k < perThread; k++) {
                    c.event(TraceEvent.ACQUIRE);
                    c.event(TraceEvent.RELEASE);
                }
            }, "jproc-test-trace-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        ChannelCounts n = counts(mine(), "trace-ring-threads");
        assertEquals(4L * perThread, n.counts().get(TraceEvent.ACQUIRE));
        assertEquals(4L * perThread, n.counts().get(TraceEvent.RELEASE));
    }

    @Test
    void recordsBeingWrittenOrOverwrittenAreSkipped(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("jproc-test-trace-1");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_WRITE, 0, FILE_BYTES).order(ByteOrder.nativeOrder());
            b.putInt(MAGIC_OFFSET, MAGIC).putInt(VERSION_OFFSET, VERSION).putLong(CHANNEL_COUNT_OFFSET, 1);
            b.put(channelOffset(0), "queue".getBytes(StandardCharsets.US_ASCII));
            b.put(channelOffset(0) + KIND_BYTES, "q".getBytes(StandardCharsets.US_ASCII));
            b.putLong(counterOffset(0, TraceEvent.PUT.ordinal()), 3).putLong(sharedCounterOffset(0,
                    TraceEvent.PUT.ordinal()), 2);
            record(b, 0, 100, 0, TraceEvent.PUT, (short) 0); // complete
            record(b, 1, 0, 0, TraceEvent.PUT, (short) 1); // being written: time still 0
            record(b, 2, 300, 0, TraceEvent.PUT, (short) (2 + RING_EVENTS)); // seq of a later lap
            record(b, 3, 400, 7, TraceEvent.PUT, (short) 3); // a channel the table does not list yet
            b.putLong(EVENT_INDEX_OFFSET, 4);
        }
        ProcessTrace t = TraceReader.read(f);
        assertEquals(List.of(new TraceRecord(100, "queue", "q", TraceEvent.PUT)), t.events());
        assertEquals(5L, counts(t, "q").counts().get(TraceEvent.PUT), "owner and shared counters are summed");
    }

    private static void record(ByteBuffer b, long seq, long nanos, int channel, TraceEvent e, short seqLow) {
        int off = eventOffset(seq);
        b.putLong(off, nanos).putInt(off + 8, channel).putShort(off + 12, (short) e.ordinal())
                .putShort(off + 14, seqLow);
    }

    @Test
    void recordsReadWhileWritersLapTheRingNeverMixChannelsOrKinds() throws Exception {
        TraceChannel puts = Trace.channel("queue", "trace-ring-puts");
        TraceChannel gets = Trace.channel("queue", "trace-ring-gets");
        var stop = new AtomicBoolean();
        var writers = new ArrayList<Thread>();
        for (int i = 0; i < 2; i++) {
            boolean put = i == 0;
            var w = new Thread(() -> {
                while (!stop.get()) {
                    for (int k = 0; k < 100_000; k++) {
                        (put ? puts : gets).event(put ? TraceEvent.PUT : TraceEvent.GET);
                    }
                }
            }, "jproc-test-trace-writer-" + i);
            writers.add(w);
            w.start();
        }
        long seen = 0;
        long total = 0;
        try {
            long start = System.nanoTime();
            // at least a second, and until the writers lapped the ring (one record per SAMPLE_EVERY events)
            while (System.nanoTime() - start < 1_000_000_000L || total < 2L * RING_EVENTS * SAMPLE_EVERY) {
                ProcessTrace t = mine();
                for (TraceRecord r : t.events()) {
                    if (r.channel().equals("trace-ring-puts")) {
                        assertEquals(TraceEvent.PUT, r.event(), "a record mixing two writes: " + r);
                        seen++;
                    } else if (r.channel().equals("trace-ring-gets")) {
                        assertEquals(TraceEvent.GET, r.event(), "a record mixing two writes: " + r);
                        seen++;
                    }
                }
                total = counts(t, "trace-ring-puts").counts().getOrDefault(TraceEvent.PUT, 0L)
                        + counts(t, "trace-ring-gets").counts().getOrDefault(TraceEvent.GET, 0L);
            }
        } finally {
            stop.set(true);
            for (Thread w : writers) {
                w.join();
            }
        }
        assertTrue(seen > 0, "the reader saw records of the writers");
    }

    @Test
    void aNewChannelRecordsItsFirstEventsInFullThenOneInSampleEvery() throws Exception {
        TraceChannel c = Trace.channel("queue", "trace-ring-budget");
        long n = FULL_RECORD_EVENTS + 4 * SAMPLE_EVERY;
        for (long i = 0; i < n; i++) {
            c.event(TraceEvent.PUT);
        }
        long recorded = mine().events().stream().filter(e -> e.channel().equals("trace-ring-budget")).count();
        assertEquals(FULL_RECORD_EVENTS + 4, recorded);
    }
}
