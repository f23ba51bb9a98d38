package jproc.ipc.shm;

import static jproc.ipc.shm.RingDescriptor.BLOB_FLAG;
import static jproc.ipc.shm.RingDescriptor.DATA_OFFSET;
import static jproc.ipc.shm.RingDescriptor.GET_EPOCH_OFFSET;
import static jproc.ipc.shm.RingDescriptor.GET_WAITERS_OFFSET;
import static jproc.ipc.shm.RingDescriptor.HEADER_BYTES;
import static jproc.ipc.shm.RingDescriptor.HEAD_OFFSET;
import static jproc.ipc.shm.RingDescriptor.PAD_TAG;
import static jproc.ipc.shm.RingDescriptor.POS_MASK;
import static jproc.ipc.shm.RingDescriptor.PRODUCER_CACHED_HEAD_OFFSET;
import static jproc.ipc.shm.RingDescriptor.PRODUCER_LOCK_OFFSET;
import static jproc.ipc.shm.RingDescriptor.PRODUCER_TAKEOVERS_OFFSET;
import static jproc.ipc.shm.RingDescriptor.PUT_EPOCH_OFFSET;
import static jproc.ipc.shm.RingDescriptor.PUT_WAITERS_OFFSET;
import static jproc.ipc.shm.RingDescriptor.SEQ_MASK;
import static jproc.ipc.shm.RingDescriptor.TAG_MASK;
import static jproc.ipc.shm.RingDescriptor.TAIL_OFFSET;
import static jproc.ipc.shm.RingDescriptor.bytes;
import static jproc.ipc.shm.RingDescriptor.checkCapacity;
import static jproc.ipc.shm.RingDescriptor.header;
import static jproc.ipc.shm.RingDescriptor.headerSeq;
import static jproc.ipc.shm.RingDescriptor.length;
import static jproc.ipc.shm.RingDescriptor.maxInlinePayload;
import static jproc.ipc.shm.RingDescriptor.pos;
import static jproc.ipc.shm.RingDescriptor.recordBytes;
import static jproc.ipc.shm.RingDescriptor.seq;
import static jproc.ipc.shm.RingDescriptor.tagAndFlags;
import static jproc.ipc.shm.RingDescriptor.word;
import static jproc.ipc.shm.ShmAccess.LONGS;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jproc.ipc.codec.Encoded;
import jproc.ipc.codec.MessageCodec;
import jproc.ipc.codec.MessageTags;

/**
 * A multi-producer multi-consumer ring of messages in mapped memory (layout and protocol: {@link RingDescriptor}).
 *
 * <p>Roles: producers call {@link #tryPut} while holding {@link #producerLock()}; consumers call {@link #poll()}
 * without any lock. Neither call blocks; blocking, timeouts and tracing belong to the channel built on top. A
 * process killed inside either call leaves the ring consistent (see the descriptor).
 */
public final class MessageRing {
    /** What {@link #poll()} returns when there is no message. */
    public static final Object EMPTY = new Object() {
        @Override
        public String toString() {
            return "EMPTY";
        }
    };

    private final ByteBuffer buf;
    private final int base;
    private final int data;
    private final int capacity;
    private final int mask;
    private final int maxInline;
    private final MutexWord producerLock;
    private final WaiterTable getWaiters;
    private final WaiterTable putWaiters;

    public MessageRing(ByteBuffer buf, int base, int capacity) {
        this.buf = buf;
        this.base = base;
        this.data = base + DATA_OFFSET;
        this.capacity = checkCapacity(capacity);
        this.mask = capacity - 1;
        this.maxInline = maxInlinePayload(capacity);
        this.producerLock = new MutexWord(buf, base + PRODUCER_LOCK_OFFSET);
        this.getWaiters = new WaiterTable(buf, base + GET_WAITERS_OFFSET);
        this.putWaiters = new WaiterTable(buf, base + PUT_WAITERS_OFFSET);
    }

    /** The lock producers hold around {@link #tryPut}. */
    public MutexWord producerLock() {
        return producerLock;
    }

    public WaiterTable getWaiters() {
        return getWaiters;
    }

    public WaiterTable putWaiters() {
        return putWaiters;
    }

    public int capacity() {
        return capacity;
    }

    /** True if a payload of this length fits inline (otherwise send it through {@link BlobFiles}). */
    public boolean fitsInline(int length) {
        return length <= maxInline;
    }

