package jproc.bench.reliability;

import java.nio.file.Path;
import java.util.Random;

/**
 * A manual repro driver (not a test): {@code KillLoop queue|pipe any|producers|consumers ROUNDS [seed]} runs kill -9
 * rounds of one shape and prints the figures and findings, to narrow down which kills break a channel.
 */
public final class KillLoop {
    private KillLoop() {
    }

    public static void main(String[] args) {
        String kind = args[0];
        var victims = RoundPlan.Victims.valueOf(args[1].toUpperCase());
        int rounds = Integer.parseInt(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : System.nanoTime();
        var figures = new Figures();
        var random = new Random(seed);
        try (var work = new Workdir("jproc-killloop-");
             var log = new ChildLog(Path.of("target/reliability/killloop.log"))) {
            jproc.process.ChildProcesses.setDefaultOutput(log);
            for (int r = 0; r < rounds; r++) {
                int np = args.length > 4 ? Integer.parseInt(args[4]) : 2;
                int nc = args.length > 5 ? Integer.parseInt(args[5]) : 2;
                var plan = new RoundPlan(r, np, nc, 15_000, 3, victims);
                if (kind.equals("value")) {
                    LockedValueRound.run(r, 3, random, work, log, figures, false);
                    continue;
                }
                new KillRound(kind, kind.equals("queue") ? QueueKillChannel::new : PipeKillChannel::new, plan, random,
                        work, log, figures).run();
            }
        }
        jproc.process.ChildProcesses.killAll(3_000);
        Leftovers.finish(figures);
        figures.print(System.out);
        System.exit(0);
    }
}
