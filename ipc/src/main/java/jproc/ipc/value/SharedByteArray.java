package jproc.ipc.value;

import static jproc.ipc.value.ValueDescriptor.DATA_OFFSET;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.shm.SharedFile;

/**
 * A fixed-length array of byte shared by the processes of the session (the mirror of Python's
 * {@code multiprocessing.Array}). Each element behaves like a {@link SharedByte}; the built-in lock guards
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
public final class SharedByteArray extends SharedCells {
    private static final long serialVersionUID = 1L;

    private SharedByteArray(SharedFile file) {
        super(file, ChannelKind.ARRAY, ElementType.BYTE);
    }

    /** Opens the array with this name, creating it with {@code length} zero elements and a lock if needed. */
    public static SharedByteArray of(String name, int length) {
        return new SharedByteArray(file(ChannelKind.ARRAY, name, ElementType.BYTE, length, true, null));
    }

    /** Opens the array with this name, creating it as a copy of {@code initial} with a lock if needed. */
    public static SharedByteArray of(String name, byte[] initial) {
        return of(name, initial, true);
    }

    /** Opens or creates the array; {@code lock = false} creates it without a built-in lock. */
    public static SharedByteArray of(String name, byte[] initial, boolean lock) {
        return new SharedByteArray(file(ChannelKind.ARRAY, name, ElementType.BYTE, initial.length, lock, b -> {
            for (int i = 0; i < initial.length; i++) {
                b.put(DATA_OFFSET + i * ElementType.BYTE.size(), initial[i]);
            }
        }));
    }

    /** Creates an array of {@code length} zero elements with a generated name and a built-in lock. */
    public static SharedByteArray create(int length) {
        return of(anonymousName(), length);
    }

    /** Opens an existing array. @throws jproc.ipc.ChannelNotFoundException if there is none */
    public static SharedByteArray open(String name) {
        return new SharedByteArray(SharedFile.open(ChannelKind.ARRAY, name, null));
    }

    static SharedByteArray reopen(ChannelHandle h) {
        return new SharedByteArray(file(ChannelKind.ARRAY, h.name(), ElementType.BYTE, (int) h.param(1),
                h.param(2) != 0, null));
    }

    /** The number of elements. */
    public int length() {
        return cells();
    }

    /** Reads the element (volatile read). */
    public byte get(int i) {
        return getByteAt(cell(i));
    }

    /**
     * Writes the element (volatile write). A {@code set(get() + 1)} from several processes loses updates unless it
     * runs under {@link #getLock()}.
     */
    public void set(int i, byte v) {
        setByteAt(cell(i), v);
        changed();
    }

    /** Sets the element to {@code update} if it equals {@code expect}, atomically. */
    public boolean compareAndSet(int i, byte expect, byte update) {
        boolean ok = casByteAt(cell(i), expect, update);
        if (ok) {
            changed();
        }
        return ok;
    }

    /** Sets the element and returns the previous one, atomically. */
    public byte getAndSet(int i, byte v) {
        int o = cell(i);
        byte old;
        do {
            old = getByteAt(o);
        } while (!casByteAt(o, old, v));
        changed();
        return old;
    }

    /** Adds {@code delta} atomically and returns the previous element. */
    public byte getAndAdd(int i, byte delta) {
        int o = cell(i);
        byte old;
        do {
            old = getByteAt(o);
        } while (!casByteAt(o, old, (byte) (old + delta)));
        changed();
        return old;
    }

    /** Adds {@code delta} atomically and returns the new element. */
    public byte addAndGet(int i, byte delta) {
        return (byte) (getAndAdd(i, delta) + delta);
    }

    /** Copies the elements into a new array (element by element; not atomic as a whole unless under the lock). */
    public byte[] toArray() {
        byte[] out = new byte[length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    @Override
    public String toString() {
        return "SharedByteArray[" + name() + ", length=" + length() + "]";
    }
}
