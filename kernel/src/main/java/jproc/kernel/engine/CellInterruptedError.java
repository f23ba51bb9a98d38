package jproc.kernel.engine;

/**
 * Thrown inside a cell's code when the user interrupts the cell (the Jupyter "interrupt kernel" button).
 *
 * <p>It is an {@link Error} so that a {@code catch (Exception e)} in notebook code does not swallow it; the
 * kernel reports it as the cell's error and keeps every variable defined so far.
 */
public final class CellInterruptedError extends Error {
    private static final long serialVersionUID = 1L;

    /** Creates the error with the standard message. */
    public CellInterruptedError() {
        super("the cell was interrupted; the kernel keeps its state (variables, methods and classes)");
    }
}
