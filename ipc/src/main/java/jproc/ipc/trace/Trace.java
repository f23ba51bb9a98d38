package jproc.ipc.trace;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry point of event recording. Channels and processes call {@link #channel(String, String)} once and
 * record through the returned handle. Recording can be switched off with {@link #setEnabled(boolean)}
 * (session-wide: it flips the switch of every process of the session, see {@link TraceSwitch}) or the
 * system property {@code jproc.trace=false} in the root process; a disabled handle costs two memory reads.
 */
public final class Trace {
    private static final TraceSwitch SWITCH = TraceSwitch.open(!"false".equals(System.getProperty("jproc.trace")));
    private static final ConcurrentHashMap<String, TraceChannel> CHANNELS = new ConcurrentHashMap<>();
    private static volatile TraceRecorder recorder = TraceRecorder.forThisProcess();

    private Trace() {
    }

    /** True while events are recorded (reads the session-wide switch). */
    public static boolean enabled() {
        return SWITCH.on();
    }

    /**
     * The recording path's check: the process's copy of the switch, and the switch itself only while the copy
     * says off (see {@link TraceSwitch} for when the copy follows another process's switch-off).
     */
    static boolean recording() {
        return SWITCH.cached() || SWITCH.on();
    }

    /** Re-reads the session-wide switch into the process's copy (the recorder calls it with each ring record). */
    static void refresh() {
        SWITCH.on();
    }

    /** Switches recording on or off in every process of the session (running ones included). */
    public static void setEnabled(boolean on) {
        SWITCH.set(on);
    }

    /** The trace handle of a channel in this process. */
    public static TraceChannel channel(String kind, String name) {
        return CHANNELS.computeIfAbsent(kind + ":" + name, k -> recorder.channel(kind, name));
    }

    /** Names this process in its trace file (the child agent calls it with the child's name). */
    public static void setProcessName(String name) {
        recorder.setProcessName(name);
    }

    /** The recorder of this process (for inspection by the owner of the session). */
    public static TraceRecorder recorder() {
        return recorder;
    }
}
