package jproc.ipc.sync;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelLayoutException;
import jproc.ipc.ChannelTimeoutException;
import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.shm.OpenHandle;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.shm.WaitLoop;
import jproc.ipc.trace.Trace;

/**
 * A counting semaphore shared by the processes of the session (the mirror of Python's
 * {@code multiprocessing.Semaphore}): {@code acquire} takes a permit, waiting while none is free; {@code release}
 * returns one. Any thread of any process may release, also without having acquired (which adds a permit, as in
 * Python); {@link BoundedProcessSemaphore} forbids going past the initial count.
 *
 * <p><b>Blocking:</b> spin briefly, then sleep in steps of at most 1-2 ms; {@code acquire(timeout)} and
 * {@code tryAcquire} bound the wait; interrupting a waiter throws {@link jproc.ipc.ChannelInterruptedException}.
 *
 * <p><b>Holder death:</b> the semaphore records how many permits each process holds. When a process dies holding
 * permits, the next waiter returns them and gets {@link OwnerDiedException} naming the dead pid; acquire again.
 */
public class ProcessSemaphore implements AutoCloseable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient SharedFile file;
    private final transient OpenHandle open;
    private final transient SemaphoreCore core;
    private final String name;
    private final long initial;
    private final long bound;

    ProcessSemaphore(SharedFile file) {
        file.require(SemaphoreDescriptor.validate(file.buffer()));
        this.file = file;
        this.name = file.name();
        this.open = new OpenHandle(file, ChannelKind.SEMAPHORE.word());
        this.initial = file.param(SemaphoreDescriptor.PARAM_PERMITS);
        this.bound = file.param(SemaphoreDescriptor.PARAM_BOUND);
        this.core = new SemaphoreCore(file.buffer(), HeaderDescriptor.BODY_OFFSET,
                Trace.channel(ChannelKind.SEMAPHORE.word(), name), name);
    }

    static SharedFile file(String name, int permits, boolean bounded) {
        if (permits < 0) {
            throw new IllegalArgumentException("a semaphore starts with 0 or more permits: permits=" + permits);
        }
        var f = SharedFile.createOrOpen(ChannelKind.SEMAPHORE, name, new long[] {permits, bounded ? permits : 0,
            SemaphoreDescriptor.LAYOUT}, SemaphoreDescriptor.BYTES,
                b -> SemaphoreCore.init(b, HeaderDescriptor.BODY_OFFSET, permits, bounded ? permits : 0), null);
        if ((f.param(SemaphoreDescriptor.PARAM_BOUND) != 0) != bounded) {
            f.close();
            throw new ChannelLayoutException("semaphore '" + name + "' already exists and is "
                    + (bounded ? "not " : "") + "bounded; open it with open(name) or use another name");
        }
        return f;
    }

    /** Opens the semaphore with this name, creating it with {@code permits} free permits if needed. */
    public static ProcessSemaphore of(String name, int permits) {
        return new ProcessSemaphore(file(name, permits, false));
    }

    /** Creates a semaphore with a generated name. */
    public static ProcessSemaphore create(int permits) {
        return of(OpenHandle.anonymousName(), permits);
    }

    /** Opens an existing semaphore (bounded or not). @throws jproc.ipc.ChannelNotFoundException if none */
    public static ProcessSemaphore open(String name) {
        var f = SharedFile.open(ChannelKind.SEMAPHORE, name, null);
        return f.param(SemaphoreDescriptor.PARAM_BOUND) != 0 ? new BoundedProcessSemaphore(f)
                : new ProcessSemaphore(f);
    }

    /** Re-opens a semaphore from its handle (deserialization). */
    public static ProcessSemaphore reopen(ChannelHandle h) {
        boolean bounded = h.param(1) != 0;
        var f = file(h.name(), (int) h.param(0), bounded);
        return bounded ? new BoundedProcessSemaphore(f) : new ProcessSemaphore(f);
    }

    @Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw OpenHandle.notByValue();
    }

    @Serial
    Object writeReplace() throws ObjectStreamException {
        return open.handOver(new ChannelHandle(ChannelKind.SEMAPHORE, name, new long[] {initial, bound}));
    }

    /** The name in the session. */
    public String name() {
        return name;
    }

    /** Takes a permit, waiting while none is free. @throws OwnerDiedException if a holder died (acquire again) */
    public void acquire() {
        ensureOpen();
        core.acquire(Long.MAX_VALUE, true);
    }

    /** Takes a permit, waiting at most {@code timeout}; false if none became free. */
    public boolean acquire(Duration timeout) {
        ensureOpen();
        return core.acquire(WaitLoop.deadline(timeout), true);
    }

    /** Takes a permit if one is free now; never blocks. */
    public boolean tryAcquire() {
        ensureOpen();
        return core.acquire(0, false);
    }

    /** Returns one permit. */
    public void release() {
        release(1);
    }

    /** Returns {@code n} permits. */
    public void release(int n) {
        ensureOpen();
        core.release(n);
    }

    /** Takes a permit for try-with-resources: {@code try (var held = sem.hold()) { ... }}. */
    public Held hold() {
        acquire();
        return once();
    }

    /** Like {@link #hold()}, waiting at most {@code timeout}. @throws ChannelTimeoutException if none was free */
    public Held hold(Duration timeout) {
        if (!acquire(timeout)) {
            throw new ChannelTimeoutException("acquire", "semaphore", name, timeout);
        }
        return once();
    }

    private Held once() {
        return new Held() {
            private boolean done;

            @Override
            public void close() {
                if (!done) {
                    done = true;
                    core.release(1);
                }
            }
        };
    }

    /** Permits free now. */
    public long availablePermits() {
        ensureOpen();
        return core.permits();
    }

    /** The state, read without locking. */
    public SemaphoreSnapshot snapshot() {
        ensureOpen();
        return SemaphoreCore.snapshot(name, file.buffer(), HeaderDescriptor.BODY_OFFSET);
    }

    /** Reads a semaphore's state from a mapping without locking. */
    public static SemaphoreSnapshot snapshot(String name, java.nio.ByteBuffer b) {
        return SemaphoreCore.snapshot(name, b, HeaderDescriptor.BODY_OFFSET);
    }

    void ensureOpen() {
        open.ensureOpen();
    }

    /** Closes this handle in this process (permits it holds stay held). */
    @Override
    public void close() {
        open.close();
    }

    @Override
    public String toString() {
        String state = open.isClosed() ? ", closed" : ", permits=" + core.permits();
        return getClass().getSimpleName() + "[" + name + state + "]";
    }
}
