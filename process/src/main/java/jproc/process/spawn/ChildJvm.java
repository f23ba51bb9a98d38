package jproc.process.spawn;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jproc.ipc.trace.Trace;
import jproc.ipc.trace.TraceEvent;
import jproc.process.ChildOutput;
import jproc.process.ChildStartException;
import jproc.process.ChildStream;
import jproc.process.JoinInterruptedException;
import jproc.process.OutputSink;

/**
 * A running child JVM seen from its parent: the OS process, its two output pumps, the exit report and the
 * exit code. Finished when the process has exited and both streams reached end of file; then the output
 * receiver is closed and {@link #join()} returns.
 */
public final class ChildJvm {
    private final String name;
    private final Process process;
    private final long pid;
    private final boolean warm;
    private final OutputStream stdin;
    private final AtomicInteger openStreams = new AtomicInteger(2);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final long startNanos;
    private ChildOutput out;
    private volatile SpawnProtocol.ExitReport report;
    private volatile Integer exitCode;

    private ChildJvm(String name, Process process, boolean warm) {
        this.name = name;
        this.process = process;
        this.pid = process.pid();
        this.warm = warm;
        this.stdin = process.getOutputStream();
        this.startNanos = System.nanoTime();
    }

    /**
     * Launches (or takes from the warm pool) a JVM, opens the output receiver on this thread, starts the pumps
     * and sends the SPAWN frame.
     *
     * @param frame        the SPAWN frame (with its length prefix)
     * @param extraOptions JVM options beyond the defaults; non-empty options always start a fresh JVM
     * @param cold         true to skip the warm pool
     * @param daemon       false: this JVM does not exit before the child ended (a non-daemon pump thread)
     */
    public static ChildJvm start(String name, String secret, byte[] frame, List<String> extraOptions, boolean cold,
                                 boolean daemon, OutputSink sink) {
        Process p = null;
        boolean warm = false;
        boolean pooled = !cold && (extraOptions == null || extraOptions.isEmpty());
        if (pooled) {
            p = WarmPool.instance().take();
            warm = p != null;
        }
        if (p == null) {
            p = Launcher.launch(extraOptions, false);
        }
        var jvm = new ChildJvm(name, p, warm);
        try {
            jvm.out = sink.open(name, jvm.pid);
        } catch (RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
        // the frame first, so that the child works while this thread starts the pumps (its output waits in the pipe)
        IOException sendFailure = null;
        try {
            jvm.send(frame);
        } catch (IOException e) {
            sendFailure = e;
        }
        jvm.startPump(ChildStream.STDOUT, secret, daemon);
        jvm.startPump(ChildStream.STDERR, secret, true);
        if (sendFailure != null && p.isAlive()) {
            // not a JVM that died at once (its stderr says why, its exit code that it failed): give up on it
            p.toHandle().destroyForcibly();
            throw new ChildStartException("cannot send the target to child " + name + ": " + sendFailure.getMessage(),
                    sendFailure);
        }
        if (pooled) {
            WarmPool.instance().replenish(); // replaces the spare taken, or starts the first one
        }
        Trace.channel("process", name).event(TraceEvent.START);
        return jvm;
    }

    private void startPump(ChildStream stream, String secret, boolean daemon) {
        var pump = new LinePump(stream == ChildStream.STDOUT ? process.getInputStream() : process.getErrorStream(),
                stream, out, stream == ChildStream.STDERR ? secret : null, this);
        Thread t = new Thread(pump, "jproc-pump-" + name + "-" + stream.name().toLowerCase());
        t.setDaemon(daemon);
        t.start();
    }

    /** Sends one frame on the child's stdin (the pool protocol). */
    public void send(byte[] frame) throws IOException {
        synchronized (stdin) {
            stdin.write(frame);
            stdin.flush();
        }
    }

    void reported(SpawnProtocol.ExitReport r) {
        report = r;
    }

    void pumpFinished() {
        if (openStreams.decrementAndGet() != 0) {
            return;
        }
        try {
            boolean interrupted = false;
            while (true) {
                try {
                    process.waitFor();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            exitCode = decode(process.exitValue(), report);
            try {
                stdin.close();
            } catch (IOException ignored) {
                // already gone
            }
            try {
                out.closed();
            } catch (RuntimeException ignored) {
                // the receiver's problem; join() must still return
            }
            Trace.channel("process", name).event(TraceEvent.EXIT);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            finished.countDown();
        }
    }

    /**
     * The exit code from the OS status and the child's own report: a reported signal gives minus its number; a
     * status above 128 with no report, or other than the code the child reported (0 after its target returned, 1
     * after it threw), means a signal the JVM could not report (SIGKILL, a crash), also one that arrived while the
     * child was already exiting (Python's {@code exitcode} says -9 then too). A report of -1 (the target called
     * {@code System.exit} itself) keeps the status as it is.
     */
    static int decode(int status, SpawnProtocol.ExitReport r) {
        if (r != null && r.signal()) {
            return -r.number();
        }
        if (r != null && (r.number() < 0 || r.number() == status)) {
            return status;
        }
        return status > 128 && status < 128 + 65 ? -(status - 128) : status;
    }

    /**
     * Waits until finished.
     *
     * @throws JoinInterruptedException if the waiting thread is interrupted
     */
    public void join() {
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JoinInterruptedException(name, e);
        }
    }

    /**
     * Waits at most {@code nanos}; true if finished.
     *
     * @throws JoinInterruptedException if the waiting thread is interrupted
     */
    public boolean join(long nanos) {
        try {
            return finished.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JoinInterruptedException(name, e);
        }
    }

    /** True until the child exited and its output was delivered. */
    public boolean isAlive() {
        return finished.getCount() > 0;
    }

    /** The exit code once finished, else null. */
    public Integer exitCode() {
        return exitCode;
    }

    /** The OS process id. */
    public long pid() {
        return pid;
    }

    /** True if this child came from the warm pool. */
    public boolean warm() {
        return warm;
    }

    /** {@link System#nanoTime()} when the parent started (or took) this JVM. */
    public long startNanos() {
        return startNanos;
    }

    /** The OS process (for inspection: CPU time, memory). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Sends a signal by number: TERM and KILL through {@link Process}, others with the {@code kill} command.
     * No effect once the process has exited.
     */
    public void signal(int number) {
        if (!process.isAlive()) {
            return;
        }
        // ProcessHandle, not Process: Process.destroy() also closes the pipes, losing the child's last output
        if (number == Signals.KILL) {
            process.toHandle().destroyForcibly();
        } else if (number == Signals.TERM) {
            process.toHandle().destroy();
        } else {
            try {
                Process k = new ProcessBuilder("kill", "-" + number, Long.toString(pid))
                        .redirectErrorStream(true).start();
                k.getInputStream().readAllBytes();
                if (k.waitFor() != 0 && process.isAlive()) {
                    throw new IllegalStateException("kill -" + number + " " + pid + " failed");
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot run kill -" + number + " " + pid + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
