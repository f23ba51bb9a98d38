package jproc.kernel.output;

/**
 * Notebook code read {@code System.in} but the frontend does not accept input requests for this cell
 * ({@code allow_stdin} is false, as in nbconvert/nbclient runs).
 */
public final class StdinUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its explanation. */
    public StdinUnavailableException() {
        super("this cell read System.in, but the frontend does not accept input requests (allow_stdin=false, as in"
                + " headless runs such as nbconvert or nbclient): pass the value in code instead, or run the"
                + " notebook in Jupyter Notebook or JupyterLab");
    }
}
