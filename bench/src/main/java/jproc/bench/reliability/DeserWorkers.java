package jproc.bench.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jproc.ipc.codec.MessageRejectedException;
import jproc.ipc.queue.ProcessQueue;

/**
 * The receiving child of the deserialization attacks: takes each crafted message from the queue as an ordinary
 * consumer would, records how {@code get} ended, then takes the ordinary message the parent sent after it (the
 * channel must keep working).
 *
 * <p>Books: slot 0 = attacks finished; per attack {@code i}, slots {@code 1 + 3i ..}: outcome, follow-up received
 * (1) or not (2), milliseconds spent in {@code get}.
 */
public final class DeserWorkers {
    public static final int DONE = 0;
    public static final int REJECTED = 1;
    public static final int DECODED = 2;
    public static final int OTHER_FAILURE = 3;

    private DeserWorkers() {
    }

    static int outcomeSlot(int attack) {
        return 1 + 3 * attack;
    }

    /** Receives attacks {@code job.id()} to {@code job.count() - 1}. */
    public static void receiver(WorkerJob job, ProcessQueue<Object> queue) {
        try (var books = SharedLongs.open(Path.of(job.books()), job.slots())) {
            for (int i = job.id(); i < job.count(); i++) {
                int slot = outcomeSlot(i);
                long t0 = System.nanoTime();
                int outcome;
                try {
                    Object v = queue.get(Duration.ofSeconds(60));
                    outcome = DECODED;
                    System.err.println("attack " + i + " was decoded into " + (v == null ? "null" : v.getClass()));
                } catch (MessageRejectedException e) {
                    outcome = REJECTED;
                    System.out.println("attack " + i + " rejected: " + e.getMessage());
                } catch (Throwable e) {
                    outcome = OTHER_FAILURE;
                    System.err.println("attack " + i + " failed otherwise: " + e);
                }
                books.set(slot + 2, (System.nanoTime() - t0) / 1_000_000);
                books.set(slot, outcome);
                Object follow;
                try {
                    follow = queue.get(Duration.ofSeconds(30));
                } catch (RuntimeException e) {
                    follow = e;
                }
                books.set(slot + 1, Long.valueOf(i).equals(follow) ? 1 : 2);
                books.set(DONE, i + 1);
            }
        }
    }

    /** True if a marker file exists (code named by a message ran). */
    static boolean ran(String marker) {
        return marker != null && Files.exists(Path.of(marker));
    }
}
