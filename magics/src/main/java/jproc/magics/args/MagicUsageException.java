package jproc.magics.args;

/**
 * Bad arguments to a magic. The message says what was wrong and ends with the magic's usage line, so the
 * notebook shows the user how to call it.
 */
public class MagicUsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String usage;

    /**
     * @param problem what was wrong ({@code unknown option --wiat})
     * @param usage   the magic's usage line
     */
    public MagicUsageException(String problem, String usage) {
        super(problem + "\nusage: " + usage);
        this.usage = usage;
    }

    /** The usage line of the magic. */
    public String usage() {
        return usage;
    }
}
