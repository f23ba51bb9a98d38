package jproc.ipc.value;

import static jproc.ipc.value.ValueDescriptor.DATA_OFFSET;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.shm.SharedFile;

/**
 * A byte shared by the processes of the session (the mirror of Python's {@code multiprocessing.Value}).
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
public final class SharedByte extends SharedCells {
    private static final long serialVersionUID = 1L;

    private SharedByte(SharedFile file) {
        super(file, ChannelKind.VALUE, ElementType.BYTE);
    }

    /** Opens the value with this name, creating it with {@code initial} and a built-in lock if needed. */
    public static SharedByte of(String name, byte initial) {
        return of(name, initial, true);
    }

    /** Opens or creates the value; {@code lock = false} creates it without a built-in lock. */
    public static SharedByte of(String name, byte initial, boolean lock) {
        return new SharedByte(file(ChannelKind.VALUE, name, ElementType.BYTE, 1, lock,
                b -> b.put(DATA_OFFSET, initial)));
    }

    /** Creates a value with a generated name and a built-in lock. */
    public static SharedByte create(byte initial) {
        return of(anonymousName(), initial, true);
    }

    /** Opens an existing value. @throws jproc.ipc.ChannelNotFoundException if there is none */
    public static SharedByte open(String name) {
        return new SharedByte(SharedFile.open(ChannelKind.VALUE, name, null));
    }

    static SharedByte reopen(ChannelHandle h) {
        return new SharedByte(file(ChannelKind.VALUE, h.name(), ElementType.BYTE, 1, h.param(2) != 0, null));
    }

    /** Reads the value (volatile read). */
    public byte get() {
        return getByteAt(cell());
    }

    /**
     * Writes the value (volatile write). A {@code set(get() + 1)} from several processes loses updates unless it
     * runs under {@link #getLock()}.
     */
    public void set(byte v) {
        setByteAt(cell(), v);
        changed();
    }

    /** Sets the value to {@code update} if it equals {@code expect}, atomically. */
    public boolean compareAndSet(byte expect, byte update) {
        boolean ok = casByteAt(cell(), expect, update);
        if (ok) {
            changed();
        }
        return ok;
    }

    /** Sets the value and returns the previous one, atomically. */
    public byte getAndSet(byte v) {
        int o = cell();
        byte old;
        do {
            old = getByteAt(o);
        } while (!casByteAt(o, old, v));
        changed();
        return old;
    }

    /** Adds {@code delta} atomically and returns the previous value. */
    public byte getAndAdd(byte delta) {
        int o = cell();
        byte old;
        do {
            old = getByteAt(o);
        } while (!casByteAt(o, old, (byte) (old + delta)));
        changed();
        return old;
    }

    /** Adds {@code delta} atomically and returns the new value. */
    public byte addAndGet(byte delta) {
        return (byte) (getAndAdd(delta) + delta);
    }

    @Override
    public String toString() {
        return "SharedByte[" + name() + "=" + get() + "]";
    }
}
