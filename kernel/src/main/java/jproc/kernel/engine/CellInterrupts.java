package jproc.kernel.engine;

/**
 * The interrupt check that instrumented snippet code calls at every method entry and backward branch.
 *
 * <p>The fast path is one volatile read; it throws {@link CellInterruptedError} only on the thread whose cell was
 * interrupted, so threads a cell started keep running (as in Python, where {@code KeyboardInterrupt} hits the
 * main thread only).
 */
public final class CellInterrupts {
    private static volatile Thread target;

    private CellInterrupts() {
    }

    /** Called by instrumented code; throws if the calling thread's cell was interrupted. */
    public static void poll() {
        Thread t = target;
        if (t != null && t == Thread.currentThread()) {
            throw new CellInterruptedError();
        }
    }

    /** Makes every later {@link #poll()} on {@code thread} throw, until {@link #clear()}. */
    static void request(Thread thread) {
        target = thread;
    }

    /** True if an interrupt is pending for {@code thread}. */
    static boolean pending(Thread thread) {
        return target == thread;
    }

    /** Ends the interrupt (the cell has finished). */
    static void clear() {
        target = null;
    }
}
