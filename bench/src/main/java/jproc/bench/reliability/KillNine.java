package jproc.bench.reliability;

import java.util.Random;

/**
 * The kill -9 figures: rounds on a Queue, a Pipe and a locked Value, each killing workers with SIGKILL at random
 * moments. Figures: {@code kill9_trials} (kills), {@code kill9_lost}, {@code kill9_duplicated},
 * {@code kill9_corrupt}, {@code kill9_hangs}, {@code kill9_owner_deaths_unreported}.
 */
final class KillNine {
    private KillNine() {
    }

    static void run(RunOptions options, Workdir work, ChildLog log, Figures figures) {
        var random = new Random(options.seed());
        int rounds = options.longForm() ? 20 : 3;
        long perProducer = options.longForm() ? 40_000 : 15_000;
        int kills = options.longForm() ? 4 : 3;
        for (String f : new String[] {"kill9_trials", "kill9_lost", "kill9_duplicated", "kill9_corrupt",
                "kill9_hangs", "kill9_owner_deaths_unreported", "kill9_files_left"}) {
            figures.add(f, 0);
        }
        for (int r = 0; r < rounds; r++) {
            var any = RoundPlan.Victims.ANY;
            new KillRound("queue", QueueKillChannel::new, new RoundPlan(r, 3, 3, perProducer, kills, any), random, work,
                    log, figures).run();
            new KillRound("pipe", PipeKillChannel::new, new RoundPlan(r, 3, 2, perProducer, kills, any), random, work,
                    log, figures).run();
            LockedValueRound.run(r, kills, random, work, log, figures, options.longForm());
        }
    }
}