    /**
     * Appends one record. The caller must hold the producer lock.
     *
     * @param tagAndFlags a {@link MessageTags} tag, plus {@link RingDescriptor#BLOB_FLAG} for a side-file record
     * @param bits        the word of a primitive tag (when {@code payload} is null)
     * @param payload     the payload bytes, or null for a primitive word
     * @param maxItems    the item bound (0: only bytes bound the ring)
     * @return false if there is no room now
     */
    public boolean tryPut(int tagAndFlags, long bits, byte[] payload, int maxItems) {
        return tryPut(tagAndFlags, bits, payload, maxItems, null);
    }

    /**
     * Like {@link #tryPut(int, long, byte[], int)}, running {@code beforeWrite} once room is known to exist and
     * before the record is written (a side file is created there, so a producer killed while it waits for room
     * leaves no file behind).
     */
    public boolean tryPut(int tagAndFlags, long bits, byte[] payload, int maxItems, Runnable beforeWrite) {
        int tag = tagAndFlags & TAG_MASK;
        int len = payload != null ? payload.length : (tag == MessageTags.NULL ? 0 : 8);
        int rec = recordBytes(len);
        long t = (long) LONGS.getOpaque(buf, base + TAIL_OFFSET);
        long tpos = pos(t);
        long tseq = seq(t);
        int off = (int) tpos & mask;
        int toEnd = capacity - off;
        int pad = rec > toEnd ? toEnd : 0;
        int need = pad + rec;
        long h = (long) LONGS.getOpaque(buf, base + PRODUCER_CACHED_HEAD_OFFSET);
        if (!hasRoom(tpos, tseq, need, h, maxItems)) {
            h = (long) LONGS.getAcquire(buf, base + HEAD_OFFSET);
            LONGS.setOpaque(buf, base + PRODUCER_CACHED_HEAD_OFFSET, h);
            if (!hasRoom(tpos, tseq, need, h, maxItems)) {
                return false;
            }
        }
        int recOff = pad > 0 ? 0 : off;
        if (beforeWrite != null) {
            beforeWrite.run();
        }
        if (payload != null) {
            buf.put(data + recOff + HEADER_BYTES, payload);
        } else if (len == 8) {
            buf.putLong(data + recOff + HEADER_BYTES, bits);
        }
        long next = tpos + need;
        buf.putLong(data + ((int) next & mask), 0L);
        LONGS.setRelease(buf, data + recOff, header(len, tagAndFlags, tseq));
        if (pad > 0) {
            LONGS.setRelease(buf, data + off, header(toEnd - HEADER_BYTES, PAD_TAG, tseq));
        }
        long nseq = (tseq + 1) & SEQ_MASK;
        LONGS.setRelease(buf, base + TAIL_OFFSET, word(nseq, next));
        if (nseq == 0) {
            LONGS.setRelease(buf, base + PUT_EPOCH_OFFSET, (long) LONGS.getOpaque(buf, base + PUT_EPOCH_OFFSET) + 1);
        }
        return true;
    }

    private boolean hasRoom(long tpos, long tseq, int need, long h, int maxItems) {
        long used = (tpos - pos(h)) & POS_MASK;
        if (used + need + HEADER_BYTES > capacity) {
            return false;
        }
        return maxItems <= 0 || ((tseq - seq(h)) & SEQ_MASK) < maxItems;
    }

    /** Writes the tag as it goes into a record. */
    public static int blobTag(int tag) {
        return tag | BLOB_FLAG;
    }

