package jproc.ipc.value;

import static jproc.ipc.value.ValueDescriptor.DATA_OFFSET;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.shm.SharedFile;

/**
 * A boolean shared by the processes of the session (the mirror of Python's {@code multiprocessing.Value}).
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
public final class SharedBoolean extends SharedCells {
    private static final long serialVersionUID = 1L;

    private SharedBoolean(SharedFile file) {
        super(file, ChannelKind.VALUE, ElementType.BOOLEAN);
    }

    /** Opens the value with this name, creating it with {@code initial} and a built-in lock if needed. */
    public static SharedBoolean of(String name, boolean initial) {
        return of(name, initial, true);
    }

    /** Opens or creates the value; {@code lock = false} creates it without a built-in lock. */
    public static SharedBoolean of(String name, boolean initial, boolean lock) {
        return new SharedBoolean(file(ChannelKind.VALUE, name, ElementType.BOOLEAN, 1, lock,
                b -> b.put(DATA_OFFSET, (byte) (initial ? 1 : 0))));
    }

    /** Creates a value with a generated name and a built-in lock. */
    public static SharedBoolean create(boolean initial) {
        return of(anonymousName(), initial, true);
    }

    /** Opens an existing value. @throws jproc.ipc.ChannelNotFoundException if there is none */
    public static SharedBoolean open(String name) {
        return new SharedBoolean(SharedFile.open(ChannelKind.VALUE, name, null));
    }

    static SharedBoolean reopen(ChannelHandle h) {
        return new SharedBoolean(file(ChannelKind.VALUE, h.name(), ElementType.BOOLEAN, 1, h.param(2) != 0, null));
    }

    /** Reads the value (volatile read). */
    public boolean get() {
        return getByteAt(cell()) != 0;
    }

    /**
     * Writes the value (volatile write). A {@code set(get() + 1)} from several processes loses updates unless it
     * runs under {@link #getLock()}.
     */
    public void set(boolean v) {
        setByteAt(cell(), (byte) (v ? 1 : 0));
        changed();
    }

    /** Sets the value to {@code update} if it equals {@code expect}, atomically. */
    public boolean compareAndSet(boolean expect, boolean update) {
        boolean ok = casByteAt(cell(), (byte) (expect ? 1 : 0), (byte) (update ? 1 : 0));
        if (ok) {
            changed();
        }
        return ok;
    }

    /** Sets the value and returns the previous one, atomically. */
    public boolean getAndSet(boolean v) {
        int o = cell();
        boolean old;
        do {
            old = getByteAt(o) != 0;
        } while (!casByteAt(o, (byte) (old ? 1 : 0), (byte) (v ? 1 : 0)));
        changed();
        return old;
    }

    @Override
    public String toString() {
        return "SharedBoolean[" + name() + "=" + get() + "]";
    }
}
