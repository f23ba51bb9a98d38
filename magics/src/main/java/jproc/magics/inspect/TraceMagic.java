package jproc.magics.inspect;

import java.util.ArrayList;
import java.util.List;

import jproc.ipc.trace.Trace;
import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicContext;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;
import jproc.process.ChildProcesses;

/** {@code %trace on|off}: switches event recording for the kernel and the children started from now on. */
public final class TraceMagic implements Magic {
    static final ArgSpec ARGS = ArgSpec.usage("%trace [on|off]").positional(0, 1);
    static final String OFF_OPTION = "-Djproc.trace=false";

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public String usage() {
        return ARGS.usage();
    }

    @Override
    public String help() {
        return """
                Switches event recording on or off. Recording feeds %wiring, %timeline, the per-process
                counts of %inspect and the "blocked on" column of %ps. It is on by default and cheap (a counter
                increment per operation, a ring-buffer record for the first 256 events of a kind per channel,
                then one in 1024; about 1 ns per event, a cost on queue throughput within the benchmark's
                noise: bin/bench channels prints trace_cost_pct). The switch is session-wide: the kernel
                and children started afterwards follow at once, running children within 1024 events of a
                channel. Without an argument, says whether it is on.

                Example:
                  %trace off
                  %trace on
                """;
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) {
        ParsedArgs a = ARGS.parse(args);
        String what = a.positional(0, "status");
        switch (what) {
            case "on" -> set(true);
            case "off" -> set(false);
            case "status" -> {
            }
            default -> throw a.error("say on or off: " + what);
        }
        System.out.println("event recording is " + (Trace.enabled() ? "on" : "off")
                + (what.equals("status") ? "" : " (for the whole session: running children follow within 1024 "
                + "events of a channel)"));
        return null;
    }

    private static void set(boolean on) {
        Trace.setEnabled(on);
        var opts = new ArrayList<>(ChildProcesses.defaultJvmOptions());
        opts.removeIf(o -> o.startsWith("-Djproc.trace="));
        if (!on) {
            opts.add(OFF_OPTION);
        }
        if (!opts.equals(ChildProcesses.defaultJvmOptions())) {
            ChildProcesses.setDefaultJvmOptions(opts); // also replaces warm spares started with the old setting
        }
    }
}
