package jproc.bench.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import jproc.process.ChildProcess;

/**
 * One kill -9 round on a Queue or a Pipe: several producer and consumer JVMs move self-checking frames while the
 * parent kills workers with SIGKILL at random moments (chosen by progress, so each kill lands while messages
 * flow). Then the survivors finish, the parent drains what is left, accounts for every message ({@link Ledger})
 * and checks that the channel still works across processes.
 */
final class KillRound {
    private static final Duration FINISH = Duration.ofSeconds(60);

    private final String kind;
    private final Function<String, KillChannel> channels;
    private final int round;
    private final int producers;
    private final int consumers;
    private final long perProducer;
    private final int kills;
    private final RoundPlan.Victims victims;
    private final Random random;
    private final Workdir work;
    private final ChildLog log;
    private final Figures figures;

    KillRound(String kind, Function<String, KillChannel> channels, RoundPlan plan, Random random, Workdir work,
              ChildLog log, Figures figures) {
        this.kind = kind;
        this.channels = channels;
        this.round = plan.round();
        this.producers = plan.producers();
        this.consumers = plan.consumers();
        this.perProducer = plan.perProducer();
        this.kills = plan.kills();
        this.victims = plan.victims();
        this.random = random;
        this.work = work;
        this.log = log;
        this.figures = figures;
    }

    private String area() {
        return "kill9 " + kind + " round " + round;
    }

    void run() {
        String name = "rel-" + kind + "-" + round + "-" + ProcessHandle.current().pid();
        int consumerSlots = WorkerJob.KEYS + (int) (producers * perProducer) + 8;
        var prodBooks = new ArrayList<SharedLongs>();
        var consBooks = new ArrayList<SharedLongs>();
        var prods = new ArrayList<ChildProcess>();
        var cons = new ArrayList<ChildProcess>();
        var killed = new ArrayList<ChildProcess>();
        log.note(area() + " starts");
        try (KillChannel channel = channels.apply(name)) {
            try {
                for (int c = 0; c < consumers; c++) {
                    Path f = work.file(name + "-c" + c);
                    consBooks.add(SharedLongs.create(f, consumerSlots));
                    cons.add(start(channel.consumer(childName("c" + c), new WorkerJob(c, 0, f.toString(),
                            consumerSlots))));
                }
                for (int p = 0; p < producers; p++) {
                    Path f = work.file(name + "-p" + p);
                    prodBooks.add(SharedLongs.create(f, 4));
                    prods.add(start(channel.producer(childName("p" + p), new WorkerJob(p, perProducer, f.toString(),
                            4))));
                }
                injectKills(prods, cons, prodBooks, killed);
                long hangs = joinAll(prods, "producer", killed);
                channel.producersDone(cons.stream().filter(ChildProcess::isAlive).toList());
                hangs += joinAll(cons, "consumer", killed);
                figures.add("kill9_hangs", hangs);
                try {
                    account(prodBooks, consBooks, prods, cons, killed, channel);
                    probe(channel, name);
                } catch (RuntimeException e) {
                    figures.add("kill9_corrupt", 1);
                    figures.finding(area(), "after the kills the parent's use of the " + kind + " failed: " + e
                            + "; kills: " + killed.stream().map(p -> p.name() + " pid " + p.pid()).toList());
                }
            } finally {
                for (ChildProcess p : prods) {
                    killQuietly(p);
                }
                for (ChildProcess c : cons) {
                    killQuietly(c);
                }
                prodBooks.forEach(SharedLongs::close);
                consBooks.forEach(SharedLongs::close);
            }
        } catch (RuntimeException e) {
            figures.add("suite_errors", 1);
            figures.finding(area(), "the round failed: " + e);
            log.note(area() + " failed: " + e);
        }
        var pids = new ArrayList<Long>();
        prods.forEach(p -> pids.add(p.pid()));
        cons.forEach(c -> pids.add(c.pid()));
        Leftovers.checkRemoved(area(), name, pids, killed, figures);
        log.note(area() + " ends");
    }

    private String childName(String role) {
        return kind + round + "-" + role;
    }

    private ChildProcess start(ChildProcess p) {
        p.output(log);
        p.start();
        return p;
    }

    /** Kills {@link #kills} workers, each once total acknowledged progress passes a random fraction. */
    private void injectKills(List<ChildProcess> prods, List<ChildProcess> cons, List<SharedLongs> prodBooks,
                             List<ChildProcess> killed) {
        double[] at = new double[kills];
        for (int i = 0; i < kills; i++) {
            at[i] = 0.05 + 0.85 * random.nextDouble();
        }
        java.util.Arrays.sort(at);
        long total = producers * perProducer;
        long deadline = System.nanoTime() + FINISH.toNanos();
        for (double fraction : at) {
            while (System.nanoTime() < deadline) {
                long done = 0;
                for (SharedLongs b : prodBooks) {
                    done += b.get(WorkerJob.ACKED);
                }
                boolean anyProducer = prods.stream().anyMatch(p -> p.isAlive() && !killed.contains(p));
                if (done >= fraction * total || !anyProducer) {
                    break;
                }
                sleepMicros(200 + random.nextInt(800));
            }
            var candidates = new ArrayList<ChildProcess>();
            for (ChildProcess p : prods) {
                if (p.isAlive() && !killed.contains(p) && victims != RoundPlan.Victims.CONSUMERS) {
                    candidates.add(p);
                }
            }
            long liveConsumers = cons.stream().filter(c -> c.isAlive() && !killed.contains(c)).count();
            if (liveConsumers > 1 && victims != RoundPlan.Victims.PRODUCERS) {
                for (ChildProcess c : cons) {
                    if (c.isAlive() && !killed.contains(c)) {
                        candidates.add(c);
                    }
                }
            }
            if (candidates.isEmpty()) {
                break;
            }
            ChildProcess victim = candidates.get(random.nextInt(candidates.size()));
            log.note(area() + ": kill -9 " + victim.name() + " pid " + victim.pid());
            victim.kill();
            killed.add(victim);
            figures.add("kill9_trials", 1);
        }
    }

