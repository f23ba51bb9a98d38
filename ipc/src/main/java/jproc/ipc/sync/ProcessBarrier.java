package jproc.ipc.sync;

import static jproc.ipc.shm.ShmAccess.INTS;
import static jproc.ipc.shm.ShmAccess.LONGS;
import static jproc.ipc.sync.BarrierDescriptor.ARRIVED_OFFSET;
import static jproc.ipc.sync.BarrierDescriptor.BROKEN_OFFSET;
import static jproc.ipc.sync.BarrierDescriptor.BYTES;
import static jproc.ipc.sync.BarrierDescriptor.GENERATION_OFFSET;
import static jproc.ipc.sync.BarrierDescriptor.LAYOUT;
import static jproc.ipc.sync.BarrierDescriptor.MUTEX_OFFSET;
import static jproc.ipc.sync.BarrierDescriptor.PARTIES_OFFSET;
import static jproc.ipc.sync.BarrierDescriptor.RESET_OFFSET;
import static jproc.ipc.sync.BarrierDescriptor.ROUNDS_OFFSET;
import static jproc.ipc.sync.BarrierDescriptor.WAITERS_OFFSET;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.Duration;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelLayoutException;
import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.shm.MutexWord;
import jproc.ipc.shm.OpenHandle;
import jproc.ipc.shm.OwnerToken;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.shm.WaitLoop;
import jproc.ipc.shm.WaiterTable;
import jproc.ipc.trace.Trace;
import jproc.ipc.trace.TraceChannel;
import jproc.ipc.trace.TraceEvent;

/**
 * A barrier for a fixed number of parties in any processes of the session (the mirror of Python's
 * {@code multiprocessing.Barrier}): each party calls {@link #await()}, which returns once all {@code parties} have
 * arrived, giving each a distinct index from 0 to parties - 1. The barrier then starts the next round.
 *
 * <p><b>Breaking:</b> when a party's {@code await(timeout)} times out, or someone calls {@link #abort()}, every party
 * of the round gets {@link BrokenProcessBarrierException}, and so do later callers until {@link #reset()}. A party
 * that dies before arriving is not detected: use a timeout where that can happen. Waiting spins briefly, then sleeps
 * in steps of at most 1-2 ms; interrupting a waiter throws {@link jproc.ipc.ChannelInterruptedException} (and leaves
 * its arrival counted).
 */
