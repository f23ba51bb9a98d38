package jproc.bench.reliability;

import java.nio.file.Path;
import java.time.Duration;

import jproc.ipc.queue.ProcessQueue;

/**
 * The code of the load test's children: producers put {@code (producer, seq)} keys as 8-byte items; consumers
 * check each producer's order as they see it and mark every key in a bitset in their books, which the parent
 * merges to find lost and duplicated items.
 */
public final class LoadWorkers {
    /** Consumer books: items received. */
    public static final int RECEIVED = 0;
    /** Consumer books: items of one producer seen out of order by this consumer. */
    public static final int ORDER_VIOLATIONS = 1;
    /** Consumer books: items that were not valid keys. */
    public static final int CORRUPT = 2;
    /** Consumer books: items this consumer saw twice. */
    public static final int DUPLICATED = 3;
    /** Consumer books: first slot of the bitset, bit {@code producer * perProducer + seq}. */
    public static final int BITS = 8;

    private LoadWorkers() {
    }

    /** Books slots a consumer needs. */
    public static int slots(int producers, long perProducer) {
        return BITS + (int) ((producers * perProducer + 63) / 64);
    }

    public static void producer(WorkerJob job, ProcessQueue<Long> queue) {
        long base = (long) job.id() << 40;
        for (long seq = 0; seq < job.count(); seq++) {
            queue.put(base | seq);
        }
    }

    /** Consumes until a {@link KillWorkers#STOP}; {@code job.count()} is the per-producer count, id the producers. */
    public static void consumer(WorkerJob job, ProcessQueue<Long> queue) {
        int producers = job.id();
        long perProducer = job.count();
        long[] last = new long[producers];
        java.util.Arrays.fill(last, -1);
        long[] bits = new long[job.slots() - BITS];
        long received = 0;
        long order = 0;
        long corrupt = 0;
        long dup = 0;
        while (true) {
            Long item = queue.poll(Duration.ofMillis(500));
            if (item == null) {
                continue;
            }
            long key = item;
            if (key == KillWorkers.STOP) {
                break;
            }
            received++;
            int p = Frames.keyProducer(key);
            long seq = Frames.keySeq(key);
            if (p < 0 || p >= producers || seq >= perProducer) {
                corrupt++;
                continue;
            }
            if (seq <= last[p]) {
                order++;
            }
            last[p] = seq;
            long bit = p * perProducer + seq;
            long mask = 1L << (bit & 63);
            int word = (int) (bit >>> 6);
            if ((bits[word] & mask) != 0) {
                dup++;
            }
            bits[word] |= mask;
        }
        try (var books = SharedLongs.open(Path.of(job.books()), job.slots())) {
            for (int i = 0; i < bits.length; i++) {
                books.set(BITS + i, bits[i]);
            }
            books.set(ORDER_VIOLATIONS, order);
            books.set(CORRUPT, corrupt);
            books.set(DUPLICATED, dup);
            books.set(RECEIVED, received);
        }
    }
}
