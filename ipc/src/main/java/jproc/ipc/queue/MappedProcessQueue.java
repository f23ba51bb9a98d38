package jproc.ipc.queue;

import static jproc.ipc.shm.ShmAccess.LONGS;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelLayoutException;
import jproc.ipc.ChannelTimeoutException;
import jproc.ipc.shm.MessageRing;
import jproc.ipc.shm.OpenHandle;
import jproc.ipc.shm.RingDescriptor;
import jproc.ipc.shm.RingEndpoint;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.shm.WaitLoop;
import jproc.ipc.trace.Trace;
import jproc.ipc.trace.TraceChannel;
import jproc.ipc.trace.TraceEvent;

/**
 * A {@link JoinableProcessQueue} over one {@link MessageRing} in a mapped file (layout: {@link QueueDescriptor}).
 * Producers serialize on the ring's robust producer lock; consumers commit with a compare-and-set and hold
 * nothing. See {@link ProcessQueue} for the cross-process contract.
 *
 * @param <T> the item type
 */
public final class MappedProcessQueue<T> implements JoinableProcessQueue<T> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient SharedFile file;
    private final transient OpenHandle open;
    private final transient MessageRing ring;
    private final transient ByteBuffer buf;
    private final transient TraceChannel trace;
    private final transient RingEndpoint endpoint;
    private final transient RingEndpoint.Check openCheck = this::ensureOpen;
    private final String name;
    private final int maxItems;
    private final int capacity;

    private MappedProcessQueue(SharedFile file) {
        file.require(QueueDescriptor.validate(file.buffer()));
        this.file = file;
        this.name = file.name();
        this.open = new OpenHandle(file, ChannelKind.QUEUE.word());
        this.buf = file.buffer();
        this.capacity = (int) file.param(QueueDescriptor.PARAM_CAPACITY);
        this.maxItems = (int) file.param(QueueDescriptor.PARAM_MAX_ITEMS);
        this.ring = new MessageRing(buf, QueueDescriptor.RING_OFFSET, capacity);
        this.trace = Trace.channel(ChannelKind.QUEUE.word(), name);
        this.endpoint = new RingEndpoint(file.key(), ring, trace, maxItems, TraceEvent.PUT, TraceEvent.GET);
    }

    static <T> MappedProcessQueue<T> createOrOpen(String name, int maxItems, int capacityBytes) {
        if (maxItems < 0 || maxItems >= RingDescriptor.SEQ_MASK) {
            throw new IllegalArgumentException("maxItems must be 0 (no bound) or 1.." + (RingDescriptor.SEQ_MASK - 1)
                    + ": maxItems=" + maxItems);
        }
        RingDescriptor.checkCapacity(capacityBytes);
        long[] params = {capacityBytes, maxItems, QueueDescriptor.LAYOUT};
        SharedFile f = SharedFile.createOrOpen(ChannelKind.QUEUE, name, params,
                QueueDescriptor.bodyBytes(capacityBytes), null, null);
        var q = new MappedProcessQueue<T>(f);
        if ((maxItems != 0 && q.maxItems != maxItems)
                || (capacityBytes != ProcessQueue.DEFAULT_CAPACITY && q.capacity != capacityBytes)) {
            f.close();
            throw new ChannelLayoutException("queue '" + name + "' already exists with maxItems=" + q.maxItems
                    + " and capacity=" + q.capacity + "; asked for maxItems=" + maxItems + " and capacity="
                    + capacityBytes + ": open it with ProcessQueue.open(name) or use another name");
        }
        return q;
    }

    static <T> MappedProcessQueue<T> openExisting(String name) {
        return new MappedProcessQueue<>(SharedFile.open(ChannelKind.QUEUE, name, null));
    }

    /** Re-opens a queue from its handle (deserialization). */
    public static MappedProcessQueue<?> reopen(ChannelHandle h) {
        return new MappedProcessQueue<>(SharedFile.createOrOpen(ChannelKind.QUEUE, h.name(),
                new long[] {h.param(0), h.param(1), QueueDescriptor.LAYOUT},
                QueueDescriptor.bodyBytes((int) h.param(0)), null, null));
    }

    @Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw OpenHandle.notByValue();
    }

    @Serial
    private Object writeReplace() throws ObjectStreamException {
        return open.handOver(new ChannelHandle(ChannelKind.QUEUE, name, new long[] {capacity, maxItems}));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void put(T item) {
        send(item, Long.MAX_VALUE, true);
    }

    @Override
    public void put(T item, Duration timeout) {
        if (!send(item, WaitLoop.deadline(timeout), true)) {
            throw new ChannelTimeoutException("put", "queue", name, timeout);
        }
    }

    @Override
    public boolean offer(T item) {
        return send(item, System.nanoTime(), false);
    }

    @Override
    public boolean offer(T item, Duration timeout) {
        return send(item, WaitLoop.deadline(timeout), true);
    }

    private boolean send(Object item, long deadline, boolean wait) {
        ensureOpen();
        return endpoint.send(item, deadline, wait, openCheck);
    }

    @Override
    public T get() {
        return receive(null, true, true, "get");
    }

    @Override
    public T get(Duration timeout) {
        return receive(timeout, true, true, "get");
    }

    @Override
    public T poll() {
        return receive(null, false, false, "poll");
    }

    @Override
    public T poll(Duration timeout) {
        return receive(timeout, true, false, "poll");
    }

    @SuppressWarnings("unchecked")
    private T receive(Duration timeout, boolean wait, boolean throwOnTimeout, String op) {
        ensureOpen();
        Object v = endpoint.receive(WaitLoop.deadline(timeout), wait, openCheck);
        if (v == MessageRing.EMPTY) {
            if (throwOnTimeout) {
                throw new ChannelTimeoutException(op, "queue", name, timeout);
            }
            return null;
        }
        return (T) RingEndpoint.decode(v);
    }

    @Override
    @SuppressWarnings("unchecked")
    public int drainTo(Collection<? super T> target, int max) {
        ensureOpen();
        int n = 0;
        while (n < max) {
            Object v = ring.poll();
            if (v == MessageRing.EMPTY) {
                break;
            }
            trace.event(TraceEvent.GET);
            target.add((T) RingEndpoint.decode(v));
            n++;
        }
        return n;
    }

    @Override
    public int size() {
        ensureOpen();
        return (int) ring.size();
    }

    @Override
    public boolean isEmpty() {
        ensureOpen();
        return !ring.hasMessage();
    }

    @Override
    public boolean isFull() {
        ensureOpen();
        return ring.isFull(maxItems);
    }

    @Override
    public int maxItems() {
        return maxItems;
    }

    @Override
    public int capacityBytes() {
        return capacity;
    }

    @Override
    public void taskDone() {
        ensureOpen();
        int off = QueueDescriptor.RING_OFFSET + RingDescriptor.DONE_OFFSET;
        while (true) {
            long done = (long) LONGS.getVolatile(buf, off);
            long unfinished = unfinished(done);
            if (unfinished <= 0 && ring.producerLock().owner() != 0) {
                endpoint.repairIfProducerDied();
                unfinished = unfinished(done);
            }
            if (unfinished <= 0) {
                throw new TaskDoneException(name, ring.putCount());
            }
            if (LONGS.compareAndSet(buf, off, done, done + 1)) {
                return;
            }
        }
    }

    private long unfinished(long done) {
        long n = (ring.putSeq() - done) & RingDescriptor.SEQ_MASK;
        return n > (RingDescriptor.SEQ_MASK >> 1) ? 0 : n;
    }

    @Override
    public long unfinishedTasks() {
        return unfinished((long) LONGS.getVolatile(buf, QueueDescriptor.RING_OFFSET + RingDescriptor.DONE_OFFSET));
    }

    @Override
    public void join() {
        join(null);
    }

    @Override
    public boolean join(Duration timeout) {
        ensureOpen();
        if (ring.producerLock().owner() != 0) {
            endpoint.repairIfProducerDied();
        }
        if (unfinishedTasks() == 0) {
            return true;
        }
        try (var w = new WaitLoop(trace, TraceEvent.WAIT, "join", WaitLoop.deadline(timeout))) {
            while (unfinishedTasks() > 0) {
                if (w.checkDue()) {
                    endpoint.repairIfProducerDied();
                }
                if (!w.pause()) {
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public QueueSnapshot snapshot() {
        ensureOpen();
        return QueueDescriptor.snapshot(name, buf);
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
        return "ProcessQueue[" + name + (open.isClosed() ? ", closed" : ", size=" + ring.size()) + "]";
    }
}
