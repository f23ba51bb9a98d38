package jproc.ipc.sync;

import static jproc.ipc.shm.ShmAccess.INTS;
import static jproc.ipc.shm.ShmAccess.LONGS;
import static jproc.ipc.sync.ConditionDescriptor.BYTES;
import static jproc.ipc.sync.ConditionDescriptor.CLAIMING;
import static jproc.ipc.sync.ConditionDescriptor.EXTERNAL_KIND_OFFSET;
import static jproc.ipc.sync.ConditionDescriptor.EXTERNAL_NAME_BYTES;
import static jproc.ipc.sync.ConditionDescriptor.EXTERNAL_NAME_OFFSET;
import static jproc.ipc.sync.ConditionDescriptor.FREE;
import static jproc.ipc.sync.ConditionDescriptor.LAYOUT;
import static jproc.ipc.sync.ConditionDescriptor.LOCK_OFFSET;
import static jproc.ipc.sync.ConditionDescriptor.SIGNALLED;
import static jproc.ipc.sync.ConditionDescriptor.SIGNALS_OFFSET;
import static jproc.ipc.sync.ConditionDescriptor.SLOTS_OFFSET;
import static jproc.ipc.sync.ConditionDescriptor.TICKETS_OFFSET;
import static jproc.ipc.sync.ConditionDescriptor.WAITER_SLOTS;
import static jproc.ipc.sync.ConditionDescriptor.WAITING;
import static jproc.ipc.sync.ConditionDescriptor.snapshot;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.function.BooleanSupplier;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelInterruptedException;
import jproc.ipc.ChannelKind;
import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.shm.OpenHandle;
import jproc.ipc.shm.OwnerToken;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.shm.ShmAccess;
import jproc.ipc.shm.WaitLoop;
import jproc.ipc.trace.Trace;
import jproc.ipc.trace.TraceChannel;
import jproc.ipc.trace.TraceEvent;

/**
 * A condition variable shared by the processes of the session (the mirror of Python's
 * {@code multiprocessing.Condition}), with its own re-entrant lock or one shared with a {@link ProcessLock} or
 * {@link ProcessRLock}. Python's {@code wait}, {@code wait_for}, {@code notify} and {@code notify_all} are
 * {@link #await()}, {@link #waitFor(BooleanSupplier)}, {@link #signal()} and {@link #signalAll()} here
 * ({@code wait} and {@code notify} are final methods of every Java object).
 *
 * <p><b>Who may call:</b> {@code await}, {@code waitFor} and {@code signal*} require the calling thread to hold the
 * condition's lock ({@link LockStateException} otherwise); {@code await} releases it while waiting and holds it
 * again when it returns, also on timeout and interrupt.
 *
 * <p><b>Blocking:</b> a waiter polls its slot: spinning briefly, then sleeping in steps of at most 1-2 ms. Signals go
 * to the oldest waiters first; a signal is never delivered to a process that died (its slot is skipped). At most
 * {@link ConditionDescriptor#WAITER_SLOTS} threads can wait at once. Interrupting a waiter throws
 * {@link ChannelInterruptedException} after it holds the lock again.
 */
