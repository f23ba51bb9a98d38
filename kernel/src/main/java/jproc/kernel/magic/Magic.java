package jproc.kernel.magic;

import java.util.List;

/**
 * One magic command. A line magic is written {@code %name args} on a line of its own (code may surround it); a
 * cell magic is written {@code %%name args} on the first line of a cell and receives the rest of the cell as its
 * body. {@code %name?}, {@code %%name?} and {@code %help name} show {@link #usage()} and {@link #help()}.
 *
 * <p>Implementations are registered by name in one place (the magics module's {@code Magics}); one class per
 * magic. They run on the kernel's cell thread: they may block (the user can interrupt them) and may print to
 * {@code System.out}, which goes to the cell.
 */
public interface Magic {
    /** The name, without {@code %}: letters, digits, {@code _ . -}. */
    String name();

    /** One line: the syntax, e.g. {@code %classpath PATH [PATH...]}. */
    String usage();

    /** What it does, with at least one example; plain text, may span lines. */
    String help();

    /** True if it can be used as {@code %name} (default). */
    default boolean isLine() {
        return true;
    }

    /** True if it can be used as {@code %%name} with a body. */
    default boolean isCell() {
        return false;
    }

    /**
     * Runs the magic.
     *
     * @param context what the magic may use: display, variables, output routing, the engine and process support
     * @param args    the arguments after the name, split like a shell does (quotes group, backslash escapes)
     * @param body    the cell body for {@code %%name}, null for {@code %name}
     * @return a value to show as the cell's result, or null
     * @throws Exception any failure; {@link MagicUsageError} shows the usage line, other exceptions are reported
     *                   like exceptions of notebook code
     */
    Object run(MagicContext context, List<String> args, String body) throws Exception;
}
