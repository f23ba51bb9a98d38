package jproc.process.spawn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre-started agent JVMs with the default options (the mirror of Python's forkserver): {@code start()} takes
 * one and sends it the SPAWN frame, skipping JVM start-up; a background thread then starts a replacement.
 * Size 1 by default; 0 switches it off (system property {@code jproc.warmPool} sets the initial size). The
 * spares read their stdin like any child, so they die with the parent.
 */
public final class WarmPool {
    private static final WarmPool INSTANCE = new WarmPool(Integer.getInteger("jproc.warmPool", 1));

    private final ArrayDeque<Process> spares = new ArrayDeque<>();
    private int size;
    private int starting;
    private int generation;

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

    /** Takes a live spare, or null if none is ready; a replacement is started in the background. */
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
        refill();
        return p;
    }

    /** Starts replacements in the background until {@link #size()} spares exist or are starting. */
    public void refill() {
        int n;
        synchronized (this) {
            n = size - spares.size() - starting;
            if (n <= 0) {
                return;
            }
            starting += n;
        }
        int count = n;
        Thread t = new Thread(() -> startSpares(count), "jproc-warm-refill");
        t.setDaemon(true);
        t.start();
    }

    private void startSpares(int n) {
        for (int i = 0; i < n; i++) {
            int gen;
            synchronized (this) {
                gen = generation;
            }
            Process p = null;
            try {
                p = Launcher.launch(null, true);
            } catch (RuntimeException e) {
                // no spare this time: start() falls back to a cold start
            }
            synchronized (this) {
                starting--;
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

    /** Ends every spare (options changed, pool switched off, or this JVM shuts down). */
    public void discardSpares() {
        List<Process> old;
        synchronized (this) {
            old = new ArrayList<>(spares);
            spares.clear();
            generation++;
        }
        for (Process p : old) {
            p.destroyForcibly();
        }
    }
}
