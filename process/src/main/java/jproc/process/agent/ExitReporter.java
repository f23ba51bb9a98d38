package jproc.process.agent;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

import jproc.ipc.trace.Trace;
import jproc.ipc.trace.TraceEvent;
import jproc.process.spawn.SpawnProtocol;

/**
 * Tells the parent how this child ends: a shutdown hook writes the exit marker line on the raw stderr, and
 * handlers for TERM, INT and HUP record the signal first (so that {@code System.exit(143)} and death by SIGTERM
 * are told apart). A user handler installed with {@code ChildProcess.onSignal} replaces these.
 */
final class ExitReporter extends Thread implements sun.misc.SignalHandler {
    private static final ExitReporter INSTANCE = new ExitReporter();

    private volatile String secret;
    private volatile String name;
    private volatile int signal;
    private volatile int code = -1;
    private volatile boolean written;

    private ExitReporter() {
        super("jproc-exit-report");
    }

    static ExitReporter instance() {
        return INSTANCE;
    }

    /** Installs the hook and the signal handlers (before the target runs). */
    void install() {
        Runtime.getRuntime().addShutdownHook(this);
        handle("TERM");
        handle("INT");
        handle("HUP");
    }

    private void handle(String sig) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(sig), this);
        } catch (IllegalArgumentException e) {
            // the JVM runs with -Xrs or the signal is in use: the default action applies
        }
    }

    void arm(String markerSecret, String childName) {
        this.secret = markerSecret;
        this.name = childName;
    }

    /** The agent knows the exit code (the target threw: 1). */
    void exitCode(int c) {
        code = c;
    }

    @Override
    public void handle(sun.misc.Signal sig) {
        signal = sig.getNumber();
        System.exit(128 + sig.getNumber());
    }

    @Override
    public void run() {
        write();
        ParentWatch.stopWatching();
    }

    /** Writes the marker once: flushes the user's streams first so the marker is the last line. */
    synchronized void write() {
        if (written || secret == null) {
            return;
        }
        written = true;
        System.out.flush();
        System.err.flush();
        int sig = signal;
        if (!ParentWatch.parentIsGone()) {
            recordExit(sig);
        }
        try {
            @SuppressWarnings("resource")
            var err = new FileOutputStream(FileDescriptor.err);
            err.write(SpawnProtocol.marker(secret, sig != 0, sig != 0 ? sig : code));
            err.flush();
        } catch (IOException e) {
            // the parent is gone
        }
    }

    private void recordExit(int sig) {
        TraceStart.ensure();
        try {
            var trace = Trace.channel("process", name);
            trace.event(TraceEvent.EXIT);
            if (sig == 0 && code >= 0) {
                Trace.recorder().setExitCode(code);
            }
        } catch (RuntimeException | LinkageError e) {
            // tracing is best effort
        }
    }
}
