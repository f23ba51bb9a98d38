package jproc.ipc.trace;

import static jproc.ipc.trace.TraceDescriptor.*;

import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.stream.Stream;

import jproc.ipc.session.Session;

/**
 * Reads the trace files of every process of a session, without taking any lock and without disturbing
 * the writers. A record being written at the moment of reading is skipped.
 */
public final class TraceReader {
    private TraceReader() {
    }

    /** Every process of the session that recorded events, ordered by start time, with their events. */
    public static List<ProcessTrace> readAll(Session session) {
        return readAll(session, true);
    }

    /**
     * Every process of the session that recorded events, ordered by start time.
     *
     * @param withEvents false to skip the event rings (counters and status only: cheap enough for live views)
     */
    public static List<ProcessTrace> readAll(Session session, boolean withEvents) {
        String prefix = session.filePrefix() + "trace-";
        String switchFile = prefix + "switch";
        List<ProcessTrace> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(session.directory())) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && !f.getFileName().toString().equals(switchFile))::iterator) {
                try {
                    out.add(read(p, withEvents));
                } catch (IOException | RuntimeException e) {
                    // a file removed meanwhile or not yet initialised: skip it
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparingLong(ProcessTrace::startNanos));
        return out;
    }

    /** Reads one trace file with its events. */
    public static ProcessTrace read(Path file) throws IOException {
        return read(file, true);
    }

    /** Reads one trace file; {@code withEvents} false skips the event ring. */
    public static ProcessTrace read(Path file, boolean withEvents) throws IOException {
        ByteBuffer b;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            b = ch.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, FILE_BYTES)).order(ByteOrder.nativeOrder());
            validate((int) TraceRecorder.INTS.getAcquire(b, MAGIC_OFFSET), b.getInt(VERSION_OFFSET), size);
        }
        long pid = b.getLong(PID_OFFSET);
        int nameLen = Math.max(0, Math.min(NAME_MAX, (int) TraceRecorder.INTS.getAcquire(b, NAME_OFFSET)));
        byte[] nb = new byte[nameLen];
        b.get(NAME_OFFSET + 4, nb);
        String name = new String(nb, StandardCharsets.UTF_8);
        int count = (int) Math.min(MAX_CHANNELS, (long) TraceRecorder.LONGS.getAcquire(b, CHANNEL_COUNT_OFFSET));
        String[] kinds = new String[count];
        String[] names = new String[count];
        List<ChannelCounts> channels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int off = channelOffset(i);
            kinds[i] = ascii(b, off, KIND_BYTES);
            names[i] = ascii(b, off + KIND_BYTES, CHANNEL_NAME_BYTES);
            var counts = new EnumMap<TraceEvent, Long>(TraceEvent.class);
            for (TraceEvent e : TraceEvent.values()) {
                long c = (long) TraceRecorder.LONGS.getOpaque(b, counterOffset(i, e.ordinal()))
                        + (long) TraceRecorder.LONGS.getOpaque(b, sharedCounterOffset(i, e.ordinal()));
                if (c != 0) {
                    counts.put(e, c);
                }
            }
            channels.add(new ChannelCounts(kinds[i], names[i], counts));
        }
        int blockedIdx = (int) TraceRecorder.INTS.getAcquire(b, BLOCKED_CHANNEL_OFFSET) - 1;
        String blocked = null;
        long blockedSince = 0;
        if (blockedIdx >= 0 && blockedIdx < count) {
            int op = b.getInt(BLOCKED_OP_OFFSET);
            blocked = (op >= 0 && op < TraceEvent.values().length ? TraceEvent.of(op).name().toLowerCase() : "wait")
                    + " " + kinds[blockedIdx] + " " + names[blockedIdx];
            blockedSince = b.getLong(BLOCKED_SINCE_OFFSET);
        }
        int exit = (int) TraceRecorder.INTS.getAcquire(b, EXIT_CODE_OFFSET);
        long written = (long) TraceRecorder.LONGS.getAcquire(b, EVENT_INDEX_OFFSET);
        List<TraceRecord> events = new ArrayList<>();
        for (long seq = withEvents ? Math.max(0, written - RING_EVENTS) : written; seq < written; seq++) {
            TraceRecord r = record(b, seq, kinds, names);
            if (r != null) {
                events.add(r);
            }
        }
        events.sort(Comparator.comparingLong(TraceRecord::nanos));
        long cpu = (long) TraceRecorder.LONGS.getAcquire(b, TraceDescriptor.FINAL_CPU_NANOS_OFFSET);
        long rss = (long) TraceRecorder.LONGS.getAcquire(b, TraceDescriptor.FINAL_PEAK_RSS_OFFSET);
        return new ProcessTrace(pid, name, b.getLong(START_EPOCH_MS_OFFSET), b.getLong(START_NANOS_OFFSET), blocked,
                blockedSince, exit == 0 ? null : exit - 1, channels, events, cpu > 0 ? cpu : -1, rss > 0 ? rss : -1);
    }

    /**
     * Ring record {@code seq}, or null if it is being written, was overwritten, or names a channel registered
     * after the table was read. The record's time is its version: read before and after the fields, it must be
     * the same and not 0.
     */
    private static TraceRecord record(ByteBuffer b, long seq, String[] kinds, String[] names) {
        int off = eventOffset(seq);
        long t = (long) TraceRecorder.LONGS.getAcquire(b, off);
        int ch = (int) TraceRecorder.INTS.getOpaque(b, off + 8);
        int ev = (short) TraceRecorder.SHORTS.getOpaque(b, off + 12);
        short s = (short) TraceRecorder.SHORTS.getOpaque(b, off + 14);
        VarHandle.loadLoadFence();
        long again = (long) TraceRecorder.LONGS.getOpaque(b, off);
        if (t == 0 || again != t || s != (short) seq || ch < 0 || ch >= kinds.length || ev < 0
                || ev >= TraceEvent.values().length) {
            return null;
        }
        return new TraceRecord(t, kinds[ch], names[ch], TraceEvent.of(ev));
    }

    private static String ascii(ByteBuffer b, int off, int max) {
        int n = 0;
        while (n < max && b.get(off + n) != 0) {
            n++;
        }
        byte[] bytes = new byte[n];
        b.get(off, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
