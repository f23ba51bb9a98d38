package jproc.ipc.value;

import static jproc.ipc.shm.ShmAccess.INTS;
import static jproc.ipc.value.ValueDescriptor.DATA_OFFSET;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.shm.SharedFile;

/**
 * A fixed-length array of int shared by the processes of the session (the mirror of Python's
 * {@code multiprocessing.Array}). Each element behaves like a {@link SharedInt}; the built-in lock guards
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
public final class SharedIntArray extends SharedCells {
    private static final long serialVersionUID = 1L;

    private SharedIntArray(SharedFile file) {
        super(file, ChannelKind.ARRAY, ElementType.INT);
    }

    /** Opens the array with this name, creating it with {@code length} zero elements and a lock if needed. */
    public static SharedIntArray of(String name, int length) {
        return new SharedIntArray(file(ChannelKind.ARRAY, name, ElementType.INT, length, true, null));
    }

    /** Opens the array with this name, creating it as a copy of {@code initial} with a lock if needed. */
    public static SharedIntArray of(String name, int[] initial) {
        return of(name, initial, true);
    }

    /** Opens or creates the array; {@code lock = false} creates it without a built-in lock. */
    public static SharedIntArray of(String name, int[] initial, boolean lock) {
        return new SharedIntArray(file(ChannelKind.ARRAY, name, ElementType.INT, initial.length, lock, b -> {
            for (int i = 0; i < initial.length; i++) {
                INTS.set(b, DATA_OFFSET + i * ElementType.INT.size(), initial[i]);
            }
        }));
    }

    /** Creates an array of {@code length} zero elements with a generated name and a built-in lock. */
    public static SharedIntArray create(int length) {
        return of(anonymousName(), length);
    }

    /** Opens an existing array. @throws jproc.ipc.ChannelNotFoundException if there is none */
    public static SharedIntArray open(String name) {
        return new SharedIntArray(SharedFile.open(ChannelKind.ARRAY, name, null));
    }

    static SharedIntArray reopen(ChannelHandle h) {
        return new SharedIntArray(file(ChannelKind.ARRAY, h.name(), ElementType.INT, (int) h.param(1),
                h.param(2) != 0, null));
    }

    /** The number of elements. */
    public int length() {
        return cells();
    }

    /** Reads the element (volatile read). */
    public int get(int i) {
        return (int) INTS.getVolatile(buf, cell(i));
    }

    /**
     * Writes the element (volatile write). A {@code set(get() + 1)} from several processes loses updates unless it
     * runs under {@link #getLock()}.
     */
    public void set(int i, int v) {
        INTS.setVolatile(buf, cell(i), v);
        changed();
    }

    /** Sets the element to {@code update} if it equals {@code expect}, atomically. */
    public boolean compareAndSet(int i, int expect, int update) {
        boolean ok = INTS.compareAndSet(buf, cell(i), expect, update);
        if (ok) {
            changed();
        }
        return ok;
    }

    /** Sets the element and returns the previous one, atomically. */
    public int getAndSet(int i, int v) {
        int old = (int) INTS.getAndSet(buf, cell(i), v);
        changed();
        return old;
    }

    /** Adds {@code delta} atomically and returns the previous element. */
    public int getAndAdd(int i, int delta) {
        int old = (int) INTS.getAndAdd(buf, cell(i), delta);
        changed();
        return old;
    }

    /** Adds {@code delta} atomically and returns the new element. */
    public int addAndGet(int i, int delta) {
        return (int) (getAndAdd(i, delta) + delta);
    }

    /** Adds one atomically and returns the new element. */
    public int incrementAndGet(int i) {
        return addAndGet(i, 1);
    }

    /** Copies the elements into a new array (element by element; not atomic as a whole unless under the lock). */
    public int[] toArray() {
        int[] out = new int[length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    @Override
    public String toString() {
        return "SharedIntArray[" + name() + ", length=" + length() + "]";
    }
}
