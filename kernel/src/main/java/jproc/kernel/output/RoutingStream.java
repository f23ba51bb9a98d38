package jproc.kernel.output;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The kernel's {@code System.out} / {@code System.err}: bytes written by any thread go to the cell of that thread
 * (see {@link CellOutput#current()}); bytes of threads without a cell go to the kernel's original stream (its log).
 * UTF-8 sequences split across writes are joined per thread.
 */
public final class RoutingStream extends OutputStream {
    private final CellOutput output;
    private final boolean stderr;
    private final PrintStream fallback;
    private final ThreadLocal<byte[]> carry = new ThreadLocal<>();

    private RoutingStream(CellOutput output, boolean stderr, PrintStream fallback) {
        this.output = output;
        this.stderr = stderr;
        this.fallback = fallback;
    }

    /** A print stream for {@code System.setOut} or {@code System.setErr}. */
    public static PrintStream printStream(CellOutput output, boolean stderr, PrintStream fallback) {
        return new PrintStream(new RoutingStream(output, stderr, fallback), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        CellContext cell = output.current();
        if (cell == null) {
            fallback.write(b, off, len);
            fallback.flush();
            return;
        }
        byte[] bytes = b;
        int start = off;
        int count = len;
        byte[] pending = carry.get();
        if (pending != null) {
            bytes = new byte[pending.length + len];
            System.arraycopy(pending, 0, bytes, 0, pending.length);
            System.arraycopy(b, off, bytes, pending.length, len);
            start = 0;
            count = bytes.length;
            carry.remove();
        }
        int complete = completePrefix(bytes, start, count);
        if (complete < count) {
            byte[] rest = new byte[count - complete];
            System.arraycopy(bytes, start + complete, rest, 0, rest.length);
            carry.set(rest);
        }
        if (complete > 0) {
            output.print(cell, null, stderr, new String(bytes, start, complete, StandardCharsets.UTF_8));
        }
    }

    /** The length of the longest prefix that does not end inside a UTF-8 sequence. */
    static int completePrefix(byte[] b, int off, int len) {
        int i = len - 1;
        int back = 0;
        while (i >= 0 && back < 3 && (b[off + i] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i < 0) {
            return len;
        }
        int lead = b[off + i] & 0xFF;
        int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return (len - i) >= need ? len : i;
    }
}
