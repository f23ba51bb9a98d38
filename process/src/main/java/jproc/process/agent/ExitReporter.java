package jproc.process.agent;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

import jproc.ipc.trace.Trace;
import jproc.ipc.trace.TraceEvent;
import jproc.process.spawn.Signals;
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

    /** Installs the shutdown hook (before the target runs). */
    void install() {
        Runtime.getRuntime().addShutdownHook(this);
    }

    /**
     * Installs the TERM, INT and HUP handlers (off the main thread, concurrently with the target's start). Until
     * they are in place the JVM's own handlers apply: they exit with the same status, and no marker then means
     * the same to the parent (a signal), so nothing is lost but a few hundred microseconds of start-up.
     */
    void handleSignals() {
        handle("TERM");
        handle("INT");
        handle("HUP");
    }

    private void handle(String sig) {
        Signals.handleUnlessUserDid(sig, this);
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
            Trace.recorder().setFinalUsage(cpuNanos(), peakRssBytes());
            if (sig == 0 && code >= 0) {
                Trace.recorder().setExitCode(code);
            }
        } catch (RuntimeException | LinkageError e) {
            // tracing is best effort
        }
    }

    /** CPU time this process used (user + system), or 0 if the platform does not say. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** Peak resident memory ({@code VmHWM} of /proc/self/status), or 0 without /proc. */
    private static long peakRssBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim()) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no /proc: unknown
        }
        return 0;
    }
}
