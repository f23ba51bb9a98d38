package jproc.magics.channels;

import java.util.List;

import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicContext;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;

/**
 * What the channel-creating magics share: the first argument names both the channel (in the session) and the
 * notebook variable that holds its handle.
 */
abstract class ChannelMagic implements Magic {
    private final ArgSpec args;

    ChannelMagic(ArgSpec args) {
        this.args = args;
    }

    @Override
    public final String usage() {
        return args.usage();
    }

    @Override
    public final Object run(MagicContext context, List<String> words, String body) {
        ParsedArgs a = args.parse(words);
        for (String name : variableNames(a)) {
            checkName(a, name);
        }
        for (Declared d : create(a, a.positional(0, ""), context)) {
            context.declare(d.variable(), d.type(), d.handle());
            System.out.println(d.description() + " -> variable " + d.variable());
        }
        return null;
    }

    /** The arguments that name notebook variables (the first one, unless a magic declares more). */
    List<String> variableNames(ParsedArgs a) {
        return List.of(a.positional(0, ""));
    }

    /** Creates (or opens) the channel; returns the variables to declare. */
    List<Declared> create(ParsedArgs a, String name, MagicContext context) {
        return create(a, name);
    }

    /** Creates (or opens) the channel when the magic needs nothing from the notebook. */
    List<Declared> create(ParsedArgs a, String name) {
        throw new UnsupportedOperationException(name() + " overrides create(args, name, context)");
    }

    /** A channel name is also a Java identifier: letters, digits and _, not starting with a digit. */
    static void checkName(ParsedArgs a, String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,63}") || javax.lang.model.SourceVersion.isKeyword(name)) {
            throw a.error("the name becomes a Java variable: letters, digits and _, not starting with a digit,"
                    + " not a keyword: NAME=" + name);
        }
    }

    /**
     * A notebook variable holding a channel handle.
     *
     * @param variable    the variable name
     * @param type        the variable's Java type as written in code
     * @param handle      the handle
     * @param description what to tell the user ({@code queue jobs, at most 10 items})
     */
    record Declared(String variable, String type, Object handle, String description) {
    }
}
