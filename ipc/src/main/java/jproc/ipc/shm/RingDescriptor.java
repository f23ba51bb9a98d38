package jproc.ipc.shm;

/**
 * Layout of a message ring (the body of a queue, and each direction of a pipe). Offsets are relative to the
 * ring's base, which is page aligned. Hot fields written by different roles sit on separate 128-byte blocks.
 *
 * <pre>
 *   base+0    producer lock (MutexWord: owner token or 0)   | cached head of the producers (long)  | take-overs (long)
 *   base+128  TAIL  word: put sequence (24 bits) | tail position (40 bits)   written by the producer-lock holder
 *             put epoch (long): how often the put sequence wrapped (statistics)
 *   base+256  HEAD  word: get sequence (24 bits) | head position (40 bits)   compare-and-set by consumers
 *             get epoch (long)
 *   base+384  get waiters (WaiterTable, 128 bytes)
 *   base+512  put waiters (WaiterTable, 128 bytes)
 *   base+640  tasks done (long, joinable queues, compare-and-set) | reserved
 *   base+1024 data: CAPACITY bytes (a power of 2), records aligned to 8 bytes:
 *
 *     +---------------------+---------------------------------------------+------------------------+
 *     | length (int)        | seq (24 bits) | PUBLISHED | BLOB | tag (6)   | payload, padded to 8   |
 *     +---------------------+---------------------------------------------+------------------------+
 *       the 8-byte header is written last with a release store; a header of 0 means "nothing here yet"
 * </pre>
 *
 * <p>Producers take the producer lock, write the payload, zero the header where the next record will start, then
 * publish the header (release) and store TAIL. A record that does not fit before the end of the data area is
 * preceded by a PAD record covering the rest of the area (published after the record it precedes) and placed
 * at offset 0. A producer never fills the last 8 bytes, so the header at the true tail is always 0.
 *
 * <p>Consumers read HEAD, read the header there (acquire), copy the record and commit by a compare-and-set of
 * HEAD past it. A consumer that loses the race discards what it read. Nothing is held while consuming, so a
 * consumer killed at any point leaves the ring intact and its message in place. A producer killed while holding
 * the lock leaves at most an unpublished record; the next producer takes the lock over and moves TAIL past any
 * records that were published but not yet counted in TAIL (up to HEAD first, if consumers already took them).
 *
 * <p>Sequences count messages modulo 2^24 (size = put seq - get seq); positions count bytes modulo 2^40.
 * Capacity is limited to {@link #MAX_CAPACITY} so that a full ring never holds 2^24 records.
 */
public final class RingDescriptor {
    public static final int PRODUCER_LOCK_OFFSET = 0;
    public static final int PRODUCER_CACHED_HEAD_OFFSET = 8;
    public static final int PRODUCER_TAKEOVERS_OFFSET = 16;
    public static final int TAIL_OFFSET = 128;
    public static final int PUT_EPOCH_OFFSET = 136;
    public static final int HEAD_OFFSET = 256;
    public static final int GET_EPOCH_OFFSET = 264;
    public static final int GET_WAITERS_OFFSET = 384;
    public static final int PUT_WAITERS_OFFSET = 512;
    public static final int DONE_OFFSET = 640;
    public static final int DATA_OFFSET = 1024;

    public static final int HEADER_BYTES = 8;
    public static final int TAG_MASK = 0x3F;
    public static final int BLOB_FLAG = 0x40;
    public static final int PUBLISHED = 0x80;
    public static final int PAD_TAG = 0x3F;
    public static final int SEQ_SHIFT_IN_TAGWORD = 8;

    public static final int POS_BITS = 40;
    public static final long POS_MASK = (1L << POS_BITS) - 1;
    public static final long SEQ_MASK = (1L << 24) - 1;

    public static final int MIN_CAPACITY = 1024;
    public static final int MAX_CAPACITY = 1 << 28;

    private RingDescriptor() {
    }

    /** Bytes a ring of {@code capacity} data bytes occupies. */
    public static int bytes(int capacity) {
        return DATA_OFFSET + capacity;
    }

    /** Checks a capacity; returns it or throws naming the rule. */
    public static int checkCapacity(long capacity) {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY || Long.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("ring capacity must be a power of 2 between " + MIN_CAPACITY + " and "
                    + MAX_CAPACITY + " bytes: capacity=" + capacity);
        }
        return (int) capacity;
    }

    /** The largest record kept inside the ring; larger messages travel through a side file. */
    public static int maxInlinePayload(int capacity) {
        return capacity / 4 - HEADER_BYTES;
    }

    /** Packs a sequence and a position into a TAIL or HEAD word. */
    public static long word(long seq, long pos) {
        return ((seq & SEQ_MASK) << POS_BITS) | (pos & POS_MASK);
    }

    /** The sequence of a TAIL or HEAD word. */
    public static long seq(long word) {
        return word >>> POS_BITS;
    }

    /** The position of a TAIL or HEAD word. */
    public static long pos(long word) {
        return word & POS_MASK;
    }

    /** Builds a record header. */
    public static long header(int length, int tagAndFlags, long seq) {
        int tw = (tagAndFlags & 0x7F) | PUBLISHED | (int) ((seq & SEQ_MASK) << SEQ_SHIFT_IN_TAGWORD);
        return (length & 0xFFFFFFFFL) | ((long) tw << 32);
    }

    /** The payload length in a header. */
    public static int length(long header) {
        return (int) header;
    }

    /** Tag and BLOB flag of a header (low 7 bits). */
    public static int tagAndFlags(long header) {
        return (int) (header >>> 32) & 0x7F;
    }

    /** Message sequence of a header. */
    public static long headerSeq(long header) {
        return (header >>> 40) & SEQ_MASK;
    }

    /** Total bytes of a record with this payload length. */
    public static int recordBytes(int length) {
        return (HEADER_BYTES + length + 7) & ~7;
    }
}
