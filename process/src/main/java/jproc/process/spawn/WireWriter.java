package jproc.process.spawn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian byte buffer for frames; not thread-safe. */
public final class WireWriter {
    private byte[] buf;
    private int pos;

    /** @param capacity initial capacity in bytes */
    public WireWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }

    /** Appends one byte. */
    public WireWriter putByte(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
        return this;
    }

    /** Appends a boolean as one byte. */
    public WireWriter putBoolean(boolean b) {
        return putByte(b ? 1 : 0);
    }

    /** Appends a big-endian int. */
    public WireWriter putInt(int v) {
        ensure(4);
        byte[] b = buf;
        int p = pos;
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
        pos = p + 4;
        return this;
    }

    /** Appends a big-endian long. */
    public WireWriter putLong(long v) {
        putInt((int) (v >>> 32));
        return putInt((int) v);
    }

    /** Appends a length-prefixed byte array. */
    public WireWriter putBytes(byte[] b) {
        putInt(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    /** Appends bytes as they are (no length prefix). */
    public WireWriter putRaw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    /** Appends a length-prefixed UTF-8 string; null is written as length -1. */
    public WireWriter putString(String s) {
        if (s == null) {
            return putInt(-1);
        }
        return putBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Overwrites an int written earlier at {@code at}. */
    public void setInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    /** Bytes written so far. */
    public int size() {
        return pos;
    }

    /** Forgets the content, keeping the buffer. */
    public void clear() {
        pos = 0;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /** Writes the content to a stream (no flush). */
    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, pos);
    }
}
