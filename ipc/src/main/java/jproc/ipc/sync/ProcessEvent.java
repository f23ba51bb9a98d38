package jproc.ipc.sync;

import static jproc.ipc.shm.ShmAccess.INTS;
import static jproc.ipc.shm.ShmAccess.LONGS;
import static jproc.ipc.sync.EventDescriptor.BYTES;
import static jproc.ipc.sync.EventDescriptor.FLAG_OFFSET;
import static jproc.ipc.sync.EventDescriptor.LAYOUT;
import static jproc.ipc.sync.EventDescriptor.SETS_OFFSET;
import static jproc.ipc.sync.EventDescriptor.WAITERS_OFFSET;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.Duration;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.shm.OpenHandle;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.shm.WaitLoop;
import jproc.ipc.shm.WaiterTable;
import jproc.ipc.trace.Trace;
import jproc.ipc.trace.TraceChannel;
import jproc.ipc.trace.TraceEvent;

/**
 * A flag shared by the processes of the session that threads can wait for (the mirror of Python's
 * {@code multiprocessing.Event}): {@link #set()} wakes every waiter, {@link #clear()} resets it, {@link #await()}
 * blocks until it is set. ({@code wait} is taken by {@link Object#wait()}, hence {@code await}.)
 *
 * <p>Any thread of any process may call anything. Waiters spin briefly, then sleep in steps of at most 1-2 ms, so a
 * {@code set} is seen within 1-2 ms; interrupting a waiter throws {@link jproc.ipc.ChannelInterruptedException}.
 * The flag does not depend on any process staying alive.
 */
public final class ProcessEvent implements AutoCloseable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient SharedFile file;
    private final transient OpenHandle open;
    private final transient ByteBuffer buf;
    private final transient TraceChannel trace;
    private final transient WaiterTable waiters;
    private final String name;

    private ProcessEvent(SharedFile file) {
        file.require(EventDescriptor.validate(file.buffer()));
        this.file = file;
        this.name = file.name();
        this.open = new OpenHandle(file, ChannelKind.EVENT.word());
        this.buf = file.buffer();
        this.trace = Trace.channel(ChannelKind.EVENT.word(), name);
        this.waiters = new WaiterTable(buf, HeaderDescriptor.BODY_OFFSET + WAITERS_OFFSET);
    }

    /** Opens the event with this name, creating it (clear) if needed. */
    public static ProcessEvent of(String name) {
        return new ProcessEvent(SharedFile.createOrOpen(ChannelKind.EVENT, name, new long[] {LAYOUT}, BYTES, null,
                null));
    }

    /** Creates an event with a generated name. */
    public static ProcessEvent create() {
        return of(OpenHandle.anonymousName());
    }

    /** Opens an existing event. @throws jproc.ipc.ChannelNotFoundException if there is none */
    public static ProcessEvent open(String name) {
        return new ProcessEvent(SharedFile.open(ChannelKind.EVENT, name, null));
    }

    /** Re-opens an event from its handle (deserialization). */
    public static ProcessEvent reopen(ChannelHandle h) {
        return of(h.name());
    }

    @Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw OpenHandle.notByValue();
    }

    @Serial
    private Object writeReplace() throws ObjectStreamException {
        return open.handOver(new ChannelHandle(ChannelKind.EVENT, name, new long[0]));
    }

    private int flag() {
        return HeaderDescriptor.BODY_OFFSET + FLAG_OFFSET;
    }

    /** The name in the session. */
    public String name() {
        return name;
    }

    /** Sets the flag; every waiter returns. */
    public void set() {
        ensureOpen();
        INTS.setVolatile(buf, flag(), 1);
        LONGS.getAndAdd(buf, HeaderDescriptor.BODY_OFFSET + SETS_OFFSET, 1L);
        trace.event(TraceEvent.SET);
    }

    /** Clears the flag. */
    public void clear() {
        ensureOpen();
        INTS.setVolatile(buf, flag(), 0);
        trace.event(TraceEvent.SET);
    }

    /** True if the flag is set. */
    public boolean isSet() {
        ensureOpen();
        return (int) INTS.getVolatile(buf, flag()) != 0;
    }

    /** Blocks until the flag is set. */
    public void await() {
        await(null);
    }

    /** Waits at most {@code timeout} (null: forever) for the flag; returns whether it is set (Python's wait). */
    public boolean await(Duration timeout) {
        ensureOpen();
        if (isSet()) {
            return true;
        }
        try (var w = new WaitLoop(trace, TraceEvent.WAIT, "await", WaitLoop.deadline(timeout), waiters)) {
            while (!isSet()) {
                if (!w.pause()) {
                    return isSet();
                }
            }
            trace.event(TraceEvent.WAIT);
            return true;
        }
    }

    /** The state, read without locking. */
    public EventSnapshot snapshot() {
        ensureOpen();
        return new EventSnapshot(name, (int) INTS.getVolatile(buf, flag()) != 0,
                (long) LONGS.getVolatile(buf, HeaderDescriptor.BODY_OFFSET + SETS_OFFSET), waiters.waiterPids());
    }

    /** Reads an event's state from a mapping without locking. */
    public static EventSnapshot snapshot(String name, ByteBuffer b) {
        int base = HeaderDescriptor.BODY_OFFSET;
        return new EventSnapshot(name, (int) INTS.getVolatile(b, base + FLAG_OFFSET) != 0,
                (long) LONGS.getVolatile(b, base + SETS_OFFSET),
                new WaiterTable(b, base + WAITERS_OFFSET).waiterPids());
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
        return "ProcessEvent[" + name + (open.isClosed() ? ", closed" : isSet() ? ", set" : ", clear") + "]";
    }
}
