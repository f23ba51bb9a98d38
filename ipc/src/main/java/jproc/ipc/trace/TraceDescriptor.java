package jproc.ipc.trace;

/**
 * Layout of a process's trace file {@code jproc-<session>-trace-<pid>}: written by that process only,
 * read by any process of the session (the kernel's {@code %ps}, {@code %wiring}, {@code %timeline}).
 *
 * <pre>
 *   0                   8                   16                  24                  32
 *   +-------------------+-------------------+-------------------+-------------------+
 *   | MAGIC (int) | VER |  pid (long)       | start epoch ms    | start nanoTime    |   header, 4096 bytes
 *   +-------------------+-------------------+-------------------+-------------------+
 *   | event write index (long, atomic)      | channel count     | blocked: channel+1 (int), op (int)
 *   +---------------------------------------+-------------------+-------------------+
 *   | blocked since nanoTime (long)         | exit code + 1 (0 = running)  ...
 *   +---------------------------------------------------------------------------------
 *   | process name: length (int) + UTF-8 bytes, at NAME_OFFSET, at most NAME_MAX bytes
 *   +---------------------------------------------------------------------------------
 *   | channel table: MAX_CHANNELS entries of CHANNEL_ENTRY bytes, at CHANNELS_OFFSET
 *   |   entry: kind (16 bytes ASCII, NUL padded) | name (96 bytes ASCII) | 16 reserved |
 *   |          owner counters: one long per TraceEvent ordinal (16 longs), written by the channel's owner
 *   |            thread only (the first thread of the process that recorded on it; plain load, opaque store)
 *   |          shared counters: 16 longs, atomic adds by every other thread of the process
 *   |          a count is owner + shared
 *   +---------------------------------------------------------------------------------
 *   | event ring: RING_EVENTS records of EVENT_BYTES, at RING_OFFSET; record i lives at
 *   |   slot (i mod RING_EVENTS): nanoTime (long) | channel index (int) | event ordinal (short) | seq low (short)
 *   +---------------------------------------------------------------------------------
 * </pre>
 *
 * <p>Writers claim an event index with an atomic add on the write index, zero the record's time, write its
 * fields and finally its nanoTime with release semantics (a seqlock whose version is the time); readers read the
 * time (acquire), the fields, then the time again, and skip the record unless both times are equal and not 0
 * and the sequence check passes (a record being written or overwritten). Counters are exact: each is only
 * ever written by one thread (owner counters) or by atomic adds (shared counters). Ring records are sampled
 * per channel and kind of event: the first {@link #FULL_RECORD_EVENTS} of the owner thread (and as many of
 * the other threads) are recorded, then one in {@link #SAMPLE_EVERY}, chosen by a mask of the count, so the
 * timeline stays cheap at millions of messages per second.
 */
public final class TraceDescriptor {
    public static final int MAGIC = 0x4A505452; // "JPTR"
    public static final int VERSION = 2;

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int PID_OFFSET = 8;
    public static final int START_EPOCH_MS_OFFSET = 16;
    public static final int START_NANOS_OFFSET = 24;
    public static final int EVENT_INDEX_OFFSET = 32;
    public static final int CHANNEL_COUNT_OFFSET = 40;
    public static final int BLOCKED_CHANNEL_OFFSET = 48;
    public static final int BLOCKED_OP_OFFSET = 52;
    public static final int BLOCKED_SINCE_OFFSET = 56;
    public static final int EXIT_CODE_OFFSET = 64;
    /** CPU time (user + system, nanoseconds) the process used, written once as it exits; 0 until then. */
    public static final int FINAL_CPU_NANOS_OFFSET = 72;
    /** Peak resident memory (bytes, the kernel's VmHWM) of the process, written once as it exits; 0 until then. */
    public static final int FINAL_PEAK_RSS_OFFSET = 80;
    public static final int NAME_OFFSET = 128;
    public static final int NAME_MAX = 200;
    public static final int HEADER_BYTES = 4096;

    public static final int KIND_BYTES = 16;
    public static final int CHANNEL_NAME_BYTES = 96;
    public static final int COUNTERS_OFFSET_IN_ENTRY = 128;
    public static final int COUNTERS = 16;
    public static final int SHARED_COUNTERS_OFFSET_IN_ENTRY = COUNTERS_OFFSET_IN_ENTRY + COUNTERS * 8;
    public static final int CHANNEL_ENTRY = SHARED_COUNTERS_OFFSET_IN_ENTRY + COUNTERS * 8;
    public static final int MAX_CHANNELS = 512;
    public static final int CHANNELS_OFFSET = HEADER_BYTES;

    public static final int EVENT_BYTES = 16;
    public static final int RING_EVENTS = 1 << 14;
    public static final int RING_OFFSET = CHANNELS_OFFSET + MAX_CHANNELS * CHANNEL_ENTRY;
    public static final int FILE_BYTES = RING_OFFSET + RING_EVENTS * EVENT_BYTES;

    public static final long FULL_RECORD_EVENTS = 256;
    public static final long SAMPLE_EVERY = 1024;

    private TraceDescriptor() {
    }

    /** Offset of a channel table entry. */
    public static int channelOffset(int index) {
        if (index < 0 || index >= MAX_CHANNELS) {
            throw new IllegalArgumentException("channel index must be in [0, " + MAX_CHANNELS + "): index=" + index);
        }
        return CHANNELS_OFFSET + index * CHANNEL_ENTRY;
    }

    /** Offset of the owner thread's counter of {@code event} in channel entry {@code index}. */
    public static int counterOffset(int index, int eventOrdinal) {
        return channelOffset(index) + COUNTERS_OFFSET_IN_ENTRY + eventOrdinal * 8;
    }

    /** Offset of the other threads' counter of {@code event} in channel entry {@code index}. */
    public static int sharedCounterOffset(int index, int eventOrdinal) {
        return channelOffset(index) + SHARED_COUNTERS_OFFSET_IN_ENTRY + eventOrdinal * 8;
    }

    /** Offset of ring record {@code seq}. */
    public static int eventOffset(long seq) {
        return RING_OFFSET + (int) (seq & (RING_EVENTS - 1)) * EVENT_BYTES;
    }

    /** Checks a mapped file's header; throws naming the rule and value if it is not a trace file. */
    public static void validate(int magic, int version, long size) {
        if (magic != MAGIC) {
            throw new IllegalStateException("not a trace file: magic=0x" + Integer.toHexString(magic));
        }
        if (version != VERSION) {
            throw new IllegalStateException("unsupported trace layout version: version=" + version);
        }
        if (size < FILE_BYTES) {
            throw new IllegalStateException("trace file too small: size=" + size + ", need " + FILE_BYTES);
        }
    }
}