    /**
     * After taking the producer lock over from a dead owner: moves TAIL past records that owner published but did
     * not count. The caller must hold the producer lock.
     *
     * <p>Consumers follow published headers, not TAIL, so they may already have taken such a record: HEAD is then
     * ahead of TAIL. Everything before HEAD was published, so TAIL moves up to HEAD first (a put at the old TAIL
     * would land behind the consumers and never be seen).
     */
    public int repairTail() {
        long t = (long) LONGS.getAcquire(buf, base + TAIL_OFFSET);
        long h = (long) LONGS.getAcquire(buf, base + HEAD_OFFSET);
        long tpos = pos(t);
        long tseq = seq(t);
        int found = 0;
        if (((tpos - pos(h)) & POS_MASK) > capacity) {
            // TAIL is behind HEAD: the dead producer's records were published and consumed
            found += (int) ((seq(h) - tseq) & SEQ_MASK);
            tpos = pos(h);
            tseq = seq(h);
            LONGS.setOpaque(buf, base + PRODUCER_CACHED_HEAD_OFFSET, h);
        }
        while (((tpos - pos(h)) & POS_MASK) < capacity) {
            int off = (int) tpos & mask;
            long hdr = (long) LONGS.getAcquire(buf, data + off);
            if (hdr == 0) {
                break;
            }
            if (tagAndFlags(hdr) == PAD_TAG) {
                tpos += capacity - off;
            } else {
                tpos += recordBytes(length(hdr));
                tseq = (tseq + 1) & SEQ_MASK;
                found++;
            }
        }
        LONGS.getAndAdd(buf, base + PRODUCER_TAKEOVERS_OFFSET, 1L);
        if (found > 0) {
            long nt = word(tseq, tpos);
            if (seq(t) > tseq) {
                // the put sequence wrapped in the records counted here
                LONGS.setRelease(buf, base + PUT_EPOCH_OFFSET,
                        (long) LONGS.getOpaque(buf, base + PUT_EPOCH_OFFSET) + 1);
            }
            LONGS.setRelease(buf, base + TAIL_OFFSET, nt);
        }
        return found;
    }

    /**
     * Takes the oldest message, or returns {@link #EMPTY}. Never blocks; safe from any thread of any process.
     *
     * @return {@link #EMPTY}, a boxed primitive (or null), or an {@link Encoded} to decode with {@link MessageCodec}
     */
    public Object poll() {
        while (true) {
            long h = (long) LONGS.getAcquire(buf, base + HEAD_OFFSET);
            long hpos = pos(h);
            int off = (int) hpos & mask;
            long hdr = (long) LONGS.getAcquire(buf, data + off);
            if (hdr == 0) {
                if ((long) LONGS.getAcquire(buf, base + HEAD_OFFSET) == h) {
                    return EMPTY;
                }
                continue;
            }
            int skip = 0;
            int recOff = off;
            if (tagAndFlags(hdr) == PAD_TAG) {
                if (length(hdr) != capacity - off - HEADER_BYTES) {
                    checkTorn(h, "pad record of " + length(hdr) + " bytes at offset " + off);
                    continue;
                }
                skip = capacity - off;
                recOff = 0;
                hdr = (long) LONGS.getAcquire(buf, data);
            }
            int len = length(hdr);
            int tf = tagAndFlags(hdr);
            if (hdr == 0 || tf == PAD_TAG || len < 0 || len > maxInline || recOff + recordBytes(len) > capacity
                    || headerSeq(hdr) != seq(h)) {
                checkTorn(h, "record header 0x" + Long.toHexString(hdr) + " at offset " + recOff);
                continue;
            }
            int tag = tf & TAG_MASK;
            Object value;
            String blob = null;
            if ((tf & BLOB_FLAG) != 0) {
                byte[] nameBytes = new byte[len];
                buf.get(data + recOff + HEADER_BYTES, nameBytes);
                blob = new String(nameBytes, StandardCharsets.US_ASCII);
                byte[] content = readBlob(blob);
                if (content == null) {
                    checkTorn(h, "missing side file " + blob);
                    continue;
                }
                value = new Encoded(tag, content);
            } else if (MessageTags.isPrimitive(tag)) {
                if (tag != MessageTags.NULL && len != 8) {
                    checkTorn(h, "primitive record of " + len + " bytes");
                    continue;
                }
                value = tag == MessageTags.NULL ? null
                        : MessageCodec.primitiveValue(tag, buf.getLong(data + recOff + HEADER_BYTES));
            } else {
                byte[] b = new byte[len];
                buf.get(data + recOff + HEADER_BYTES, b);
                value = new Encoded(tag, b);
            }
            long nseq = (seq(h) + 1) & SEQ_MASK;
            long next = word(nseq, hpos + skip + recordBytes(len));
            if (LONGS.compareAndSet(buf, base + HEAD_OFFSET, h, next)) {
                if (nseq == 0) {
                    LONGS.getAndAdd(buf, base + GET_EPOCH_OFFSET, 1L);
                }
                if (blob != null) {
                    BlobFiles.delete(blob);
                }
                return value;
            }
        }
    }

