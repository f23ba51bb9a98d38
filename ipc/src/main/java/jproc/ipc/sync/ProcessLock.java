package jproc.ipc.sync;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.shm.OpenHandle;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.trace.Trace;

/**
 * A mutual-exclusion lock shared by the processes of the session (the mirror of Python's
 * {@code multiprocessing.Lock}). Not re-entrant: a thread that acquires it twice waits for itself. Any thread of any
 * process may release it while it is held, as in Python.
 *
 * <p><b>Blocking:</b> {@code acquire} spins briefly, then yields its core between looks for as long as the lock keeps
 * changing hands (at most 50 ms in all), then sleeps in steps of at most 1-2 ms; {@code acquire(timeout)} and
 * {@code tryAcquire} bound the wait. Releasing never makes a system call. Interrupting a waiter throws
 * {@link jproc.ipc.ChannelInterruptedException}.
 *
 * <p><b>Owner death:</b> if the process holding the lock dies, the next waiter (or {@code tryAcquire} caller) takes
 * the lock back from the dead owner, frees it and gets {@link OwnerDiedException} naming the dead pid; the lock is
 * usable again right away.
 *
 * <p>Use it with try-with-resources: {@code try (var held = lock.hold()) { ... }}. Handles are serializable and
 * re-attach in the receiving process; any process of the session can also open the lock by name.
 */
public final class ProcessLock extends AbstractProcessLock {
    private static final long serialVersionUID = 1L;

    private ProcessLock(SharedFile file) {
        super(checked(file, LockDescriptor.validate(file.buffer())), new LockCore(file.buffer(),
                HeaderDescriptor.BODY_OFFSET, false, Trace.channel(ChannelKind.LOCK.word(), file.name()), "lock",
                file.name()),
                HeaderDescriptor.BODY_OFFSET, ChannelKind.LOCK, new ChannelHandle(ChannelKind.LOCK, file.name(),
                        new long[0]));
    }

    /** Opens the lock with this name in the session, creating it (free) if needed. */
    public static ProcessLock of(String name) {
        return new ProcessLock(SharedFile.createOrOpen(ChannelKind.LOCK, name, new long[] {LockDescriptor.LAYOUT},
                LockDescriptor.BYTES, null, null));
    }

    /** Creates a lock with a generated name. */
    public static ProcessLock create() {
        return of(OpenHandle.anonymousName());
    }

    /** Opens an existing lock. @throws jproc.ipc.ChannelNotFoundException if there is none */
    public static ProcessLock open(String name) {
        return new ProcessLock(SharedFile.open(ChannelKind.LOCK, name, null));
    }

    /** Re-opens a lock from its handle (deserialization). */
    public static ProcessLock reopen(ChannelHandle h) {
        return of(h.name());
    }
}
