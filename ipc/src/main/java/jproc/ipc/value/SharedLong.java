package jproc.ipc.value;

import static jproc.ipc.shm.ShmAccess.LONGS;
import static jproc.ipc.value.ValueDescriptor.DATA_OFFSET;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.shm.SharedFile;

/**
 * A long shared by the processes of the session (the mirror of Python's {@code multiprocessing.Value}).
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
public final class SharedLong extends SharedCells {
    private static final long serialVersionUID = 1L;

    private SharedLong(SharedFile file) {
        super(file, ChannelKind.VALUE, ElementType.LONG);
    }

    /** Opens the value with this name, creating it with {@code initial} and a built-in lock if needed. */
    public static SharedLong of(String name, long initial) {
        return of(name, initial, true);
    }

    /** Opens or creates the value; {@code lock = false} creates it without a built-in lock. */
    public static SharedLong of(String name, long initial, boolean lock) {
        return new SharedLong(file(ChannelKind.VALUE, name, ElementType.LONG, 1, lock,
                b -> LONGS.set(b, DATA_OFFSET, initial)));
    }

    /** Creates a value with a generated name and a built-in lock. */
    public static SharedLong create(long initial) {
        return of(anonymousName(), initial, true);
    }

    /** Opens an existing value. @throws jproc.ipc.ChannelNotFoundException if there is none */
    public static SharedLong open(String name) {
        return new SharedLong(SharedFile.open(ChannelKind.VALUE, name, null));
    }

    static SharedLong reopen(ChannelHandle h) {
        return new SharedLong(file(ChannelKind.VALUE, h.name(), ElementType.LONG, 1, h.param(2) != 0, null));
    }

    /** Reads the value (volatile read). */
    public long get() {
        return (long) LONGS.getVolatile(buf, cell());
    }

    /**
     * Writes the value (volatile write). A {@code set(get() + 1)} from several processes loses updates unless it
     * runs under {@link #getLock()}.
     */
    public void set(long v) {
        LONGS.setVolatile(buf, cell(), v);
        changed();
    }

    /** Sets the value to {@code update} if it equals {@code expect}, atomically. */
    public boolean compareAndSet(long expect, long update) {
        boolean ok = LONGS.compareAndSet(buf, cell(), expect, update);
        if (ok) {
            changed();
        }
        return ok;
    }

    /** Sets the value and returns the previous one, atomically. */
    public long getAndSet(long v) {
        long old = (long) LONGS.getAndSet(buf, cell(), v);
        changed();
        return old;
    }

    /** Adds {@code delta} atomically and returns the previous value. */
    public long getAndAdd(long delta) {
        long old = (long) LONGS.getAndAdd(buf, cell(), delta);
        changed();
        return old;
    }

    /** Adds {@code delta} atomically and returns the new value. */
    public long addAndGet(long delta) {
        return (long) (getAndAdd(delta) + delta);
    }

    /** Adds one atomically and returns the new value. */
    public long incrementAndGet() {
        return addAndGet(1);
    }

    @Override
    public String toString() {
        return "SharedLong[" + name() + "=" + get() + "]";
    }
}