    private long joinAll(List<ChildProcess> list, String role, List<ChildProcess> killed) {
        long hangs = 0;
        long deadline = System.nanoTime() + FINISH.toNanos();
        for (ChildProcess p : list) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (!p.join(left)) {
                hangs++;
                figures.finding(area(), role + " " + p.name() + " (pid " + p.pid() + ") did not finish within "
                        + FINISH.toSeconds() + " s; stderr: " + log.errorsOf(p.name(), 5));
                p.kill();
                p.join(5_000);
            } else if (killed.contains(p)) {
                if (p.exitCode() == null || p.exitCode() != -9) {
                    figures.finding(area() + " (lifecycle, not counted)", role + " " + p.name() + " was killed with "
                            + "SIGKILL but exitCode() is " + p.exitCode() + ", not -9 (killed while it was exiting?)");
                }
            } else if (p.exitCode() == null || p.exitCode() != 0) {
                figures.add("kill9_corrupt", 1);
                figures.finding(area(), role + " " + p.name() + " failed with exit code " + p.exitCode() + ": "
                        + log.errorsOf(p.name(), 8));
            }
        }
        return hangs;
    }

    private void account(List<SharedLongs> prodBooks, List<SharedLongs> consBooks, List<ChildProcess> prods,
                         List<ChildProcess> cons, List<ChildProcess> killed, KillChannel channel) {
        long[] acked = new long[producers];
        long[] sent = new long[producers];
        for (int p = 0; p < producers; p++) {
            SharedLongs b = prodBooks.get(p);
            acked[p] = b.get(WorkerJob.ACKED);
            boolean mayHaveSentOneMore = killed.contains(prods.get(p)) && b.get(WorkerJob.DONE) == 0;
            sent[p] = Math.min(perProducer, acked[p] + (mayHaveSentOneMore ? 1 : 0));
        }
        var ledger = new Ledger(acked, sent);
        long excused = 0;
        for (int c = 0; c < consumers; c++) {
            SharedLongs b = consBooks.get(c);
            long n = b.get(WorkerJob.LOGGED);
            for (int i = 0; i < n; i++) {
                long key = b.get(WorkerJob.KEYS + i);
                if (key != KillWorkers.BAD_KEY) {
                    ledger.delivered(key, cons.get(c).name());
                }
            }
            ledger.corrupt(b.get(WorkerJob.CORRUPT), cons.get(c).name());
            if (killed.contains(cons.get(c)) && b.get(WorkerJob.IN_GET) == 1) {
                excused++;
            }
        }
        channel.drain(item -> deliver(ledger, item, "the parent's final drain"));
        long missing = ledger.missing();
        long lost = Math.max(0, missing - excused);
        figures.add("kill9_lost", lost);
        figures.add("kill9_duplicated", ledger.duplicated());
        figures.add("kill9_corrupt", ledger.corrupt());
        figures.add("kill9_messages_acknowledged", ledger.acknowledged());
        figures.add("kill9_messages_delivered", ledger.delivered());
        figures.add("kill9_unlogged_by_killed_consumers", Math.min(missing, excused));
        if (lost > 0 || ledger.duplicated() > 0 || ledger.corrupt() > 0) {
            figures.finding(area(), "lost=" + lost + " (missing " + missing + ", excused " + excused
                    + " for consumers killed inside get) duplicated=" + ledger.duplicated() + " corrupt="
                    + ledger.corrupt() + "; " + ledger.problems());
        }
    }

    private static void deliver(Ledger ledger, Object item, String where) {
        String bad = Frames.check(item);
        if (bad != null) {
            ledger.corrupt(1, where + " (" + bad + ")");
        } else {
            byte[] b = (byte[]) item;
            ledger.delivered(Frames.key(Frames.producer(b), Frames.seq(b)), where);
        }
    }

    /** After the kills, a fresh child sends 200 frames through the same channel and the parent gets them in order. */
    private void probe(KillChannel channel, String name) {
        Path f = work.file(name + "-probe");
        int probeId = 1000 + round;
        int n = 200;
        try (var books = SharedLongs.create(f, 4)) {
            ChildProcess child = start(channel.probeProducer(childName("probe"), new WorkerJob(probeId, n,
                    f.toString(), 4)));
            try {
                for (long seq = 0; seq < n; seq++) {
                    Object item = channel.probeReceive(Duration.ofSeconds(20));
                    String bad = Frames.check(item);
                    if (bad != null || Frames.producer((byte[]) item) != probeId || Frames.seq((byte[]) item) != seq) {
                        figures.add("kill9_corrupt", 1);
                        figures.finding(area(), "after the kills, probe message " + seq + " came back wrong: "
                                + (bad != null ? bad : "producer " + Frames.producer((byte[]) item) + " seq "
                                + Frames.seq((byte[]) item)));
                        return;
                    }
                }
                if (!child.join(20_000)) {
                    figures.add("kill9_hangs", 1);
                    figures.finding(area(), "the probe child did not end after sending");
                }
            } catch (RuntimeException e) {
                figures.add("kill9_corrupt", 1);
                figures.finding(area(), "after the kills the channel no longer works across processes: " + e);
            } finally {
                killQuietly(child);
            }
        }
    }

    static void killQuietly(ChildProcess p) {
        try {
            if (p.isAlive()) {
                p.kill();
                p.join(5_000);
            }
        } catch (RuntimeException e) {
            // already gone
        }
    }

    private static void sleepMicros(long micros) {
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
