package jproc.ipc.queue;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;

import jproc.ipc.shm.OpenHandle;

/**
 * A first-in first-out queue shared by any number of processes of the session (the mirror of Python's
 * {@code multiprocessing.Queue}).
 *
 * <p><b>Who may call:</b> any thread of any process holding a handle: any number of producers and consumers.
 * Items put by one thread arrive in the order it put them; items of different producers interleave.
 *
 * <p><b>Bound:</b> a queue is a ring of bytes in shared memory (1 MiB unless created with another capacity).
 * A queue created without an item bound accepts items until the ring is full, at which point {@code put} blocks
 * until a consumer makes room; {@link #of(String, int)} adds a bound on the number of items (Python's
 * {@code maxsize}). Items of any size are accepted: those larger than a quarter of the ring travel through a side
 * file.
 *
 * <p><b>Blocking:</b> {@code put}/{@code get} block, {@code offer}/{@code poll} do not (or wait at most their
 * timeout). A blocked call spins and yields for a while, then sleeps in steps of at most 1 ms (2 ms after a second
 * asleep), so an item put while a consumer sleeps is seen within 1-2 ms; an idle waiter costs about 1 % of a core.
 * An interrupted waiter throws {@link jproc.ipc.ChannelInterruptedException}.
 *
 * <p><b>Processes that die:</b> a process killed at any moment, even inside {@code put} or {@code get}, leaves the
 * queue usable: an item whose {@code put} returned is delivered exactly once, an item whose {@code put} did not
 * return is either delivered once or not at all, and an item is consumed only when {@code get} returns it.
 *
 * <p><b>Messages:</b> see {@link jproc.ipc.codec.MessageCodec}: primitives, strings and primitive arrays are
 * copied directly, other values are serialized; a value that cannot be serialized fails in {@code put}.
 *
 * <p><b>Closing:</b> {@link #close()} closes this handle in this process only; the queue lives on while any process
 * has it open, and its file is removed when the last one closes it (or when the session ends).
 *
 * <p><b>Passing:</b> a queue handle is {@link Serializable}: passed to a child or sent through a channel, it
 * re-attaches to the same queue. Any process of the session may also open it by name.
 *
 * @param <T> the item type (not checked across processes)
 */
public interface ProcessQueue<T> extends AutoCloseable, Serializable {
    /** Default ring capacity in bytes. */
    int DEFAULT_CAPACITY = 1 << 20;

    /** Opens the queue with this name in the session, creating it (1 MiB ring, no item bound) if needed. */
    static <T> ProcessQueue<T> of(String name) {
        return MappedProcessQueue.createOrOpen(name, 0, DEFAULT_CAPACITY);
    }

    /** Opens or creates a queue holding at most {@code maxItems} items (Python's {@code Queue(maxsize)}). */
    static <T> ProcessQueue<T> of(String name, int maxItems) {
        return MappedProcessQueue.createOrOpen(name, maxItems, DEFAULT_CAPACITY);
    }

    /** Opens or creates a queue with an item bound (0: none) and a ring of {@code capacityBytes} (a power of 2). */
    static <T> ProcessQueue<T> of(String name, int maxItems, int capacityBytes) {
        return MappedProcessQueue.createOrOpen(name, maxItems, capacityBytes);
    }

    /** Creates a queue with a generated name. */
    static <T> ProcessQueue<T> create() {
        return MappedProcessQueue.createOrOpen(OpenHandle.anonymousName(), 0, DEFAULT_CAPACITY);
    }

    /** Opens an existing queue. @throws jproc.ipc.ChannelNotFoundException if the session has none of that name */
    static <T> ProcessQueue<T> open(String name) {
        return MappedProcessQueue.openExisting(name);
    }

    /** The queue's name in the session. */
    String name();

    /** Adds an item, blocking while the queue is full. */
    void put(T item);

    /**
     * Adds an item, waiting at most {@code timeout} for room.
     *
     * @throws jproc.ipc.ChannelTimeoutException if there was no room in time (Python's {@code Full})
     */
    void put(T item, Duration timeout);

    /** Adds an item if there is room now; false otherwise. Never blocks. */
    boolean offer(T item);

    /** Adds an item, waiting at most {@code timeout} for room; false if there was none. */
    boolean offer(T item, Duration timeout);

    /** Removes and returns the oldest item, blocking while the queue is empty. */
    T get();

    /**
     * Removes and returns the oldest item, waiting at most {@code timeout}.
     *
     * @throws jproc.ipc.ChannelTimeoutException if the queue stayed empty (Python's {@code Empty})
     */
    T get(Duration timeout);

    /** Removes and returns the oldest item, or null if the queue is empty now. Never blocks. */
    T poll();

    /** Removes and returns the oldest item, waiting at most {@code timeout}; null if none came. */
    T poll(Duration timeout);

    /** Moves up to {@code max} available items into {@code target} without blocking; returns how many. */
    int drainTo(Collection<? super T> target, int max);

    /** Items in the queue now (a moment's picture when others use it). */
    int size();

    /** True if no item is available now. */
    boolean isEmpty();

    /** True if a small item could not be added now. */
    boolean isFull();

    /** The item bound, 0 if only the ring's capacity bounds the queue. */
    int maxItems();

    /** The ring's capacity in bytes. */
    int capacityBytes();

    /** The queue's state, read without taking its locks. */
    QueueSnapshot snapshot();

    /** Closes this handle in this process; further use of it throws {@link jproc.ipc.ChannelClosedException}. */
    @Override
    void close();
}
