package jproc.ipc.value;

import static jproc.ipc.shm.ShmAccess.LONGS;
import static jproc.ipc.value.ValueDescriptor.DATA_OFFSET;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.shm.SharedFile;

/**
 * A fixed-length array of double shared by the processes of the session (the mirror of Python's
 * {@code multiprocessing.Array}). Each element behaves like a {@link SharedDouble}; the built-in lock guards
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
public final class SharedDoubleArray extends SharedCells {
    private static final long serialVersionUID = 1L;

    private SharedDoubleArray(SharedFile file) {
        super(file, ChannelKind.ARRAY, ElementType.DOUBLE);
    }

    /** Opens the array with this name, creating it with {@code length} zero elements and a lock if needed. */
    public static SharedDoubleArray of(String name, int length) {
        return new SharedDoubleArray(file(ChannelKind.ARRAY, name, ElementType.DOUBLE, length, true, null));
    }

    /** Opens the array with this name, creating it as a copy of {@code initial} with a lock if needed. */
    public static SharedDoubleArray of(String name, double[] initial) {
        return of(name, initial, true);
    }

    /** Opens or creates the array; {@code lock = false} creates it without a built-in lock. */
    public static SharedDoubleArray of(String name, double[] initial, boolean lock) {
        return new SharedDoubleArray(file(ChannelKind.ARRAY, name, ElementType.DOUBLE, initial.length, lock, b -> {
            for (int i = 0; i < initial.length; i++) {
                LONGS.set(b, DATA_OFFSET + i * ElementType.DOUBLE.size(), Double.doubleToRawLongBits(initial[i]));
            }
        }));
    }

    /** Creates an array of {@code length} zero elements with a generated name and a built-in lock. */
    public static SharedDoubleArray create(int length) {
        return of(anonymousName(), length);
    }

    /** Opens an existing array. @throws jproc.ipc.ChannelNotFoundException if there is none */
    public static SharedDoubleArray open(String name) {
        return new SharedDoubleArray(SharedFile.open(ChannelKind.ARRAY, name, null));
    }

    static SharedDoubleArray reopen(ChannelHandle h) {
        return new SharedDoubleArray(file(ChannelKind.ARRAY, h.name(), ElementType.DOUBLE, (int) h.param(1),
                h.param(2) != 0, null));
    }

    /** The number of elements. */
    public int length() {
        return cells();
    }

    /** Reads the element (volatile read). */
    public double get(int i) {
        return getDoubleAt(cell(i));
    }

    /**
     * Writes the element (volatile write). A {@code set(get() + 1)} from several processes loses updates unless it
     * runs under {@link #getLock()}.
     */
    public void set(int i, double v) {
        setDoubleAt(cell(i), v);
        changed();
    }

    /** Sets the element to {@code update} if it equals {@code expect}, atomically. */
    public boolean compareAndSet(int i, double expect, double update) {
        boolean ok = casDoubleAt(cell(i), expect, update);
        if (ok) {
            changed();
        }
        return ok;
    }

    /** Sets the element and returns the previous one, atomically. */
    public double getAndSet(int i, double v) {
        double old = Double.longBitsToDouble((long) LONGS.getAndSet(buf, cell(i), Double.doubleToRawLongBits(v)));
        changed();
        return old;
    }

    /** Adds {@code delta} atomically and returns the previous element. */
    public double getAndAdd(int i, double delta) {
        double old = getAndAddDoubleAt(cell(i), delta);
        changed();
        return old;
    }

    /** Adds {@code delta} atomically and returns the new element. */
    public double addAndGet(int i, double delta) {
        return (double) (getAndAdd(i, delta) + delta);
    }

    /** Copies the elements into a new array (element by element; not atomic as a whole unless under the lock). */
    public double[] toArray() {
        double[] out = new double[length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    @Override
    public String toString() {
        return "SharedDoubleArray[" + name() + ", length=" + length() + "]";
    }
}
