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
 * Any process may flip it. A process that records keeps a copy of the switch in its heap (cheaper to read than
 * the mapped file) and refreshes it from the file whenever it writes a ring record, so it notices a switch-off by
 * another process within {@link TraceDescriptor#SAMPLE_EVERY} events of a channel (at once during a channel's
 * first {@link TraceDescriptor#FULL_RECORD_EVENTS}); a process that does not record reads the file at each event,
 * so it notices a switch-on at its next event. {@link #set} applies to the calling process at once.
 * Without the file (it could not be created or was removed) each process keeps a local switch.
 */
final class TraceSwitch {
    static final int BYTES = 64;
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle CACHED;

    static {
        try {
            CACHED = MethodHandles.lookup().findVarHandle(TraceSwitch.class, "cached", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ByteBuffer shared;
    private volatile boolean local;
    /**
     * The last value read from the file (or the local switch): what the recording path checks. Opaque accesses
     * only (through {@link #CACHED}): no fence on the recording path, yet never hoisted out of a loop.
     */
    @SuppressWarnings("unused")
    private boolean cached;

    private TraceSwitch(ByteBuffer shared, boolean initial) {
        this.shared = shared;
        this.local = initial;
        CACHED.setRelease(this, shared != null ? (int) INTS.getOpaque(shared, 0) != 0 : initial);
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

    /** The switch as the file says now (and refreshes the copy). */
    boolean on() {
        boolean on = shared != null ? (int) INTS.getOpaque(shared, 0) != 0 : local;
        CACHED.setOpaque(this, on);
        return on;
    }

    /** The copy of the switch: one heap read, possibly behind the file (see the class comment). */
    boolean cached() {
        return (boolean) CACHED.getOpaque(this);
    }

    void set(boolean on) {
        local = on;
        CACHED.setVolatile(this, on);
        if (shared != null) {
            INTS.setRelease(shared, 0, on ? 1 : 0);
        }
    }
}
