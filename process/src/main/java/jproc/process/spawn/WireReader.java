package jproc.process.spawn;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads what a {@link WireWriter} wrote. Not thread-safe. */
public final class WireReader {
    private final byte[] buf;
    private int pos;
    private final int end;

    /** @param buf the bytes to read, from 0 */
    public WireReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    /** Reads {@code buf[from, to)}. */
    public WireReader(byte[] buf, int from, int to) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
    }

    /**
     * Reads one length-prefixed frame from a stream.
     *
     * @return the frame, or null at end of stream before the first byte
     * @throws EOFException if the stream ends inside a frame
     */
    public static byte[] readFrame(InputStream in) throws IOException {
        byte[] h = new byte[4];
        int n = 0;
        while (n < 4) {
            int r = in.read(h, n, 4 - n);
            if (r < 0) {
                if (n == 0) {
                    return null;
                }
                throw new EOFException("stream ended inside a frame header");
            }
            n += r;
        }
        int len = ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
        if (len < 0 || len > SpawnProtocol.MAX_FRAME) {
            throw new IOException("frame length out of range 0.." + SpawnProtocol.MAX_FRAME + ": " + len);
        }
        byte[] b = new byte[len];
        int got = 0;
        while (got < len) {
            int r = in.read(b, got, len - got);
            if (r < 0) {
                throw new EOFException("stream ended inside a frame: got " + got + " of " + len + " bytes");
            }
            got += r;
        }
        return b;
    }

    private void need(int n) throws EOFException {
        if (n < 0 || n > end - pos) {
            throw new EOFException("frame too short: need " + n + " bytes at " + pos + ", frame ends at " + end);
        }
    }

    /** One byte. */
    public int getByte() throws EOFException {
        need(1);
        return buf[pos++];
    }

    /** A boolean written as one byte. */
    public boolean getBoolean() throws EOFException {
        return getByte() != 0;
    }

    /** A big-endian int. */
    public int getInt() throws EOFException {
        need(4);
        byte[] b = buf;
        int p = pos;
        pos = p + 4;
        return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    /** A big-endian long. */
    public long getLong() throws EOFException {
        long hi = getInt();
        return (hi << 32) | (getInt() & 0xffffffffL);
    }

    /** A length-prefixed byte array. */
    public byte[] getBytes() throws EOFException {
        int n = getInt();
        need(n);
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    /** A length-prefixed UTF-8 string, or null. */
    public String getString() throws EOFException {
        int n = getInt();
        if (n < 0) {
            return null;
        }
        need(n);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** How many bytes are left to read. */
    public int remaining() {
        return end - pos;
    }

    /** True if unread bytes remain. */
    public boolean hasMore() {
        return pos < end;
    }
}
