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
import jproc.magics.view.View;
import jproc.magics.view.Wiring;
import jproc.magics.view.WiringGraph;

/** {@code %wiring [--live]}: an SVG graph of who put, got or acquired what. */
public final class WiringMagic implements Magic {
    static final ArgSpec ARGS = ArgSpec.usage("%wiring [--live]").flag("--live").positional(0, 0);

    @Override
    public String name() {
        return "wiring";
    }

    @Override
    public String usage() {
        return ARGS.usage();
    }

    @Override
    public String help() {
        return """
                Draws the processes (left and right columns) and channels (middle) of the session as a graph.
                An edge joins a process to a channel it used, labelled with counts ("put x120, get x3"); the
                arrow points the way data flowed (into a queue on put, out of it on get); dashed edges are
                lock acquire/release. A thick edge is a lock a process holds now, a red one a wait now: a
                deadlock shows as a loop of thick and red edges. Counts come from the event trace (see %trace).

                  --live   keep it updated in place until every child has ended

                Example:
                  %wiring
                """;
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) {
        ParsedArgs a = ARGS.parse(args);
        if (a.flag("--live")) {
            LiveDisplay.start(context, "wiring", WiringMagic::view);
        } else {
            context.display(Bundles.of(view(SessionViews.read())));
        }
        return null;
    }

    static View view(SessionSnapshot s) {
        return WiringGraph.render(Wiring.of(s.traces(), s.processes(), s.channels(), s.holdings()));
    }
}
