package jproc.bench.reliability;

import java.nio.file.Path;
import java.time.Duration;

import jproc.ipc.queue.ProcessQueue;

/**
 * The code the kill -9 rounds run in their child JVMs. Every worker writes what it did into its own bookkeeping
 * file right after the channel call returns, so the parent can account for every message even when the worker was
 * killed at a random moment.
 */
public final class KillWorkers {
    /** The item that tells a queue consumer to stop. */
    public static final Long STOP = -1L;
    /** A logged key that stands for a corrupt item (counted apart). */
    public static final long BAD_KEY = -1L;

    private KillWorkers() {
    }

    /** Puts {@code job.count()} frames on the queue, acknowledging each after {@code put} returned. */
    public static void queueProducer(WorkerJob job, ProcessQueue<Object> queue) {
        try (var books = SharedLongs.open(Path.of(job.books()), job.slots())) {
            for (long seq = 0; seq < job.count(); seq++) {
                byte[] frame = Frames.make(job.id(), seq);
                books.set(WorkerJob.IN_PUT, 1);
                queue.put(frame);
                books.set(WorkerJob.ACKED, seq + 1);
                books.set(WorkerJob.IN_PUT, 0);
            }
            books.set(WorkerJob.DONE, 1);
        }
    }

    /** Gets items until a {@link #STOP}, logging each frame's key after {@code get} returned. */
    public static void queueConsumer(WorkerJob job, ProcessQueue<Object> queue) {
        try (var books = SharedLongs.open(Path.of(job.books()), job.slots())) {
            while (true) {
                books.set(WorkerJob.IN_GET, 1);
                Object item = queue.poll(Duration.ofMillis(200));
                if (item == null) {
                    books.set(WorkerJob.IN_GET, 0);
                    continue;
                }
                if (STOP.equals(item)) {
                    books.set(WorkerJob.IN_GET, 0);
                    return;
                }
                log(books, item);
            }
        }
    }

    /**
     * Logs the key of a received item at once (the item is consumed: the window in which a kill loses it unlogged is
     * a few stores), then checks its integrity; a corrupt item's key is overwritten with {@link #BAD_KEY}.
     */
    static void log(SharedLongs books, Object item) {
        long key = BAD_KEY;
        if (item instanceof byte[] b && b.length >= 16) {
            key = Frames.key(Frames.producer(b), Frames.seq(b));
        }
        long n = books.get(WorkerJob.LOGGED);
        books.set(WorkerJob.KEYS + (int) n, key);
        books.set(WorkerJob.LOGGED, n + 1);
        books.set(WorkerJob.IN_GET, 0);
        String bad = Frames.check(item);
        if (bad != null) {
            books.set(WorkerJob.KEYS + (int) n, BAD_KEY);
            books.add(WorkerJob.CORRUPT, 1);
            System.err.println("corrupt item: " + bad);
        }
    }
}
