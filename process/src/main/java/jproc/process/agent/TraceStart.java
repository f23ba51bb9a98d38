package jproc.process.agent;

import jproc.ipc.trace.Trace;
import jproc.ipc.trace.TraceEvent;

/**
 * Names this child in its trace file and records START, on a thread of its own: opening the trace file costs a
 * cold JVM tens of milliseconds, which must not delay the target's first output.
 */
final class TraceStart extends Thread {
    private final String childName;

    TraceStart(String childName) {
        super("jproc-trace-start");
        this.childName = childName;
        setDaemon(true);
    }

    @Override
    public void run() {
        try {
            Trace.setProcessName(childName);
            Trace.channel("process", childName).event(TraceEvent.START);
        } catch (RuntimeException | LinkageError e) {
            // tracing is best effort
        }
    }
}
