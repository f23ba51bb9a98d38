package jproc.magics.args;

import jproc.kernel.magic.MagicUsageError;

/**
 * Bad arguments to a magic. The message says what was wrong; the kernel shows it with the magic's usage line
 * ({@link #usage()} keeps it for callers outside the kernel).
 */
public class MagicUsageException extends MagicUsageError {
    private static final long serialVersionUID = 1L;
    private final String usage;

    /**
     * @param problem what was wrong ({@code unknown option --wiat})
     * @param usage   the magic's usage line
     */
    public MagicUsageException(String problem, String usage) {
        super(problem);
        this.usage = usage;
    }

    /** The usage line of the magic. */
    public String usage() {
        return usage;
    }
}
