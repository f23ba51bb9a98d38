package jproc.magics.lifecycle;

import java.util.List;

import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicContext;
import jproc.magics.args.ArgSpec;

/** {@code %terminate NAME...}: SIGTERM, like Process.terminate(). */
public final class TerminateMagic implements Magic {
    static final ArgSpec ARGS = ArgSpec.usage("%terminate NAME...").positional(1, Integer.MAX_VALUE);

    @Override
    public String name() {
        return "terminate";
    }

    @Override
    public String usage() {
        return ARGS.usage();
    }

    @Override
    public String help() {
        return """
                Sends SIGTERM to the named children, like Process.terminate(). A child without a TERM
                handler ends with exit code -15. Use %join to wait for it.

                Example:
                  %terminate producer
                """;
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) {
        SignalMagics.send(ARGS.parse(args).positional(), "TERM");
        return null;
    }
}