public final class ProcessCondition implements AutoCloseable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient SharedFile file;
    private final transient OpenHandle open;
    private final transient ByteBuffer buf;
    private final transient LockCore lock;
    private final transient AbstractProcessLock external;
    private final transient TraceChannel trace;
    private final String name;

    private ProcessCondition(SharedFile file) {
        file.require(ConditionDescriptor.validate(file.buffer()));
        this.file = file;
        this.name = file.name();
        this.open = new OpenHandle(file, ChannelKind.CONDITION.word());
        this.buf = file.buffer();
        this.trace = Trace.channel(ChannelKind.CONDITION.word(), name);
        int kindCode = (int) INTS.getVolatile(buf, base() + EXTERNAL_KIND_OFFSET);
        if (kindCode == 0) {
            this.external = null;
            this.lock = new LockCore(buf, base() + LOCK_OFFSET, true, trace, "condition", name);
        } else {
            String lockName = ShmAccess.getAscii(buf, base() + EXTERNAL_NAME_OFFSET, EXTERNAL_NAME_BYTES);
            this.external = kindCode == ChannelKind.LOCK.code() ? ProcessLock.of(lockName) : ProcessRLock.of(lockName);
            this.lock = external.core;
        }
    }

    private static int base() {
        return HeaderDescriptor.BODY_OFFSET;
    }

    private static ProcessCondition make(String name, AbstractProcessLock shared) {
        ChannelKind sharedKind = shared == null ? null : shared.handle().kind();
        if (shared != null && sharedKind != ChannelKind.LOCK && sharedKind != ChannelKind.RLOCK) {
            throw new IllegalArgumentException("a condition can share a ProcessLock or ProcessRLock, not the built-in "
                    + "lock of a " + shared.handle().kind().word());
        }
        var f = SharedFile.createOrOpen(ChannelKind.CONDITION, name, new long[] {LAYOUT}, BYTES, b -> {
            if (shared != null) {
                INTS.set(b, base() + EXTERNAL_KIND_OFFSET, shared.handle().kind().code());
                ShmAccess.putAscii(b, base() + EXTERNAL_NAME_OFFSET, shared.name(), EXTERNAL_NAME_BYTES);
            }
        }, null);
        return new ProcessCondition(f);
    }

    /** Opens the condition with this name, creating it with its own re-entrant lock if needed. */
    public static ProcessCondition of(String name) {
        return make(name, null);
    }

    /** Opens or creates a condition that shares {@code lock} (Python's {@code Condition(lock)}). */
    public static ProcessCondition of(String name, ProcessLock lock) {
        return make(name, lock);
    }

    /** Opens or creates a condition that shares {@code lock}. */
    public static ProcessCondition of(String name, ProcessRLock lock) {
        return make(name, lock);
    }

    /** Creates a condition with its own lock and a generated name. */
    public static ProcessCondition create() {
        return of(OpenHandle.anonymousName());
    }

    /** Opens an existing condition. @throws jproc.ipc.ChannelNotFoundException if there is none */
    public static ProcessCondition open(String name) {
        return new ProcessCondition(SharedFile.open(ChannelKind.CONDITION, name, null));
    }

    /** Re-opens a condition from its handle (deserialization). */
    public static ProcessCondition reopen(ChannelHandle h) {
        return new ProcessCondition(SharedFile.open(ChannelKind.CONDITION, h.name(), null));
    }

    @Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw OpenHandle.notByValue();
    }

    @Serial
    private Object writeReplace() throws ObjectStreamException {
        return open.handOver(new ChannelHandle(ChannelKind.CONDITION, name, new long[0]));
    }

    /** The name in the session. */
    public String name() {
        return name;
    }

    /** Acquires the condition's lock. */
    public void acquire() {
        ensureOpen();
        lock.acquire(Long.MAX_VALUE, true);
    }

    /** Acquires the condition's lock, waiting at most {@code timeout}. */
    public boolean acquire(Duration timeout) {
        ensureOpen();
        return lock.acquire(WaitLoop.deadline(timeout), true);
    }

    /** Releases the condition's lock. */
    public void release() {
        ensureOpen();
        lock.release();
    }

    /** Acquires the lock for try-with-resources: {@code try (var held = cond.hold()) { cond.await(); }}. */
    public Held hold() {
        acquire();
        return new Held() {
            private boolean done;

            @Override
            public void close() {
                if (!done) {
                    done = true;
                    lock.release();
                }
            }
        };
    }

    /** Waits until signalled (Python's {@code wait()}); the caller must hold the lock. */
    public void await() {
        await(null);
    }

    /**
     * Waits at most {@code timeout} (null: forever) until signalled; the caller must hold the lock, and holds it
     * again on return.
     *
     * @return false if the wait timed out
     */
    public boolean await(Duration timeout) {
        ensureOpen();
        long me = OwnerToken.current();
        if (!lock.isHeldByCurrentThread()) {
            throw new LockStateException("condition '" + name + "': await() needs the condition's lock; hold it "
                    + "first (try (var held = cond.hold()) { ... })");
        }
        int slot = claimSlot(me);
        int saved = lock.releaseAll();
        boolean signalled = false;
        boolean interrupted = false;
        try (var w = new WaitLoop(trace, TraceEvent.WAIT, "await", WaitLoop.deadline(timeout))) {
            while (true) {
                if ((int) INTS.getVolatile(buf, slot + 12) == SIGNALLED) {
                    signalled = true;
                    break;
                }
                if (!w.pause()) {
                    break;
                }
            }
        } catch (ChannelInterruptedException e) {
            interrupted = true;
        }
        if (!signalled && !INTS.compareAndSet(buf, slot + 12, WAITING, CLAIMING)) {
            signalled = true;
        }
        freeSlot(slot);
        lock.reacquire(saved);
        if (interrupted) {
            Thread.interrupted();
            if (signalled) {
                signalInternal(1);
            }
            throw new ChannelInterruptedException("await", "condition", name);
        }
        trace.event(TraceEvent.WAIT);
        return signalled;
    }

    /** Waits until {@code predicate} is true (Python's {@code wait_for}); the caller must hold the lock. */
    public boolean waitFor(BooleanSupplier predicate) {
        return waitFor(predicate, null);
    }

    /**
     * Waits at most {@code timeout} until {@code predicate} is true, re-checking it after every signal; the caller
     * must hold the lock.
     *
     * @return the predicate's last result
     */
    public boolean waitFor(BooleanSupplier predicate, Duration timeout) {
        long deadline = WaitLoop.deadline(timeout);
        boolean ok = predicate.getAsBoolean();
        while (!ok) {
            long left = deadline - System.nanoTime();
            if (deadline != Long.MAX_VALUE && left <= 0) {
                return false;
            }
            await(deadline == Long.MAX_VALUE ? null : Duration.ofNanos(left));
            ok = predicate.getAsBoolean();
        }
        return true;
    }

    /** Wakes the oldest waiter (Python's {@code notify()}); the caller must hold the lock. */
    public void signal() {
        signal(1);
    }

    /** Wakes the {@code n} oldest waiters; the caller must hold the lock. */
    public void signal(int n) {
        ensureOpen();
        requireHeld("signal");
        signalInternal(n);
    }

    /** Wakes every waiter (Python's {@code notify_all()}); the caller must hold the lock. */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    private void requireHeld(String op) {
        if (!lock.isHeldByCurrentThread()) {
            throw new LockStateException("condition '" + name + "': " + op + "() needs the condition's lock; hold it "
                    + "first");
        }
    }

    private void signalInternal(int n) {
        var waiting = new ArrayList<int[]>();
        for (int i = 0; i < WAITER_SLOTS; i++) {
            int s = slot(i);
            if ((int) INTS.getVolatile(buf, s + 12) == WAITING) {
                waiting.add(new int[] {s, (int) INTS.getVolatile(buf, s + 8)});
            }
        }
        waiting.sort(Comparator.comparingInt(a -> a[1]));
        int sent = 0;
        for (int[] w : waiting) {
            if (sent >= n) {
                break;
            }
            long t = (long) LONGS.getVolatile(buf, w[0]);
            if (!OwnerToken.isAlive(t)) {
                continue;
            }
            if (INTS.compareAndSet(buf, w[0] + 12, WAITING, SIGNALLED)) {
                sent++;
            }
        }
        if (sent > 0) {
            LONGS.getAndAdd(buf, base() + SIGNALS_OFFSET, (long) sent);
            trace.event(TraceEvent.NOTIFY);
        }
    }

    private int slot(int i) {
        return base() + SLOTS_OFFSET + i * 16;
    }

    private int claimSlot(long me) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < WAITER_SLOTS; i++) {
                int s = slot(i);
                int state = (int) INTS.getVolatile(buf, s + 12);
                boolean claim = state == FREE && INTS.compareAndSet(buf, s + 12, FREE, CLAIMING);
                if (!claim && pass == 1 && state != FREE && !OwnerToken.isAlive((long) LONGS.getVolatile(buf, s))) {
                    claim = INTS.compareAndSet(buf, s + 12, state, CLAIMING);
                }
                if (claim) {
                    LONGS.setVolatile(buf, s, me);
                    INTS.setVolatile(buf, s + 8, (int) (long) LONGS.getAndAdd(buf, base() + TICKETS_OFFSET, 1L));
                    INTS.setRelease(buf, s + 12, WAITING);
                    return s;
                }
            }
        }
        throw new LockStateException("condition '" + name + "': more than " + WAITER_SLOTS + " threads are waiting; "
                + "use fewer waiters or several conditions");
    }

    private void freeSlot(int s) {
        LONGS.setVolatile(buf, s, 0L);
        INTS.setRelease(buf, s + 12, FREE);
    }

    /** The state, read without locking. */
    public ConditionSnapshot snapshot() {
        ensureOpen();
        return ConditionDescriptor.snapshot(name, buf);
    }

    private void ensureOpen() {
        open.ensureOpen();
    }

    /** Closes this handle (and the shared lock object it opened) in this process. */
    @Override
    public void close() {
        if (!open.markClosed()) {
            return;
        }
        if (external != null) {
            external.close();
        }
        file.close();
    }

    @Override
    public String toString() {
        return "ProcessCondition[" + name + (open.isClosed() ? ", closed" : "") + "]";
    }
}
