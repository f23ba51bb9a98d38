package jproc.ipc.trace;

import static jproc.ipc.trace.TraceDescriptor.*;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jproc.ipc.session.Session;

/**
 * Writes this process's trace file (see {@link TraceDescriptor}). One per process, created on first use.
 * Only this process writes its file; other processes read it with {@link TraceReader}. The file stays
 * until the session ends (so a finished process still shows in the timeline) and is removed with the
 * session's other files.
 */
public final class TraceRecorder {
    private static final Logger LOG = Logger.getLogger(TraceRecorder.class.getName());
    static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    static final VarHandle SHORTS = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.nativeOrder());
    private static final int SHARED_DELTA = SHARED_COUNTERS_OFFSET_IN_ENTRY - COUNTERS_OFFSET_IN_ENTRY;

    private final long pid = ProcessHandle.current().pid();
    private final ByteBuffer buf;
    private final Path file;
    private final ConcurrentHashMap<String, Integer> indexes = new ConcurrentHashMap<>();
    private volatile String blockedOn;

    private TraceRecorder(ByteBuffer buf, Path file) {
        this.buf = buf;
        this.file = file;
    }

    static TraceRecorder forThisProcess() {
        long pid = ProcessHandle.current().pid();
        ByteBuffer b;
        Path path = null;
        try {
            Session s = Session.current();
            path = s.file("trace", Long.toString(pid));
            java.nio.file.Files.deleteIfExists(path); // a stale file of a recycled pid
            Session.createOwnerOnly(path);
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, FILE_BYTES);
                b = m.order(ByteOrder.nativeOrder());
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "trace file unavailable, recording in process memory only", e);
            b = ByteBuffer.allocateDirect(FILE_BYTES).order(ByteOrder.nativeOrder());
            path = null;
        }
        LONGS.set(b, PID_OFFSET, pid);
        LONGS.set(b, START_EPOCH_MS_OFFSET, System.currentTimeMillis());
        LONGS.set(b, START_NANOS_OFFSET, System.nanoTime());
        INTS.set(b, VERSION_OFFSET, VERSION);
        INTS.setRelease(b, MAGIC_OFFSET, MAGIC);
        var r = new TraceRecorder(b, path);
        r.setProcessName(System.getProperty("jproc.process.name", "main"));
        return r;
    }

    /** The process id this recorder belongs to. */
    public long pid() {
        return pid;
    }

    /** The trace file, or null when recording stays in process memory. */
    public Path file() {
        return file;
    }

    /** What a thread of this process waits for right now, or null. */
    public String blockedOn() {
        return blockedOn;
    }

    /** Names this process in its trace (the child agent calls it with the child's name). */
    public synchronized void setProcessName(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(b.length, NAME_MAX);
        for (int i = 0; i < n; i++) {
            buf.put(NAME_OFFSET + 4 + i, b[i]);
        }
        INTS.setRelease(buf, NAME_OFFSET, n);
    }

    /**
     * Records what the process used in all, as it exits (before {@link #setExitCode}, which readers take as the
     * sign that the process ended): CPU time and peak resident memory, each 0 when unknown.
     */
    public void setFinalUsage(long cpuNanos, long peakRssBytes) {
        LONGS.setRelease(buf, TraceDescriptor.FINAL_CPU_NANOS_OFFSET, Math.max(0, cpuNanos));
        LONGS.setRelease(buf, TraceDescriptor.FINAL_PEAK_RSS_OFFSET, Math.max(0, peakRssBytes));
    }

    /** Records this process's exit code (called just before the process exits normally). */
    public void setExitCode(int code) {
        INTS.setRelease(buf, EXIT_CODE_OFFSET, code + 1);
    }

    TraceChannel channel(String kind, String name) {
        int index = indexes.computeIfAbsent(kind + ":" + name, k -> register(kind, name));
        return new ShmChannel(kind, name, index);
    }

    private synchronized int register(String kind, String name) {
        int count = (int) (long) LONGS.getAcquire(buf, CHANNEL_COUNT_OFFSET);
        if (count >= MAX_CHANNELS) {
            return -1; // table full: counts for further channels are not recorded
        }
        int off = channelOffset(count);
        putAscii(off, kind, KIND_BYTES);
        putAscii(off + KIND_BYTES, name, CHANNEL_NAME_BYTES);
        LONGS.setRelease(buf, CHANNEL_COUNT_OFFSET, (long) count + 1);
        return count;
    }

    private void putAscii(int off, String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < max; i++) {
            buf.put(off + i, i < b.length && i < max - 1 ? b[i] : 0);
        }
    }

    /**
     * One channel's handle. The first thread that records on it becomes its owner and counts with a plain load
     * and an opaque store into the owner counters (about 1 ns, no fence); every other thread counts with an
     * atomic add into the shared counters, so no increment is ever lost.
     */
    private final class ShmChannel implements TraceChannel {
        private static final VarHandle OWNER;

        static {
            try {
                OWNER = MethodHandles.lookup().findVarHandle(ShmChannel.class, "owner", Thread.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final String kind;
        private final String name;
        private final int index;
        /** Offset of the owner counters of this channel's entry, or -1 when the table was full. */
        private final int counters;
        /** The thread that writes the owner counters, null until the first event. */
        private Thread owner;

        ShmChannel(String kind, String name, int index) {
            this.kind = kind;
            this.name = name;
            this.index = index;
            this.counters = index < 0 ? -1 : counterOffset(index, 0);
        }

        @Override
        public void event(TraceEvent event) {
            if (counters < 0 || !Trace.recording()) {
                return;
            }
            int ordinal = event.ordinal();
            long n;
            Thread me = Thread.currentThread();
            if (me == owner || owner == null && OWNER.compareAndSet(this, null, me)) {
                int off = counters + (ordinal << 3);
                n = (long) LONGS.get(buf, off);
                LONGS.setOpaque(buf, off, n + 1);
            } else {
                n = (long) LONGS.getAndAdd(buf, counters + SHARED_DELTA + (ordinal << 3), 1L);
            }
            if (n < FULL_RECORD_EVENTS || (n & (SAMPLE_EVERY - 1)) == 0) {
                append(ordinal);
                Trace.refresh();
            }
        }

        /** Writes one ring record: a seqlock whose version is the time (0 while the record is written). */
        private void append(int ordinal) {
            long seq = (long) LONGS.getAndAdd(buf, EVENT_INDEX_OFFSET, 1L);
            int off = eventOffset(seq);
            LONGS.setOpaque(buf, off, 0L);
            VarHandle.storeStoreFence();
            INTS.setOpaque(buf, off + 8, index);
            SHORTS.setOpaque(buf, off + 12, (short) ordinal);
            SHORTS.setOpaque(buf, off + 14, (short) seq);
            LONGS.setRelease(buf, off, System.nanoTime());
        }

        @Override
        public void blocked(TraceEvent op) {
            blockedOn = op.name().toLowerCase() + " " + kind + " " + name;
            if (index >= 0) {
                LONGS.setOpaque(buf, BLOCKED_SINCE_OFFSET, System.nanoTime());
                INTS.setOpaque(buf, BLOCKED_OP_OFFSET, op.ordinal());
                INTS.setRelease(buf, BLOCKED_CHANNEL_OFFSET, index + 1);
                event(TraceEvent.BLOCK);
            }
        }

        @Override
        public void unblocked() {
            blockedOn = null;
            if (index >= 0) {
                INTS.setRelease(buf, BLOCKED_CHANNEL_OFFSET, 0);
            }
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
