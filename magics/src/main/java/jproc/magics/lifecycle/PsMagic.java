package jproc.magics.lifecycle;

import java.util.List;

import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicContext;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;
import jproc.magics.state.SessionSnapshot;
import jproc.magics.support.Bundles;
import jproc.magics.support.LiveDisplay;
import jproc.magics.support.SessionViews;
import jproc.magics.view.ProcessTable;
import jproc.magics.view.View;

/** {@code %ps}: the process table (name, pid, state, blocked on, exit code, CPU, memory, uptime). */
public final class PsMagic implements Magic {
    static final ArgSpec ARGS = ArgSpec.usage("%ps [--live]").flag("--live").positional(0, 0);

    @Override
    public String name() {
        return "ps";
    }

    @Override
    public String usage() {
        return ARGS.usage();
    }

    @Override
    public String help() {
        return """
                Shows every process of the session: the kernel (main) and each child, with its pid, state,
                what it is blocked on (a queue get, a lock acquire...), exit code (negative: the signal that
                ended it), CPU time, resident memory and uptime (for an ended child: the CPU time it used in all,
                its peak memory and how long it ran, as it recorded them when exiting; "-" after SIGKILL). Read
                from /proc and the trace files without disturbing the processes. Processes waiting for each
                other in a cycle of locks are marked deadlocked and the cycle is named.

                  --live   keep the table updated in place until every child has ended

                Example:
                  %ps
                  %ps --live
                """;
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) {
        ParsedArgs a = ARGS.parse(args);
        if (a.flag("--live")) {
            LiveDisplay.start(context, "ps", PsMagic::view);
        } else {
            context.display(Bundles.of(view(SessionViews.read())));
        }
        return null;
    }

    static View view(SessionSnapshot s) {
        return ProcessTable.render(s.processes(), s.cycles());
    }
}
