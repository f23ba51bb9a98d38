package jproc.process.agent;

import jproc.ipc.trace.Trace;
import jproc.ipc.trace.TraceEvent;

/**
 * Names this child in its trace file and records START on a thread of its own: opening the trace file costs a
 * cold JVM tens of milliseconds, which must not delay the target's first output (a cold child waits a little
 * before it starts, so that it does not compete for the CPU). The exit reporter records START itself if this
 * thread has not yet, so START always precedes EXIT.
 */
final class TraceStart extends Thread {
    private static final Object LOCK = new Object();
    private static String recorded;
    private static String pending;

    private final long delayMillis;

    private TraceStart(long delayMillis) {
        super("jproc-trace-start");
        this.delayMillis = delayMillis;
        setDaemon(true);
    }

    /** Starts recording in the background; {@code cold}: after a short delay. */
    static void begin(String childName, boolean cold) {
        synchronized (LOCK) {
            pending = childName;
        }
        new TraceStart(cold ? 40 : 0).start();
    }

    /** Records START now unless done (called by the exit reporter before EXIT). */
    static void ensure() {
        synchronized (LOCK) {
            String name = pending;
            if (name == null || name.equals(recorded) || ParentWatch.parentIsGone()) {
                return;
            }
            recorded = name;
            try {
                Trace.setProcessName(name);
                Trace.channel("process", name).event(TraceEvent.START);
            } catch (RuntimeException | LinkageError e) {
                // tracing is best effort
            }
        }
    }

    @Override
    public void run() {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
        ensure();
    }
}
