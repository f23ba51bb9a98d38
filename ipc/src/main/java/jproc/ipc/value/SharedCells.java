package jproc.ipc.value;

import static jproc.ipc.shm.ShmAccess.INTS;
import static jproc.ipc.shm.ShmAccess.LONGS;
import static jproc.ipc.value.ValueDescriptor.DATA_OFFSET;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelLayoutException;
import jproc.ipc.shm.OpenHandle;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.sync.LockStateException;
import jproc.ipc.sync.ProcessRLock;
import jproc.ipc.trace.Trace;
import jproc.ipc.trace.TraceChannel;
import jproc.ipc.trace.TraceEvent;

/**
 * What shared values and arrays have in common: the mapped file, element access with atomic operations, the
 * optional built-in lock, inspection and hand-over by handle. See {@link SharedInt} for the cross-process contract.
 */
abstract class SharedCells implements AutoCloseable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    /** Parameter 3 of a handle: 1 when the handle names the value's built-in lock rather than the value. */
    static final int HANDLE_LOCK_VIEW = 3;

    private final transient SharedFile file;
    private final transient OpenHandle open;
    final transient ByteBuffer buf;
    final transient TraceChannel trace;
    private final transient ProcessRLock lock;
    private final ChannelKind kind;
    private final String name;
    private final ElementType type;
    private final int length;

    SharedCells(SharedFile file, ChannelKind kind, ElementType expected) {
        file.require(ValueDescriptor.validate(file.buffer()));
        this.file = file;
        this.kind = kind;
        this.name = file.name();
        this.open = new OpenHandle(file, kind.word());
        this.buf = file.buffer();
        this.type = ElementType.ofCode(file.param(ValueDescriptor.PARAM_TYPE));
        this.length = (int) file.param(ValueDescriptor.PARAM_LENGTH);
        if (type != expected) {
            file.close();
            throw new ChannelLayoutException(kind.word() + " '" + name + "' holds " + type.javaName()
                    + " elements, not " + expected.javaName()
                    + "; open it with the matching class or use another name");
        }
        this.trace = Trace.channel(kind.word(), name);
        if (file.param(ValueDescriptor.PARAM_LOCK) != 0) {
            file.retain();
            this.lock = ProcessRLock.embedded(file, ValueDescriptor.LOCK_OFFSET, kind, handle(true));
        } else {
            this.lock = null;
        }
    }

    static String anonymousName() {
        return OpenHandle.anonymousName();
    }

    /** Opens or creates the file of a value or array; {@code init} writes the initial elements of a new file. */
    static SharedFile file(ChannelKind kind, String name, ElementType type, int length, boolean lock,
                           Consumer<ByteBuffer> init) {
        var f = SharedFile.createOrOpen(kind, name, new long[] {type.code(), length, lock ? 1 : 0,
            ValueDescriptor.LAYOUT}, ValueDescriptor.bodyBytes(type, length), init, null);
        if (kind == ChannelKind.ARRAY && f.param(ValueDescriptor.PARAM_LENGTH) != length
                && f.param(ValueDescriptor.PARAM_TYPE) == type.code()) {
            long existing = f.param(ValueDescriptor.PARAM_LENGTH);
            f.close();
            throw new ChannelLayoutException("array '" + name + "' already exists with length " + existing + ", not "
                    + length + "; open it with open(name) or use another name");
        }
        return f;
    }

    ChannelHandle handle(boolean lockView) {
        return new ChannelHandle(kind, name, new long[] {type.code(), length, lock != null || lockView ? 1 : 0,
            lockView ? 1 : 0});
    }

    @Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw OpenHandle.notByValue();
    }

    @Serial
    Object writeReplace() throws ObjectStreamException {
        return open.handOver(handle(false));
    }

    /** The name in the session. */
    public String name() {
        return name;
    }

    /** The element type. */
    public ElementType type() {
        return type;
    }

    int cells() {
        return length;
    }

    /**
     * The built-in re-entrant lock (Python's {@code get_lock()}): hold it around read-modify-write sequences such as
     * {@code set(get() + 1)}.
     *
     * @throws LockStateException if the value was created without a lock
     */
    public ProcessRLock getLock() {
        ensureOpen();
        if (lock == null) {
            throw new LockStateException(kind.word() + " '" + name + "' was created without a lock; create it with "
                    + "lock = true, or use its atomic operations (compareAndSet, getAndAdd)");
        }
        return lock;
    }

    /** True if created with a built-in lock. */
    public boolean hasLock() {
        return lock != null;
    }

    /** Contents and lock state, read without locking. */
    public ValueSnapshot snapshot() {
        ensureOpen();
        return ValueDescriptor.snapshot(kind, name, buf);
    }

    final int at(int i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException(kind.word() + " '" + name + "' has " + length + " elements: index="
                    + i);
        }
        return DATA_OFFSET + i * type.size();
    }

    final void ensureOpen() {
        open.ensureOpen();
    }

    /** The offset of a value's only element, after {@link #ensureOpen()}. */
    final int cell() {
        ensureOpen();
        return DATA_OFFSET;
    }

    /** The offset of element {@code i}, after {@link #ensureOpen()} and the bounds check of {@link #at(int)}. */
    final int cell(int i) {
        ensureOpen();
        return at(i);
    }

    final void changed() {
        trace.event(TraceEvent.SET);
    }

    // ---- byte-sized elements: atomic updates through the aligned int that contains them

    final byte getByteAt(int off) {
        VarHandle.acquireFence();
        return buf.get(off);
    }

    final void setByteAt(int off, byte v) {
        buf.put(off, v);
        VarHandle.fullFence();
    }

    final boolean casByteAt(int off, byte expect, byte update) {
        int word = off & ~3;
        int shift = LITTLE ? (off & 3) * 8 : (3 - (off & 3)) * 8;
        while (true) {
            int w = (int) INTS.getVolatile(buf, word);
            if ((byte) (w >>> shift) != expect) {
                return false;
            }
            int nw = (w & ~(0xFF << shift)) | ((update & 0xFF) << shift);
            if (INTS.compareAndSet(buf, word, w, nw)) {
                return true;
            }
        }
    }

    // ---- doubles: raw bits in a long

    final double getDoubleAt(int off) {
        return Double.longBitsToDouble((long) LONGS.getVolatile(buf, off));
    }

    final void setDoubleAt(int off, double v) {
        LONGS.setVolatile(buf, off, Double.doubleToRawLongBits(v));
    }

    final boolean casDoubleAt(int off, double expect, double update) {
        return LONGS.compareAndSet(buf, off, Double.doubleToRawLongBits(expect), Double.doubleToRawLongBits(update));
    }

    final double getAndAddDoubleAt(int off, double delta) {
        while (true) {
            long bits = (long) LONGS.getVolatile(buf, off);
            double cur = Double.longBitsToDouble(bits);
            if (LONGS.compareAndSet(buf, off, bits, Double.doubleToRawLongBits(cur + delta))) {
                return cur;
            }
        }
    }

    /** Closes this handle (and its lock object) in this process. */
    @Override
    public void close() {
        if (!open.markClosed()) {
            return;
        }
        if (lock != null) {
            lock.close();
        }
        file.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + (open.isClosed() ? ", closed" : "") + "]";
    }
}
