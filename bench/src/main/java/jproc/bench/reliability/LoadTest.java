package jproc.bench.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jproc.ipc.queue.ProcessQueue;
import jproc.process.ChildProcess;

/**
 * 64 children on one queue: 48 producers and 16 consumers move 1 M items (10 M with {@code --long}); every
 * consumer checks each producer's order as it sees it, and the parent merges their bitsets to count lost and
 * duplicated items. Figures: {@code load_children}, {@code load_messages}, {@code load_lost},
 * {@code load_order_violations}, {@code load_duplicated}, {@code load_corrupt}, {@code load_msgs_per_s}.
 */
final class LoadTest {
    private static final int PRODUCERS = 48;
    private static final int CONSUMERS = 16;

    private LoadTest() {
    }

    static void run(RunOptions options, Workdir work, ChildLog log, Figures figures) {
        long total = options.longForm() ? 10_000_000L : 1_000_000L;
        long perProducer = (total + PRODUCERS - 1) / PRODUCERS;
        long timeoutMs = options.longForm() ? 1_200_000 : 240_000;
        String name = "rel-load-" + ProcessHandle.current().pid();
        int slots = LoadWorkers.slots(PRODUCERS, perProducer);
        var books = new ArrayList<SharedLongs>();
        var consumers = new ArrayList<ChildProcess>();
        var producers = new ArrayList<ChildProcess>();
        figures.set("load_children", PRODUCERS + CONSUMERS);
        try (ProcessQueue<Long> queue = ProcessQueue.of(name)) {
            try {
                for (int c = 0; c < CONSUMERS; c++) {
                    Path f = work.file(name + "-c" + c);
                    books.add(SharedLongs.create(f, slots));
                    var job = new WorkerJob(PRODUCERS, perProducer, f.toString(), slots);
                    consumers.add(start(new ChildProcess("load-c" + c, LoadWorkers::consumer, job, queue), log));
                }
                for (int p = 0; p < PRODUCERS; p++) {
                    var job = new WorkerJob(p, perProducer, "", 0);
                    producers.add(start(new ChildProcess("load-p" + p, LoadWorkers::producer, job, queue), log));
                }
                long t0 = System.nanoTime();
                long deadline = t0 + timeoutMs * 1_000_000;
                long hangs = join(producers, deadline, figures, log);
                for (int c = 0; c < CONSUMERS; c++) {
                    queue.put(KillWorkers.STOP);
                }
                hangs += join(consumers, deadline, figures, log);
                long seconds100 = Math.max(1, (System.nanoTime() - t0) / 10_000_000);
                figures.set("load_messages", PRODUCERS * perProducer);
                figures.set("load_msgs_per_s", PRODUCERS * perProducer * 100 / seconds100, "msg/s (64 JVMs, 2 cores)");
                account(books, perProducer, figures, hangs);
            } finally {
                producers.forEach(KillRound::killQuietly);
                consumers.forEach(KillRound::killQuietly);
                books.forEach(SharedLongs::close);
            }
        }
    }

    private static ChildProcess start(ChildProcess p, ChildLog log) {
        p.output(log);
        p.start();
        return p;
    }

    private static long join(List<ChildProcess> list, long deadline, Figures figures, ChildLog log) {
        long hangs = 0;
        for (ChildProcess p : list) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (!p.join(left)) {
                hangs++;
                figures.finding("load", p.name() + " did not finish in time");
                p.kill();
            } else if (p.exitCode() == null || p.exitCode() != 0) {
                figures.finding("load", p.name() + " ended with exit code " + p.exitCode() + ": "
                        + log.errorsOf(p.name(), 8));
            }
        }
        return hangs;
    }

    private static void account(List<SharedLongs> books, long perProducer, Figures figures, long hangs) {
        long total = PRODUCERS * perProducer;
        int words = (int) ((total + 63) / 64);
        long[] union = new long[words];
        long dup = 0;
        long order = 0;
        long corrupt = 0;
        long received = 0;
        for (SharedLongs b : books) {
            received += b.get(LoadWorkers.RECEIVED);
            order += b.get(LoadWorkers.ORDER_VIOLATIONS);
            corrupt += b.get(LoadWorkers.CORRUPT);
            dup += b.get(LoadWorkers.DUPLICATED);
            for (int w = 0; w < words; w++) {
                long bits = b.get(LoadWorkers.BITS + w);
                dup += Long.bitCount(union[w] & bits);
                union[w] |= bits;
            }
        }
        long unique = 0;
        for (long w : union) {
            unique += Long.bitCount(w);
        }
        long lost = total - unique;
        figures.set("load_lost", lost);
        figures.set("load_order_violations", order);
        figures.set("load_duplicated", dup);
        figures.set("load_corrupt", corrupt);
        figures.set("load_hangs", hangs);
        if (lost != 0 || order != 0 || dup != 0 || corrupt != 0 || hangs != 0) {
            figures.finding("load", "of " + total + " items, " + received + " received, " + unique + " distinct; lost="
                    + lost + " order_violations=" + order + " duplicated=" + dup + " corrupt=" + corrupt + " hangs="
                    + hangs);
        }
    }
}
