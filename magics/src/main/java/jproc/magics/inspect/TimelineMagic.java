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
import jproc.magics.view.Timeline;
import jproc.magics.view.TimelineChart;
import jproc.magics.view.View;

/** {@code %timeline [--live]}: one lane per process, events over time. */
public final class TimelineMagic implements Magic {
    static final ArgSpec ARGS = ArgSpec.usage("%timeline [--live]").flag("--live").positional(0, 0);

    @Override
    public String name() {
        return "timeline";
    }

    @Override
    public String usage() {
        return ARGS.usage();
    }

    @Override
    public String help() {
        return """
                Charts what each process did over time, one lane per process: start (triangle), exit
                (square, red if the exit code is not 0), puts and gets, sends and receives, acquire and
                release, waits and signals as coloured ticks; amber bars while a process held a lock, red
                bars while it waited. A producer/consumer rhythm, lock hand-offs and a deadlock (two red bars
                running to the right edge) read at a glance. Events come from the trace (see %trace); past
                256 events of one kind on one channel only one in 1024 is drawn, the counts stay exact.

                Example:
                  %timeline
                """;
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) {
        ParsedArgs a = ARGS.parse(args);
        if (a.flag("--live")) {
            LiveDisplay.start(context, "timeline", TimelineMagic::view);
        } else {
            context.display(Bundles.of(view(SessionViews.read())));
        }
        return null;
    }

    static View view(SessionSnapshot s) {
        return TimelineChart.render(Timeline.of(s.traces(), s.processes(), s.nanos()), s.cycles());
    }
}