    private static byte[] readBlob(String name) {
        try {
            return BlobFiles.read(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void checkTorn(long h, String what) {
        if ((long) LONGS.getAcquire(buf, base + HEAD_OFFSET) == h) {
            throw new IllegalStateException("message ring corrupted: " + what + " at the head of a ring of "
                    + capacity + " bytes; the channel cannot be used any more, create a new one");
        }
    }

    /** True if a message is available now. */
    public boolean hasMessage() {
        long h = (long) LONGS.getAcquire(buf, base + HEAD_OFFSET);
        return (long) LONGS.getAcquire(buf, data + ((int) pos(h) & mask)) != 0;
    }

    /** Messages in the ring now (exact when no one is using the ring). */
    public long size() {
        long h = (long) LONGS.getAcquire(buf, base + HEAD_OFFSET);
        long t = (long) LONGS.getAcquire(buf, base + TAIL_OFFSET);
        long n = (seq(t) - seq(h)) & SEQ_MASK;
        return n > (SEQ_MASK >> 1) ? 0 : n;
    }

    /** Bytes occupied by unconsumed records. */
    public long usedBytes() {
        long h = (long) LONGS.getAcquire(buf, base + HEAD_OFFSET);
        long t = (long) LONGS.getAcquire(buf, base + TAIL_OFFSET);
        long n = (pos(t) - pos(h)) & POS_MASK;
        return n > capacity ? 0 : n;
    }

    /** True if a minimal record would not fit now (or {@code maxItems} are queued). */
    public boolean isFull(int maxItems) {
        long h = (long) LONGS.getAcquire(buf, base + HEAD_OFFSET);
        long t = (long) LONGS.getAcquire(buf, base + TAIL_OFFSET);
        long tpos = pos(t);
        int off = (int) tpos & mask;
        int need = recordBytes(8) > capacity - off ? capacity - off + recordBytes(8) : recordBytes(8);
        return !hasRoom(tpos, seq(t), need, h, maxItems);
    }

    /** Messages ever put (statistics; exact unless a producer died at a sequence wrap). */
    public long putCount() {
        long t = (long) LONGS.getAcquire(buf, base + TAIL_OFFSET);
        return ((long) LONGS.getAcquire(buf, base + PUT_EPOCH_OFFSET) << 24) + seq(t);
    }

    /** Messages ever taken (statistics). */
    public long getCount() {
        long h = (long) LONGS.getAcquire(buf, base + HEAD_OFFSET);
        return ((long) LONGS.getAcquire(buf, base + GET_EPOCH_OFFSET) << 24) + seq(h);
    }

    /** The put sequence (messages put modulo 2^24). */
    public long putSeq() {
        return seq((long) LONGS.getAcquire(buf, base + TAIL_OFFSET));
    }

    /** Times a producer took the lock over from a dead producer. */
    public long takeovers() {
        return (long) LONGS.getAcquire(buf, base + PRODUCER_TAKEOVERS_OFFSET);
    }

    /**
     * Reads up to {@code n} of the oldest messages without consuming them (for inspection). Messages that are
     * consumed while being read are skipped; serialized payloads are returned as {@link Encoded} undecoded.
     */
    public List<Object> peek(int n) {
        var out = new ArrayList<Object>();
        for (int attempt = 0; attempt < 10; attempt++) {
            out.clear();
            long h = (long) LONGS.getAcquire(buf, base + HEAD_OFFSET);
            long pos = pos(h);
            long seq = seq(h);
            boolean ok = true;
            while (out.size() < n) {
                int off = (int) pos & mask;
                long hdr = (long) LONGS.getAcquire(buf, data + off);
                if (hdr == 0) {
                    break;
                }
                if (tagAndFlags(hdr) == PAD_TAG) {
                    pos += capacity - off;
                    continue;
                }
                int len = length(hdr);
                if (len < 0 || len > maxInline || off + recordBytes(len) > capacity || headerSeq(hdr) != seq) {
                    ok = false;
                    break;
                }
                int tf = tagAndFlags(hdr);
                int tag = tf & TAG_MASK;
                if ((tf & BLOB_FLAG) != 0) {
                    out.add(new Encoded(tag, new byte[0]));
                } else if (MessageTags.isPrimitive(tag)) {
                    out.add(tag == MessageTags.NULL ? null
                            : MessageCodec.primitiveValue(tag, buf.getLong(data + off + HEADER_BYTES)));
                } else {
                    byte[] b = new byte[len];
                    buf.get(data + off + HEADER_BYTES, b);
                    out.add(new Encoded(tag, b));
                }
                pos += recordBytes(len);
                seq = (seq + 1) & SEQ_MASK;
            }
            if (ok && (long) LONGS.getAcquire(buf, base + HEAD_OFFSET) == h) {
                return out;
            }
        }
        return List.of();
    }
}
