package jproc.bench.reliability;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * The self-checking messages of the kill -9 trials: producer id, sequence number, a payload derived from both,
 * and a checksum over all of it, so a receiver can tell a message that arrived intact from one that was torn,
 * mixed with another or invented. Sizes vary: mostly small, some tens of kilobytes, a few larger than a quarter
 * of a 1 MiB ring (those travel through a channel's side file).
 *
 * <pre>
 *   +0 producer (int)  +4 seq (long)  +12 payload length n (int)  +16 payload (n bytes)  +16+n crc32c (long)
 * </pre>
 */
public final class Frames {
    private static final int HEADER = 16;

    private Frames() {
    }

    /** The frame of message {@code seq} of producer {@code producer}. */
    public static byte[] make(int producer, long seq) {
        var rnd = new SplittableRandom(seed(producer, seq));
        int roll = rnd.nextInt(1000);
        int n;
        if (roll < 2) {
            n = 300_000 + rnd.nextInt(40_000);
        } else if (roll < 12) {
            n = 4_000 + rnd.nextInt(60_000);
        } else {
            n = rnd.nextInt(240);
        }
        byte[] b = new byte[HEADER + n + Long.BYTES];
        var bb = ByteBuffer.wrap(b);
        bb.putInt(producer).putLong(seq).putInt(n);
        for (int i = 0; i < n; i++) {
            b[HEADER + i] = (byte) rnd.nextInt();
        }
        bb.putLong(HEADER + n, crc(b, HEADER + n));
        return b;
    }

    /** The producer id of a frame that {@link #check} accepted. */
    public static int producer(byte[] b) {
        return ByteBuffer.wrap(b).getInt(0);
    }

    /** The sequence number of a frame that {@link #check} accepted. */
    public static long seq(byte[] b) {
        return ByteBuffer.wrap(b).getLong(4);
    }

    /** Null if the frame is intact and its payload is the one its header names; otherwise what is wrong. */
    public static String check(Object item) {
        if (!(item instanceof byte[] b)) {
            return "not a byte[] but " + (item == null ? "null" : item.getClass().getName());
        }
        if (b.length < HEADER + Long.BYTES) {
            return "frame of " + b.length + " bytes is shorter than its header";
        }
        var bb = ByteBuffer.wrap(b);
        int n = bb.getInt(12);
        if (n < 0 || HEADER + n + Long.BYTES != b.length) {
            return "payload length " + n + " does not match frame length " + b.length;
        }
        if (bb.getLong(HEADER + n) != crc(b, HEADER + n)) {
            return "checksum mismatch";
        }
        byte[] expected = make(bb.getInt(0), bb.getLong(4));
        if (!java.util.Arrays.equals(expected, b)) {
            return "payload differs from the one producer " + bb.getInt(0) + " made for seq " + bb.getLong(4);
        }
        return null;
    }

    /** One long naming a message: producer in the high 24 bits, seq in the low 40. */
    public static long key(int producer, long seq) {
        return ((long) producer << 40) | seq;
    }

    public static int keyProducer(long key) {
        return (int) (key >>> 40);
    }

    public static long keySeq(long key) {
        return key & ((1L << 40) - 1);
    }

    private static long seed(int producer, long seq) {
        return 0x9E3779B97F4A7C15L * (producer + 1) ^ seq * 0xC2B2AE3D27D4EB4FL;
    }

    private static long crc(byte[] b, int len) {
        var c = new CRC32C();
        c.update(b, 0, len);
        return c.getValue();
    }
}
