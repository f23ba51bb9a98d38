package jproc.bench.reliability;

import java.io.Serializable;

/**
 * What one worker of a kill -9 round does, shipped to its child JVM as a copy.
 *
 * @param id        producer id (producers) or consumer index (consumers)
 * @param count     messages to send (producers)
 * @param books     the bookkeeping file ({@link SharedLongs}) of this worker
 * @param slots     its size in slots
 */
public record WorkerJob(int id, long count, String books, int slots) implements Serializable {
    /** Consumer books: slot of the number of keys logged. */
    public static final int LOGGED = 0;
    /** Consumer books: 1 while inside {@code get}/{@code recv} (an item taken then may be unlogged). */
    public static final int IN_GET = 1;
    /** Consumer books: number of corrupt items received. */
    public static final int CORRUPT = 2;
    /** Consumer books: first slot of the logged keys ({@link Frames#key}). */
    public static final int KEYS = 3;
    /** Producer books: messages whose send returned. */
    public static final int ACKED = 0;
    /** Producer books: 1 once the producer finished its count. */
    public static final int DONE = 1;
    /** Producer books: 1 while inside {@code put}/{@code send}. */
    public static final int IN_PUT = 2;
}
