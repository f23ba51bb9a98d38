package jproc.kernel;

import jproc.kernel.engine.CellError;

/**
 * How a cell ended.
 *
 * @param error why it failed, or null if it succeeded
 */
public record ExecuteOutcome(CellError error) {
    /** Success. */
    public static final ExecuteOutcome OK = new ExecuteOutcome(null);

    /** True if the cell succeeded. */
    public boolean ok() {
        return error == null;
    }
}
