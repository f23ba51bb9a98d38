package jproc.magics.inspect;

import java.util.List;
import java.util.Optional;

import jproc.ipc.trace.ChannelCounts;
import jproc.ipc.trace.ProcessTrace;
import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicContext;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;
import jproc.magics.args.UnknownNameException;
import jproc.magics.state.SessionSnapshot;
import jproc.magics.support.Bundles;
import jproc.magics.support.LiveDisplay;
import jproc.magics.support.SessionViews;
import jproc.magics.view.ChannelRow;
import jproc.magics.view.ChannelView;
import jproc.magics.view.DeadlockCycle;
import jproc.magics.view.ProcessRow;
import jproc.magics.view.ProcessTable;
import jproc.magics.view.Table;
import jproc.magics.view.View;

/** {@code %inspect NAME [--live]}: the state of one channel or process. */
public final class InspectMagic implements Magic {
    static final ArgSpec ARGS = ArgSpec.usage("%inspect NAME [--live]").flag("--live").positional(1, 1);

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String usage() {
        return ARGS.usage();
    }

    @Override
    public String help() {
        return """
                Shows the state of a channel or a process, read without disturbing anyone: for a queue its
                depth, put/get counts and the next items (peeked, not consumed); for a value its contents; for
                a lock its owner and waiters; for a semaphore its permits; for a barrier its parties. For a
                process: its row of %ps and what it did to which channel. Names a deadlock cycle it is part of.

                  --live   keep it updated in place until every child has ended

                Example:
                  %queue jobs --maxsize 10
                  %inspect jobs
                  %inspect producer --live
                """;
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) {
        ParsedArgs a = ARGS.parse(args);
        String name = a.positional(0, "");
        View first = view(SessionViews.read(), name); // fails with suggestions before anything is displayed
        if (a.flag("--live")) {
            LiveDisplay.start(context, "inspect-" + name, s -> view(s, name));
        } else {
            context.display(Bundles.of(first));
        }
        return null;
    }

    static View view(SessionSnapshot s, String name) {
        Optional<ChannelRow> ch = s.channels().stream().filter(c -> c.name().equals(name)).findFirst();
        if (ch.isEmpty()) {
            // a pipe made by %pipe A B is named A-B: A and B find it too
            ch = s.channels().stream().filter(c -> c.kind().equals("pipe")
                    && List.of(c.name().split("-")).contains(name)).findFirst();
        }
        if (ch.isPresent()) {
            return ChannelView.render(ch.get(), s.traces(), s.cycles());
        }
        Optional<ProcessRow> p = s.processes().stream().filter(r -> r.name().equals(name))
                .reduce((first, second) -> second.alive() || !first.alive() ? second : first);
        if (p.isPresent()) {
            return process(p.get(), s);
        }
        throw new UnknownNameException("process or channel", name, s.allNames());
    }

    private static View process(ProcessRow row, SessionSnapshot s) {
        List<DeadlockCycle> mine = s.cycles().stream().filter(c -> c.involves(row.pid())).toList();
        View table = ProcessTable.render(List.of(row), mine);
        var used = new Table(List.of("channel", "events"));
        for (ProcessTrace t : s.traces()) {
            if (t.pid() == row.pid()) {
                for (ChannelCounts c : t.channels()) {
                    if (!c.counts().isEmpty()) {
                        used.row(List.of(c.kind() + " " + c.name(), ChannelView.counts(c.counts())));
                    }
                }
            }
        }
        if (used.size() == 0) {
            return table;
        }
        return table.then(View.html("channels used:\n" + used.text(), "<div>channels used:</div>" + used.html()));
    }
}