public final class ProcessBarrier implements AutoCloseable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient SharedFile file;
    private final transient OpenHandle open;
    private final transient ByteBuffer buf;
    private final transient MutexWord mutex;
    private final transient WaiterTable waiters;
    private final transient TraceChannel trace;
    private final String name;
    private final int parties;

    private ProcessBarrier(SharedFile file) {
        file.require(BarrierDescriptor.validate(file.buffer()));
        this.file = file;
        this.name = file.name();
        this.open = new OpenHandle(file, ChannelKind.BARRIER.word());
        this.buf = file.buffer();
        this.parties = (int) file.param(0);
        this.mutex = new MutexWord(buf, at(MUTEX_OFFSET));
        this.waiters = new WaiterTable(buf, at(WAITERS_OFFSET));
        this.trace = Trace.channel(ChannelKind.BARRIER.word(), name);
    }

    private static int at(int off) {
        return HeaderDescriptor.BODY_OFFSET + off;
    }

    /** Opens the barrier with this name, creating it for {@code parties} parties if needed. */
    public static ProcessBarrier of(String name, int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a barrier needs at least 1 party: parties=" + parties);
        }
        var f = SharedFile.createOrOpen(ChannelKind.BARRIER, name, new long[] {parties, LAYOUT}, BYTES,
                b -> INTS.set(b, at(PARTIES_OFFSET), parties), null);
        if (f.param(0) != parties) {
            long existing = f.param(0);
            f.close();
            throw new ChannelLayoutException("barrier '" + name + "' already exists for " + existing + " parties, not "
                    + parties + "; open it with open(name) or use another name");
        }
        return new ProcessBarrier(f);
    }

    /** Creates a barrier with a generated name. */
    public static ProcessBarrier create(int parties) {
        return of(OpenHandle.anonymousName(), parties);
    }

    /** Opens an existing barrier. @throws jproc.ipc.ChannelNotFoundException if there is none */
    public static ProcessBarrier open(String name) {
        return new ProcessBarrier(SharedFile.open(ChannelKind.BARRIER, name, null));
    }

    /** Re-opens a barrier from its handle (deserialization). */
    public static ProcessBarrier reopen(ChannelHandle h) {
        return of(h.name(), (int) h.param(0));
    }

    @Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw OpenHandle.notByValue();
    }

    @Serial
    private Object writeReplace() throws ObjectStreamException {
        return open.handOver(new ChannelHandle(ChannelKind.BARRIER, name, new long[] {parties}));
    }

    /** The name in the session. */
    public String name() {
        return name;
    }

    /** Parties per round. */
    public int parties() {
        return parties;
    }

    /** Waits for all parties; returns this party's arrival index. */
    public int await() {
        return await(null);
    }

    /**
     * Waits at most {@code timeout} (null: forever) for all parties.
     *
     * @return this party's arrival index, 0 to parties - 1
     * @throws BrokenProcessBarrierException if the barrier is or becomes broken, or this wait timed out (which
     *                                       breaks it for everyone)
     */
    public int await(Duration timeout) {
        ensureOpen();
        long gen;
        int index;
        mutex.lockRecovering(OwnerToken.current());
        try {
            if ((int) INTS.getVolatile(buf, at(BROKEN_OFFSET)) != 0) {
                throw new BrokenProcessBarrierException(name, "it was broken earlier");
            }
            gen = (long) LONGS.getVolatile(buf, at(GENERATION_OFFSET));
            index = (int) INTS.getVolatile(buf, at(ARRIVED_OFFSET));
            if (index + 1 >= parties) {
                INTS.setVolatile(buf, at(ARRIVED_OFFSET), 0);
                LONGS.getAndAdd(buf, at(ROUNDS_OFFSET), 1L);
                LONGS.setVolatile(buf, at(GENERATION_OFFSET), gen + 1);
                trace.event(TraceEvent.WAIT);
                return index;
            }
            INTS.setVolatile(buf, at(ARRIVED_OFFSET), index + 1);
        } finally {
            mutex.unlock();
        }
        try (var w = new WaitLoop(trace, TraceEvent.WAIT, "await", WaitLoop.deadline(timeout), waiters)) {
            while (true) {
                long g = (long) LONGS.getVolatile(buf, at(GENERATION_OFFSET));
                if (g != gen) {
                    if ((long) LONGS.getVolatile(buf, at(RESET_OFFSET)) == gen + 1) {
                        throw new BrokenProcessBarrierException(name, "reset() was called while waiting");
                    }
                    trace.event(TraceEvent.WAIT);
                    return index;
                }
                if ((int) INTS.getVolatile(buf, at(BROKEN_OFFSET)) != 0) {
                    throw new BrokenProcessBarrierException(name, "a party timed out or abort() was called");
                }
                if (!w.pause()) {
                    breakIfStill(gen);
                    throw new BrokenProcessBarrierException(name, "this wait timed out after "
                            + (timeout == null ? "?" : timeout.toMillis() + " ms") + " with "
                            + INTS.getVolatile(buf, at(ARRIVED_OFFSET)) + " of " + parties + " arrived");
                }
            }
        }
    }

    private void breakIfStill(long gen) {
        mutex.lockRecovering(OwnerToken.current());
        try {
            if ((long) LONGS.getVolatile(buf, at(GENERATION_OFFSET)) == gen) {
                INTS.setVolatile(buf, at(BROKEN_OFFSET), 1);
            }
        } finally {
            mutex.unlock();
        }
    }

    /** Breaks the barrier: current and later waiters get {@link BrokenProcessBarrierException} until reset. */
    public void abort() {
        ensureOpen();
        mutex.lockRecovering(OwnerToken.current());
        try {
            INTS.setVolatile(buf, at(BROKEN_OFFSET), 1);
        } finally {
            mutex.unlock();
        }
    }

    /** Returns the barrier to its initial state; parties waiting now get {@link BrokenProcessBarrierException}. */
    public void reset() {
        ensureOpen();
        mutex.lockRecovering(OwnerToken.current());
        try {
            long gen = (long) LONGS.getVolatile(buf, at(GENERATION_OFFSET));
            if ((int) INTS.getVolatile(buf, at(ARRIVED_OFFSET)) > 0) {
                LONGS.setVolatile(buf, at(RESET_OFFSET), gen + 1);
                LONGS.setVolatile(buf, at(GENERATION_OFFSET), gen + 1);
            }
            INTS.setVolatile(buf, at(ARRIVED_OFFSET), 0);
            INTS.setVolatile(buf, at(BROKEN_OFFSET), 0);
        } finally {
            mutex.unlock();
        }
    }

    /** Parties waiting in the current round (Python's {@code n_waiting}). */
    public int waiting() {
        ensureOpen();
        return (int) INTS.getVolatile(buf, at(ARRIVED_OFFSET));
    }

    /** True if broken. */
    public boolean isBroken() {
        ensureOpen();
        return (int) INTS.getVolatile(buf, at(BROKEN_OFFSET)) != 0;
    }

    /** The state, read without locking. */
    public BarrierSnapshot snapshot() {
        ensureOpen();
        return snapshot(name, buf);
    }

    /** Reads a barrier's state from a mapping without locking. */
    public static BarrierSnapshot snapshot(String name, ByteBuffer b) {
        return new BarrierSnapshot(name, (int) INTS.getVolatile(b, at(PARTIES_OFFSET)),
                (int) INTS.getVolatile(b, at(ARRIVED_OFFSET)), (int) INTS.getVolatile(b, at(BROKEN_OFFSET)) != 0,
                (long) LONGS.getVolatile(b, at(ROUNDS_OFFSET)), new WaiterTable(b, at(WAITERS_OFFSET)).waiterPids());
    }

    private void ensureOpen() {
        open.ensureOpen();
    }

    @Override
    public void close() {
        open.close();
    }

    @Override
    public String toString() {
        return "ProcessBarrier[" + name + ", parties=" + parties + (open.isClosed() ? ", closed" : "") + "]";
    }
}
