package jproc.process.spawn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jproc.process.ChildOutput;
import jproc.process.ChildStream;

/**
 * Reads one stream of a child and hands it on line by line as soon as each line is complete. A final line
 * without terminator is delivered at end of stream. On stderr it also picks out the exit marker.
 */
final class LinePump implements Runnable {
    private final InputStream in;
    private final ChildStream stream;
    private final ChildOutput out;
    private final String secret;
    private final ChildJvm owner;

    LinePump(InputStream in, ChildStream stream, ChildOutput out, String secret, ChildJvm owner) {
        this.in = in;
        this.stream = stream;
        this.out = out;
        this.secret = secret;
        this.owner = owner;
    }

    @Override
    public void run() {
        byte[] buf = new byte[8192];
        byte[] line = new byte[256];
        int len = 0;
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        deliver(line, len);
                        len = 0;
                    } else {
                        if (len == line.length) {
                            line = Arrays.copyOf(line, line.length * 2);
                        }
                        line[len++] = b;
                    }
                }
            }
        } catch (IOException e) {
            // the stream was closed: the child ended
        } finally {
            if (len > 0) {
                deliver(line, len);
            }
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing to do
            }
            owner.pumpFinished();
        }
    }

    private void deliver(byte[] line, int len) {
        int end = len > 0 && line[len - 1] == '\r' ? len - 1 : len;
        String text = new String(line, 0, end, StandardCharsets.UTF_8);
        if (stream == ChildStream.STDERR && secret != null && text.indexOf('\0') >= 0) {
            SpawnProtocol.ExitReport r = SpawnProtocol.parseMarker(text, secret);
            if (r != null) {
                owner.reported(r);
                if (r.before().isEmpty()) {
                    return;
                }
                text = r.before();
            }
        }
        try {
            out.line(stream, text);
        } catch (RuntimeException e) {
            // a failing sink must not stop the pump (the child would block on a full pipe)
        }
    }
}
