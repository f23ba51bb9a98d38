package jproc.ipc.value;

import static jproc.ipc.shm.ShmAccess.LONGS;
import static jproc.ipc.value.ValueDescriptor.DATA_OFFSET;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.shm.SharedFile;

/**
 * A double shared by the processes of the session (the mirror of Python's {@code multiprocessing.Value}).
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
public final class SharedDouble extends SharedCells {
    private static final long serialVersionUID = 1L;

    private SharedDouble(SharedFile file) {
        super(file, ChannelKind.VALUE, ElementType.DOUBLE);
    }

    /** Opens the value with this name, creating it with {@code initial} and a built-in lock if needed. */
    public static SharedDouble of(String name, double initial) {
        return of(name, initial, true);
    }

    /** Opens or creates the value; {@code lock = false} creates it without a built-in lock. */
    public static SharedDouble of(String name, double initial, boolean lock) {
        return new SharedDouble(file(ChannelKind.VALUE, name, ElementType.DOUBLE, 1, lock,
                b -> LONGS.set(b, DATA_OFFSET, Double.doubleToRawLongBits(initial))));
    }

    /** Creates a value with a generated name and a built-in lock. */
    public static SharedDouble create(double initial) {
        return of(anonymousName(), initial, true);
    }

    /** Opens an existing value. @throws jproc.ipc.ChannelNotFoundException if there is none */
    public static SharedDouble open(String name) {
        return new SharedDouble(SharedFile.open(ChannelKind.VALUE, name, null));
    }

    static SharedDouble reopen(ChannelHandle h) {
        return new SharedDouble(file(ChannelKind.VALUE, h.name(), ElementType.DOUBLE, 1, h.param(2) != 0, null));
    }

    /** Reads the value (volatile read). */
    public double get() {
        return getDoubleAt(cell());
    }

    /**
     * Writes the value (volatile write). A {@code set(get() + 1)} from several processes loses updates unless it
     * runs under {@link #getLock()}.
     */
    public void set(double v) {
        setDoubleAt(cell(), v);
        changed();
    }

    /** Sets the value to {@code update} if it equals {@code expect}, atomically. */
    public boolean compareAndSet(double expect, double update) {
        boolean ok = casDoubleAt(cell(), expect, update);
        if (ok) {
            changed();
        }
        return ok;
    }

    /** Sets the value and returns the previous one, atomically. */
    public double getAndSet(double v) {
        double old = Double.longBitsToDouble((long) LONGS.getAndSet(buf, cell(), Double.doubleToRawLongBits(v)));
        changed();
        return old;
    }

    /** Adds {@code delta} atomically and returns the previous value. */
    public double getAndAdd(double delta) {
        double old = getAndAddDoubleAt(cell(), delta);
        changed();
        return old;
    }

    /** Adds {@code delta} atomically and returns the new value. */
    public double addAndGet(double delta) {
        return (double) (getAndAdd(delta) + delta);
    }

    @Override
    public String toString() {
        return "SharedDouble[" + name() + "=" + get() + "]";
    }
}
