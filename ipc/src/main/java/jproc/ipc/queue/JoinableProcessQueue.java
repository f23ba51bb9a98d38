package jproc.ipc.queue;

import java.time.Duration;

import jproc.ipc.shm.OpenHandle;

/**
 * A {@link ProcessQueue} that counts unfinished tasks (the mirror of Python's {@code JoinableQueue}): every
 * {@code put} adds one, every {@link #taskDone()} removes one, and {@link #join()} waits until none is left.
 *
 * <p>The count lives in shared memory: consumers in any process call {@code taskDone()}, any process may
 * {@code join()}. A consumer that dies between {@code get} and {@code taskDone} leaves its task unfinished, so
 * {@code join()} without a timeout would then wait forever: use {@link #join(Duration)} where that can happen.
 *
 * @param <T> the item type
 */
public interface JoinableProcessQueue<T> extends ProcessQueue<T> {
    /** Opens or creates the joinable queue with this name (1 MiB ring, no item bound). */
    static <T> JoinableProcessQueue<T> of(String name) {
        return MappedProcessQueue.createOrOpen(name, 0, DEFAULT_CAPACITY);
    }

    /** Opens or creates a joinable queue holding at most {@code maxItems} items. */
    static <T> JoinableProcessQueue<T> of(String name, int maxItems) {
        return MappedProcessQueue.createOrOpen(name, maxItems, DEFAULT_CAPACITY);
    }

    /** Creates a joinable queue with a generated name. */
    static <T> JoinableProcessQueue<T> create() {
        return MappedProcessQueue.createOrOpen(OpenHandle.anonymousName(), 0, DEFAULT_CAPACITY);
    }

    /** Opens an existing queue as a joinable queue. */
    static <T> JoinableProcessQueue<T> open(String name) {
        return MappedProcessQueue.openExisting(name);
    }

    /**
     * Marks one task taken from the queue as finished.
     *
     * @throws TaskDoneException if called more times than items were put
     */
    void taskDone();

    /** Blocks until every item ever put has been marked done. */
    void join();

    /** Waits at most {@code timeout} for every item to be marked done; false if some are still unfinished. */
    boolean join(Duration timeout);

    /** Items put but not yet marked done. */
    long unfinishedTasks();
}
