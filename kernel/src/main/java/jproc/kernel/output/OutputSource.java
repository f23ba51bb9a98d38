package jproc.kernel.output;

/**
 * A named producer of lines attached to a cell, such as a child process. Lines show under the cell as
 * {@code [name] line} (stderr lines in red once the cell has finished). While a source is open, the cell counts as
 * having live output, so a display for late output is kept under it when it finishes.
 *
 * <p>Thread-safe; {@link #close()} is idempotent.
 */
public interface OutputSource extends AutoCloseable {
    /** One line printed on stdout (without its terminator). */
    void out(String line);

    /** One line printed on stderr (without its terminator). */
    void err(String line);

    /** The source ended (no more lines). */
    @Override
    void close();
}
