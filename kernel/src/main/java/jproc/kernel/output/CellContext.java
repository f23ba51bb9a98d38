package jproc.kernel.output;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One execution of a cell: the request its output belongs to, and whether it is still running.
 *
 * <p>Captured when the cell starts, inherited by every thread the cell starts (through an
 * {@link InheritableThreadLocal}) and by every child process sink opened while it runs, so that output printed
 * later still lands under this cell. Thread-safe; state changes are guarded by the context's monitor.
 */
public final class CellContext {
    private static final AtomicLong SERIAL = new AtomicLong();

    private final Object parent;
    private final int executionCount;
    private final boolean allowStdin;
    private final long serial = SERIAL.incrementAndGet();

    // guarded by this
    boolean running = true;
    StringBuilder outChunk;
    StringBuilder errChunk;
    LateOutput late;
    int openSources;

    /**
     * @param parent         the protocol's request handle (opaque to the kernel)
     * @param executionCount the cell's execution count
     * @param allowStdin     whether the frontend can answer input requests for this cell
     */
    public CellContext(Object parent, int executionCount, boolean allowStdin) {
        this.parent = parent;
        this.executionCount = executionCount;
        this.allowStdin = allowStdin;
    }

    /** The protocol's request handle. */
    public Object parent() {
        return parent;
    }

    /** The execution count shown in the frontend ({@code In [n]}). */
    public int executionCount() {
        return executionCount;
    }

    /** True if the frontend accepts input requests for this cell. */
    public boolean allowsStdin() {
        return allowStdin;
    }

    /** True until the cell's execution has finished (threads and children it started may still run). */
    public synchronized boolean isRunning() {
        return running;
    }

    /** The number of open output sources (children) attached to this cell. */
    public synchronized int openSources() {
        return openSources;
    }

    @Override
    public String toString() {
        return "cell[" + executionCount + "#" + serial + "]";
    }
}
