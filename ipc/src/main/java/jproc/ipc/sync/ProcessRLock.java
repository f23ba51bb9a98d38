package jproc.ipc.sync;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.shm.OpenHandle;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.trace.Trace;

/**
 * A re-entrant lock shared by the processes of the session (the mirror of Python's {@code multiprocessing.RLock}):
 * owned by one thread of one process, which may acquire it again and must release it as many times. Only the owner
 * releases it ({@link LockStateException} otherwise).
 *
 * <p>Blocking, timeouts, interrupts and owner death behave as for {@link ProcessLock}; a dead owner's holds are
 * all dropped at once. The built-in lock of a shared value ({@code getLock()}) is a {@code ProcessRLock} too.
 */
public final class ProcessRLock extends AbstractProcessLock {
    private static final long serialVersionUID = 1L;

    private ProcessRLock(SharedFile file, int regionOffset, ChannelKind traceKind, ChannelKind snapshotKind,
                         ChannelHandle handle) {
        super(file, new LockCore(file.buffer(), regionOffset, true, Trace.channel(traceKind.word(), file.name()),
                snapshotKind == ChannelKind.RLOCK ? "rlock" : "lock of " + snapshotKind.word(), file.name()),
                regionOffset, snapshotKind, handle);
    }

    /**
     * The re-entrant lock living inside another channel's file (a shared value's built-in lock). The caller passes
     * a file reference it retained for this lock, and the handle that re-opens this lock elsewhere.
     */
    public static ProcessRLock embedded(SharedFile file, int regionOffset, ChannelKind owner, ChannelHandle handle) {
        return new ProcessRLock(file, regionOffset, owner, owner, handle);
    }

    /** Opens the re-entrant lock with this name in the session, creating it if needed. */
    public static ProcessRLock of(String name) {
        var f = SharedFile.createOrOpen(ChannelKind.RLOCK, name, new long[] {LockDescriptor.LAYOUT},
                LockDescriptor.BYTES, null, null);
        f.require(LockDescriptor.validate(f.buffer()));
        return new ProcessRLock(f, HeaderDescriptor.BODY_OFFSET, ChannelKind.RLOCK, ChannelKind.RLOCK,
                new ChannelHandle(ChannelKind.RLOCK, name, new long[0]));
    }

    /** Creates a re-entrant lock with a generated name. */
    public static ProcessRLock create() {
        return of(OpenHandle.anonymousName());
    }

    /** Opens an existing re-entrant lock. @throws jproc.ipc.ChannelNotFoundException if there is none */
    public static ProcessRLock open(String name) {
        var f = SharedFile.open(ChannelKind.RLOCK, name, null);
        f.require(LockDescriptor.validate(f.buffer()));
        return new ProcessRLock(f, HeaderDescriptor.BODY_OFFSET, ChannelKind.RLOCK, ChannelKind.RLOCK,
                new ChannelHandle(ChannelKind.RLOCK, name, new long[0]));
    }

    /** Re-opens a re-entrant lock from its handle (deserialization). */
    public static ProcessRLock reopen(ChannelHandle h) {
        return of(h.name());
    }

    /** How many times the calling thread holds the lock (0 if it does not). */
    public int holdCount() {
        ensureOpen();
        return core.holdCount();
    }

    /** True if the calling thread owns the lock. */
    public boolean isHeldByCurrentThread() {
        ensureOpen();
        return core.isHeldByCurrentThread();
    }

    LockCore core() {
        return core;
    }
}
