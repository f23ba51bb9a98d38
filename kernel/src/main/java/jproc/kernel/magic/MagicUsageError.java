package jproc.kernel.magic;

/** A magic was called with wrong arguments; the report shows the message and the magic's usage line. */
public class MagicUsageError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the argument and the value */
    public MagicUsageError(String message) {
        super(message);
    }
}
