package jproc.ipc.sync;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.function.Supplier;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelTimeoutException;
import jproc.ipc.shm.OpenHandle;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.shm.WaitLoop;

/**
 * What {@link ProcessLock} and {@link ProcessRLock} share: acquire and release with timeouts, holds for
 * try-with-resources, inspection, hand-over by handle.
 */
abstract class AbstractProcessLock implements AutoCloseable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient SharedFile file;
    private final transient OpenHandle open;
    final transient LockCore core;
    private final transient int regionOffset;
    private final transient ChannelKind snapshotKind;
    private final ChannelHandle handle;

    AbstractProcessLock(SharedFile file, LockCore core, int regionOffset, ChannelKind snapshotKind,
                        ChannelHandle handle) {
        this.file = file;
        this.core = core;
        this.regionOffset = regionOffset;
        this.snapshotKind = snapshotKind;
        this.handle = handle;
        this.open = new OpenHandle(file, snapshotKind.word());
    }

    @Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw OpenHandle.notByValue();
    }

    @Serial
    Object writeReplace() throws ObjectStreamException {
        return open.handOver(handle);
    }

    /** Returns {@code file} after {@link SharedFile#require(String)}: for constructors' super calls. */
    static SharedFile checked(SharedFile file, String problem) {
        file.require(problem);
        return file;
    }

    ChannelHandle handle() {
        return handle;
    }

    /** The name in the session (for a value's built-in lock: the value's name). */
    public String name() {
        return handle.name();
    }

    /**
     * Acquires, blocking until the lock is free.
     *
     * @throws OwnerDiedException                    if its owner died (the lock is free again; acquire again)
     * @throws jproc.ipc.ChannelInterruptedException if the thread is interrupted while waiting
     */
    public void acquire() {
        ensureOpen();
        core.acquire(Long.MAX_VALUE, true);
    }

    /** Acquires, waiting at most {@code timeout}; false if the lock stayed taken (Python's acquire(timeout=...)). */
    public boolean acquire(Duration timeout) {
        ensureOpen();
        return core.acquire(WaitLoop.deadline(timeout), true);
    }

    /** Acquires if free now; never blocks. */
    public boolean tryAcquire() {
        ensureOpen();
        return core.acquire(0, false);
    }

    /** Releases one hold. @throws LockStateException if not held (by this thread, for re-entrant locks) */
    public void release() {
        ensureOpen();
        core.release();
    }

    /** Acquires and returns a hold for try-with-resources: {@code try (var held = lock.hold()) { ... }}. */
    public Held hold() {
        acquire();
        return new Release();
    }

    /** Like {@link #hold()}, waiting at most {@code timeout}. @throws ChannelTimeoutException if not acquired */
    public Held hold(Duration timeout) {
        if (!acquire(timeout)) {
            throw new ChannelTimeoutException("acquire", snapshotKind.word(), name(), timeout);
        }
        return new Release();
    }

    /** Runs {@code action} while holding the lock. */
    public void run(Runnable action) {
        try (var h = hold()) {
            action.run();
        }
    }

    /** Computes a value while holding the lock. */
    public <T> T call(Supplier<T> action) {
        try (var h = hold()) {
            return action.get();
        }
    }

    /** True if some thread of some process holds the lock now. */
    public boolean isLocked() {
        ensureOpen();
        return core.isLocked();
    }

    /** The lock's state, read without taking it. */
    public LockSnapshot snapshot() {
        ensureOpen();
        return LockCore.snapshot(snapshotKind, name(), file.buffer(), regionOffset);
    }

    void ensureOpen() {
        open.ensureOpen();
    }

    /** Closes this handle in this process (a lock this thread holds stays held). */
    @Override
    public void close() {
        open.close();
    }

    @Override
    public String toString() {
        String state = open.isClosed() ? ", closed" : core.isLocked() ? ", locked" : "";
        return getClass().getSimpleName() + "[" + name() + state + "]";
    }

    private final class Release implements Held {
        private boolean done;

        @Override
        public void close() {
            if (!done) {
                done = true;
                core.release();
            }
        }
    }
}
