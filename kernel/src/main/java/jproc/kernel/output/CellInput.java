package jproc.kernel.output;

import jproc.kernel.engine.CellInterruptedError;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The kernel's {@code System.in}: when notebook code reads and nothing is buffered, the frontend is asked for a
 * line ({@code input_request}); the reply plus a line feed becomes readable. Reading blocks the cell until the user
 * answers or the cell is interrupted. Without a cell, reads see end of input.
 */
public final class CellInput extends InputStream {
    private final CellOutput output;
    private byte[] buffer = new byte[0];
    private int pos;

    /** Reads through the frontend of {@code output}. */
    public CellInput(CellOutput output) {
        this.output = output;
    }

    @Override
    public synchronized int read() {
        if (!fill()) {
            return -1;
        }
        return buffer[pos++] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.length - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return buffer.length - pos;
    }

    private boolean fill() {
        if (pos < buffer.length) {
            return true;
        }
        CellContext cell = output.current();
        if (cell == null) {
            return false;
        }
        if (!cell.allowsStdin()) {
            throw new StdinUnavailableException();
        }
        output.flush(1000);
        CompletableFuture<String> reply = output.requestInput(cell, "", false);
        String line;
        try {
            line = reply.get();
        } catch (InterruptedException e) {
            reply.cancel(true);
            throw new CellInterruptedError();
        } catch (ExecutionException e) {
            return false;
        }
        buffer = (line + "\n").getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }
}
