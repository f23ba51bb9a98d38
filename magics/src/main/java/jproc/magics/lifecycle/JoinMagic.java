package jproc.magics.lifecycle;

import java.util.ArrayList;
import java.util.List;

import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicContext;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;
import jproc.magics.support.ProcessNames;
import jproc.magics.view.ProcessTable;
import jproc.process.ChildProcess;
import jproc.process.ChildProcesses;

/** {@code %join NAME...|--all [--timeout S]}: waits for children to end. */
public final class JoinMagic implements Magic {
    static final ArgSpec ARGS = ArgSpec.usage("%join NAME... | --all [--timeout S]").flag("--all")
            .option("--timeout", "-t").positional(0, Integer.MAX_VALUE);

    @Override
    public String name() {
        return "join";
    }

    @Override
    public String usage() {
        return ARGS.usage();
    }

    @Override
    public String help() {
        return """
                Waits until the named children (or every running child with --all) have ended and all their
                output has arrived, like Process.join(). With --timeout S it waits at most S seconds in total
                and says which ones still run. Interrupting the cell stops the wait.

                Example:
                  %join producer consumer
                  %join --all --timeout 10
                """;
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) {
        ParsedArgs a = ARGS.parse(args);
        boolean all = a.flag("--all");
        if (all == !a.positional().isEmpty()) {
            throw a.error(all ? "give names or --all, not both" : "name the processes to wait for, or use --all");
        }
        double timeout = a.secondsOption("--timeout", -1);
        List<ChildProcess> procs = all ? ChildProcesses.activeChildren() : ProcessNames.findAll(a.positional());
        long deadline = timeout < 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (timeout * 1e9);
        var still = new ArrayList<String>();
        var lines = new ArrayList<String>();
        for (ChildProcess p : procs) {
            boolean ended;
            if (deadline == Long.MAX_VALUE) {
                p.join();
                ended = true;
            } else {
                long left = Math.max(0, deadline - System.nanoTime());
                ended = p.join(java.time.Duration.ofNanos(left));
            }
            if (ended) {
                lines.add(p.name() + " (pid " + p.pid() + ") exit " + ProcessTable.exitText(p.exitCode()));
            } else {
                still.add(p.name());
            }
        }
        if (procs.isEmpty()) {
            System.out.println("no running children");
        }
        lines.forEach(System.out::println);
        if (!still.isEmpty()) {
            System.out.println("still running after " + timeout + " s: " + String.join(", ", still));
        }
        return null;
    }
}
