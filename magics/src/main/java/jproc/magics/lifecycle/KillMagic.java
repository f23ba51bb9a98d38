package jproc.magics.lifecycle;

import java.util.List;

import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicContext;
import jproc.magics.args.ArgSpec;

/** {@code %kill NAME...}: SIGKILL, like Process.kill(). */
public final class KillMagic implements Magic {
    static final ArgSpec ARGS = ArgSpec.usage("%kill NAME...").positional(1, Integer.MAX_VALUE);

    @Override
    public String name() {
        return "kill";
    }

    @Override
    public String usage() {
        return ARGS.usage();
    }

    @Override
    public String help() {
        return """
                Sends SIGKILL to the named children, like Process.kill(): they end at once with exit code -9,
                without running any handler. A lock a killed child held is reported as owner-died to the next
                process that takes it.

                Example:
                  %kill consumer
                """;
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) {
        SignalMagics.send(ARGS.parse(args).positional(), "KILL");
        return null;
    }
}
