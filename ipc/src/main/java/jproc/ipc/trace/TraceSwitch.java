package jproc.ipc.trace;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import jproc.ipc.session.Session;

/**
 * The session-wide on/off switch of event recording: one int in the file {@code jproc-<session>-trace-switch},
 * created by the root process, mapped by every process of the session, so that {@code %trace off} in the
 * kernel also quiets children that are already running.
 *
 * <pre>
 *   0           4                                            64
 *   +-----------+--------------------------------------------+
 *   | on (int)  |  reserved                                  |
 *   +-----------+--------------------------------------------+
 * </pre>
 * Any process may flip it; readers see the change at their next event (opaque read, no fence).
 * Without the file (it could not be created or was removed) each process keeps a local switch.
 */
final class TraceSwitch {
    static final int BYTES = 64;
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final ByteBuffer shared;
    private volatile boolean local;

    private TraceSwitch(ByteBuffer shared, boolean initial) {
        this.shared = shared;
        this.local = initial;
    }

    static TraceSwitch open(boolean initial) {
        try {
            Session s = Session.current();
            Path p = s.directory().resolve(s.filePrefix() + "trace-switch");
            boolean created = false;
            if (s.isRoot() && !Files.exists(p)) {
                Session.createOwnerOnly(p);
                created = true;
            }
            if (!Files.exists(p)) {
                return new TraceSwitch(null, initial);
            }
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer b = ch.map(FileChannel.MapMode.READ_WRITE, 0, BYTES).order(ByteOrder.nativeOrder());
                if (created) {
                    INTS.setRelease(b, 0, initial ? 1 : 0);
                }
                return new TraceSwitch(b, initial);
            }
        } catch (IOException | RuntimeException e) {
            return new TraceSwitch(null, initial);
        }
    }

    boolean on() {
        return shared != null ? (int) INTS.getOpaque(shared, 0) != 0 : local;
    }

    void set(boolean on) {
        local = on;
        if (shared != null) {
            INTS.setRelease(shared, 0, on ? 1 : 0);
        }
    }
}
