package jproc.process.spawn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pre-started agent JVMs with the default options (the mirror of Python's forkserver): {@code start()} takes
 * one and sends it the SPAWN frame, skipping JVM start-up; a background thread then starts a replacement.
 * Size 1 by default; 0 switches it off (system property {@code jproc.warmPool} sets the initial size). The
 * spares read their stdin like any child, so they die with the parent.
 */
public final class WarmPool {
    private static final WarmPool INSTANCE = new WarmPool(Integer.getInteger("jproc.warmPool", 1));

    /** How long after a spare was taken its replacement starts. */
    static final long REFILL_DELAY_MILLIS = 100;
    /** How long a spare may take to become ready before it is ended. */
    static final long READY_TIMEOUT_SECONDS = 30;
    /**
     * Ends spares that are not ready in time. One named daemon thread, started on first use and ended when idle
     * (not the JDK's shared delay scheduler: the kernel counts unnamed threads started during a cell as the cell's
     * work).
     */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final ArrayDeque<Process> spares = new ArrayDeque<>();
    private int size;
    /** Spares of the current generation being started. */
    private int starting;
    private int generation;
    private int failures;
    private String lastFailure;

    private WarmPool(int size) {
        this.size = Math.max(0, size);
    }

    /** The pool of this JVM. */
    public static WarmPool instance() {
        return INSTANCE;
    }

    /** How many spares are kept (0: off). */
    public synchronized int size() {
        return size;
    }

    /** Sets how many spares are kept; 0 switches the pool off and ends the spares. */
    public void setSize(int newSize) {
        if (newSize < 0) {
            throw new IllegalArgumentException("warm pool size must be >= 0: size=" + newSize);
        }
        synchronized (this) {
            size = newSize;
        }
        if (newSize == 0) {
            discardSpares();
        } else {
            refill();
        }
    }

    /** Starts spares now, in the background (the kernel calls it at start-up). */
    public void prestart() {
        refill();
    }

    /** How many spares are ready. */
    public synchronized int ready() {
        spares.removeIf(p -> !p.isAlive());
        return spares.size();
    }

    /**
     * Takes a live spare, or null if none is ready. The caller starts a replacement with {@link #replenish()} once
     * it has handed the spare its work.
     */
    public Process take() {
        Process p = null;
        synchronized (this) {
            if (size == 0) {
                return null;
            }
            while (!spares.isEmpty()) {
                Process s = spares.poll();
                if (s.isAlive()) {
                    p = s;
                    break;
                }
            }
        }
        return p;
    }

    /** Starts a replacement for a spare that was taken, after {@link #REFILL_DELAY_MILLIS}. */
    public void replenish() {
        refill(REFILL_DELAY_MILLIS);
    }

    /** Starts replacements in the background until {@link #size()} spares exist or are starting. */
    public void refill() {
        refill(0);
    }

    /**
     * As {@link #refill()}, after {@code delayMillis}: a replacement taken right after a start would compete for
     * the CPU with the child that was just handed its work.
     */
    private void refill(long delayMillis) {
        int n;
        int gen;
        synchronized (this) {
            n = size - spares.size() - starting;
            if (n <= 0 || failures >= 3) {
                return;
            }
            starting += n;
            gen = generation;
        }
        int count = n;
        Thread t = new Thread(() -> {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            startSpares(count, gen);
        }, "jproc-warm-refill");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Starts {@code n} spares for generation {@code gen}; none once {@link #discardSpares()} moved to a newer
     * generation (a refill scheduled before {@link jproc.process.ChildProcesses#killAll} must not start a JVM after
     * it).
     */
    private void startSpares(int n, int gen) {
        for (int i = 0; i < n; i++) {
            synchronized (this) {
                if (gen != generation) {
                    return; // discardSpares() no longer counts this generation's places as starting
                }
            }
            Process p = null;
            try {
                p = Launcher.launch(null, true);
                if (!awaitReady(p)) {
                    p.destroyForcibly();
                    p = null;
                }
            } catch (RuntimeException e) {
                // no spare this time: start() falls back to a cold start
            }
            synchronized (this) {
                if (gen == generation) {
                    starting--;
                }
                if (p != null) {
                    if (spares.size() < size && gen == generation) {
                        spares.add(p);
                        p = null;
                    }
                }
            }
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }

    /**
     * Reads the spare's stderr up to its ready line ({@link SpawnProtocol#READY}); lines before it (JVM warnings)
     * are kept as the last failure. False if the JVM ended first (a bad default option: cold starts show why).
     */
    private boolean awaitReady(Process p) {
        // a spare that is neither ready nor dead after READY_TIMEOUT_SECONDS is ended, so that it cannot hold a
        // "starting" place (and keep the pool from refilling) forever
        var timedOut = new AtomicBoolean();
        var ready = new AtomicBoolean();
        var watch = WATCHDOG.schedule(() -> {
            if (!ready.get() && p.isAlive()) {
                timedOut.set(true);
                p.destroyForcibly();
            }
        }, READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        boolean ok = readUntilReady(p);
        ready.set(ok);
        watch.cancel(false);
        if (timedOut.get()) {
            synchronized (this) {
                lastFailure = "a spare JVM was not ready within " + READY_TIMEOUT_SECONDS + " s and was ended";
            }
            return false;
        }
        return ok;
    }

    /** What the pool is doing, for diagnostics: size, ready and starting spares, failures, the last failure. */
    public synchronized String describe() {
        spares.removeIf(p -> !p.isAlive());
        return "size=" + size + " ready=" + spares.size() + " starting=" + starting + " failures=" + failures
                + " generation=" + generation + " lastFailure=" + lastFailure;
    }

    private boolean readUntilReady(Process p) {
        var in = p.getErrorStream();
        var line = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    if (line.toString().equals(SpawnProtocol.READY)) {
                        return true;
                    }
                    synchronized (this) {
                        lastFailure = line.toString();
                    }
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
        } catch (java.io.IOException e) {
            // the spare died
        }
        synchronized (this) {
            failures++;
        }
        return false;
    }

    /** The last line a spare printed before it was ready or died, or null (diagnostics). */
    public synchronized String lastFailure() {
        return lastFailure;
    }

    /** Ends every spare (options changed, pool switched off, or this JVM shuts down). */
    public void discardSpares() {
        List<Process> old;
        synchronized (this) {
            old = new ArrayList<>(spares);
            spares.clear();
            generation++;
            starting = 0; // spares of the old generation still starting are ended when they finish
            failures = 0;
        }
        for (Process p : old) {
            p.destroyForcibly();
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        var ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jproc-warm-watchdog");
            t.setDaemon(true);
            return t;
        });
        ex.setKeepAliveTime(READY_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
        ex.allowCoreThreadTimeOut(true);
        ex.setRemoveOnCancelPolicy(true);
        return ex;
    }
}
