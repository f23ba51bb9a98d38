package jproc.magics.inspect;

import java.util.List;

import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicContext;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;
import jproc.magics.state.SessionSnapshot;
import jproc.magics.support.Bundles;
import jproc.magics.support.LiveDisplay;
import jproc.magics.support.SessionViews;
import jproc.magics.view.IpcTable;
import jproc.magics.view.View;

/** {@code %ipc [--live]}: every process and channel of the session in one table. */
public final class IpcMagic implements Magic {
    static final ArgSpec ARGS = ArgSpec.usage("%ipc [--live]").flag("--live").positional(0, 0);

    @Override
    public String name() {
        return "ipc";
    }

    @Override
    public String usage() {
        return ARGS.usage();
    }

    @Override
    public String help() {
        return """
                Shows every process and every channel (queues, pipes, values, locks...) of the session in one
                table: processes with their state, channels with a one-line summary of their snapshot.

                  --live   keep it updated in place until every child has ended

                Example:
                  %ipc
                  %ipc --live
                """;
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) {
        ParsedArgs a = ARGS.parse(args);
        if (a.flag("--live")) {
            LiveDisplay.start(context, "ipc", IpcMagic::view);
        } else {
            context.display(Bundles.of(view(SessionViews.read())));
        }
        return null;
    }

    static View view(SessionSnapshot s) {
        return IpcTable.render(s.processes(), s.channels(), s.cycles());
    }
}
