package jproc.ipc.value;

import static jproc.ipc.shm.ShmAccess.LONGS;
import static jproc.ipc.value.ValueDescriptor.DATA_OFFSET;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.shm.SharedFile;

/**
 * A fixed-length array of long shared by the processes of the session (the mirror of Python's
 * {@code multiprocessing.Array}). Each element behaves like a {@link SharedLong}; the built-in lock guards
 * sequences over several elements.
 *
 * <p><b>Who may call:</b> any thread of any process holding a handle. Reads and writes are volatile; the atomic
 * operations ({@code compareAndSet}, {@code getAndAdd}...) are atomic across processes. A read-modify-write
 * written as {@code set(get() + 1)} is not: run it under the built-in lock ({@link #getLock()}, a
 * {@link jproc.ipc.sync.ProcessRLock}) or use an atomic operation. Nothing here blocks except the lock.
 *
 * <p><b>Lifetime:</b> the contents live in shared memory while any process has the value open; closing the
 * last handle removes the file. Handles are serializable and re-attach in the receiving process; any process of the
 * session can open the value by name. A process that dies holding the lock is reported to the next waiter
 * ({@link jproc.ipc.sync.OwnerDiedException}).
 */
public final class SharedLongArray extends SharedCells {
    private static final long serialVersionUID = 1L;

    private SharedLongArray(SharedFile file) {
        super(file, ChannelKind.ARRAY, ElementType.LONG);
    }

    /** Opens the array with this name, creating it with {@code length} zero elements and a lock if needed. */
    public static SharedLongArray of(String name, int length) {
        return new SharedLongArray(file(ChannelKind.ARRAY, name, ElementType.LONG, length, true, null));
    }

    /** Opens the array with this name, creating it as a copy of {@code initial} with a lock if needed. */
    public static SharedLongArray of(String name, long[] initial) {
        return of(name, initial, true);
    }

    /** Opens or creates the array; {@code lock = false} creates it without a built-in lock. */
    public static SharedLongArray of(String name, long[] initial, boolean lock) {
        return new SharedLongArray(file(ChannelKind.ARRAY, name, ElementType.LONG, initial.length, lock, b -> {
            for (int i = 0; i < initial.length; i++) {
                LONGS.set(b, DATA_OFFSET + i * ElementType.LONG.size(), initial[i]);
            }
        }));
    }

    /** Creates an array of {@code length} zero elements with a generated name and a built-in lock. */
    public static SharedLongArray create(int length) {
        return of(anonymousName(), length);
    }

    /** Opens an existing array. @throws jproc.ipc.ChannelNotFoundException if there is none */
    public static SharedLongArray open(String name) {
        return new SharedLongArray(SharedFile.open(ChannelKind.ARRAY, name, null));
    }

    static SharedLongArray reopen(ChannelHandle h) {
        return new SharedLongArray(file(ChannelKind.ARRAY, h.name(), ElementType.LONG, (int) h.param(1),
                h.param(2) != 0, null));
    }

    /** The number of elements. */
    public int length() {
        return cells();
    }

    /** Reads the element (volatile read). */
    public long get(int i) {
        return (long) LONGS.getVolatile(buf, cell(i));
    }

    /**
     * Writes the element (volatile write). A {@code set(get() + 1)} from several processes loses updates unless it
     * runs under {@link #getLock()}.
     */
    public void set(int i, long v) {
        LONGS.setVolatile(buf, cell(i), v);
        changed();
    }

    /** Sets the element to {@code update} if it equals {@code expect}, atomically. */
    public boolean compareAndSet(int i, long expect, long update) {
        boolean ok = LONGS.compareAndSet(buf, cell(i), expect, update);
        if (ok) {
            changed();
        }
        return ok;
    }

    /** Sets the element and returns the previous one, atomically. */
    public long getAndSet(int i, long v) {
        long old = (long) LONGS.getAndSet(buf, cell(i), v);
        changed();
        return old;
    }

    /** Adds {@code delta} atomically and returns the previous element. */
    public long getAndAdd(int i, long delta) {
        long old = (long) LONGS.getAndAdd(buf, cell(i), delta);
        changed();
        return old;
    }

    /** Adds {@code delta} atomically and returns the new element. */
    public long addAndGet(int i, long delta) {
        return (long) (getAndAdd(i, delta) + delta);
    }

    /** Adds one atomically and returns the new element. */
    public long incrementAndGet(int i) {
        return addAndGet(i, 1);
    }

    /** Copies the elements into a new array (element by element; not atomic as a whole unless under the lock). */
    public long[] toArray() {
        long[] out = new long[length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    @Override
    public String toString() {
        return "SharedLongArray[" + name() + ", length=" + length() + "]";
    }
}
