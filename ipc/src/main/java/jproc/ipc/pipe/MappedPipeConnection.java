package jproc.ipc.pipe;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import jproc.ipc.ChannelClosedException;
import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelLayoutException;
import jproc.ipc.ChannelTimeoutException;
import jproc.ipc.codec.Encoded;
import jproc.ipc.codec.MessageCodec;
import jproc.ipc.codec.MessageTags;
import jproc.ipc.shm.HolderTable;
import jproc.ipc.shm.MessageRing;
import jproc.ipc.shm.OwnerToken;
import jproc.ipc.shm.RingDescriptor;
import jproc.ipc.shm.RingEndpoint;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.shm.WaitLoop;
import jproc.ipc.trace.Trace;
import jproc.ipc.trace.TraceChannel;
import jproc.ipc.trace.TraceEvent;

/**
 * A {@link PipeConnection} over a mapped pipe file (layout: {@link PipeDescriptor}): one ring per direction and a
 * holder table per end, from which end of stream and broken pipe are decided.
 */
public final class MappedPipeConnection implements PipeConnection {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final AtomicLong ANONYMOUS = new AtomicLong();
    private static final int TRANSFER_HOLD_SECONDS = 30;
    private static final int LIVENESS_EVERY_SENDS = 256;
    private static final long LIVENESS_INTERVAL_NANOS = 100_000_000L;

    private final String name;
    private final int end;
    private final boolean duplex;
    private final int capacity;
    private final transient SharedFile file;
    private final transient HolderTable mine;
    private final transient HolderTable peer;
    private final transient RingEndpoint in;
    private final transient RingEndpoint out;
    private final transient RingEndpoint.Check sendCheck = this::checkPeerForSend;
    private transient volatile boolean closed;
    private transient int sends;
    private transient long lastLivenessCheck;

    private MappedPipeConnection(SharedFile file, int end) {
        file.require(PipeDescriptor.validate(file.buffer()));
        this.file = file;
        this.name = file.name();
        this.end = end;
        this.capacity = (int) file.param(PipeDescriptor.PARAM_CAPACITY);
        this.duplex = file.param(PipeDescriptor.PARAM_DUPLEX) != 0;
        var b = file.buffer();
        this.mine = new HolderTable(b, PipeDescriptor.holdersOffset(end), PipeDescriptor.END_SLOTS);
        this.peer = new HolderTable(b, PipeDescriptor.holdersOffset(1 - end), PipeDescriptor.END_SLOTS);
        TraceChannel trace = Trace.channel(ChannelKind.PIPE.word(), name);
        boolean receives = duplex || end == 0;
        boolean sends = duplex || end == 1;
        this.in = receives ? endpoint(b, end, trace) : null;
        this.out = sends ? endpoint(b, duplex ? 1 - end : 0, trace) : null;
        this.lastLivenessCheck = System.nanoTime() - LIVENESS_INTERVAL_NANOS;
        mine.lock();
        try {
            mine.addLocked(OwnerToken.process(), true, true);
        } finally {
            mine.unlock();
        }
    }

    private RingEndpoint endpoint(java.nio.ByteBuffer b, int ringIndex, TraceChannel trace) {
        var ring = new MessageRing(b, PipeDescriptor.ringOffset(capacity, ringIndex), capacity);
        return new RingEndpoint(file.key(), ring, trace, 0, TraceEvent.SEND, TraceEvent.RECV);
    }

    static String anonymousName() {
        return "anon-" + OwnerToken.myPid() + "-" + ANONYMOUS.incrementAndGet();
    }

    private static SharedFile file(String name, boolean duplex, int capacity) {
        RingDescriptor.checkCapacity(capacity);
        return SharedFile.createOrOpen(ChannelKind.PIPE, name, new long[] {capacity, duplex ? 1 : 0,
            PipeDescriptor.LAYOUT}, PipeDescriptor.bodyBytes(capacity, duplex), null, null);
    }

    static ProcessPipe pair(String name, boolean duplex, int capacity) {
        var left = new MappedPipeConnection(file(name, duplex, capacity), 0);
        var right = new MappedPipeConnection(file(name, duplex, capacity), 1);
        if (left.duplex != duplex || (capacity != ProcessPipe.DEFAULT_CAPACITY && left.capacity != capacity)) {
            left.close();
            right.close();
            throw new ChannelLayoutException("pipe '" + name + "' already exists with duplex=" + left.duplex
                    + " and capacity=" + left.capacity + "; open it with ProcessPipe.open(name) or use another name");
        }
        return new ProcessPipe(left, right);
    }

    static ProcessPipe openPair(String name) {
        var left = new MappedPipeConnection(SharedFile.open(ChannelKind.PIPE, name, null), 0);
        return new ProcessPipe(left, new MappedPipeConnection(SharedFile.open(ChannelKind.PIPE, name, null), 1));
    }

    /** Re-opens the end a handle names (deserialization); the receiving process becomes a holder of that end. */
    public static MappedPipeConnection reopen(ChannelHandle h) {
        return new MappedPipeConnection(file(h.name(), h.param(1) != 0, (int) h.param(0)), (int) h.param(2));
    }

    @Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("channels travel as handles (ChannelHandle), not as objects");
    }

    @Serial
    private Object writeReplace() throws ObjectStreamException {
        ensureOpen();
        mine.lock();
        try {
            mine.addPendingLocked(TRANSFER_HOLD_SECONDS);
        } finally {
            mine.unlock();
        }
        file.holdForTransfer(TRANSFER_HOLD_SECONDS);
        return new ChannelHandle(ChannelKind.PIPE, name, new long[] {capacity, duplex ? 1 : 0, end});
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int end() {
        return end;
    }

    @Override
    public boolean canSend() {
        return out != null;
    }

    @Override
    public boolean canReceive() {
        return in != null;
    }

    @Override
    public void send(Object value) {
        checkSend();
        out.send(value, Long.MAX_VALUE, true, sendCheck);
    }

    @Override
    public void sendBytes(byte[] bytes) {
        sendBytes(bytes, 0, bytes.length);
    }

    @Override
    public void sendBytes(byte[] bytes, int offset, int length) {
        checkSend();
        out.sendEncoded(new Encoded(MessageTags.RAW, Arrays.copyOfRange(bytes, offset, offset + length)),
                Long.MAX_VALUE, true, sendCheck);
    }

    private void checkSend() {
        ensureOpen();
        if (out == null) {
            throw new UnsupportedOperationException("pipe '" + name + "' end " + end + " only receives (the pipe is "
                    + "one-way: send from the right end)");
        }
        if (peer.used() == 0 || (++sends % LIVENESS_EVERY_SENDS == 0 && livenessCheckDue() && !peer.anyLive())) {
            throw new BrokenPipeException(name, end);
        }
    }

    /** True at most every 100 ms: reading the peers' /proc entries costs tens of microseconds. */
    private boolean livenessCheckDue() {
        long now = System.nanoTime();
        if (now - lastLivenessCheck < LIVENESS_INTERVAL_NANOS) {
            return false;
        }
        lastLivenessCheck = now;
        return true;
    }

    private void checkPeerForSend() {
        ensureOpen();
        if (peerGone()) {
            throw new BrokenPipeException(name, end);
        }
    }

    private boolean peerGone() {
        return peer.used() == 0 || !peer.anyLive();
    }

    @Override
    public <T> T recv() {
        return receive(null);
    }

    @Override
    public <T> T recv(Duration timeout) {
        return receive(timeout);
    }

    @SuppressWarnings("unchecked")
    private <T> T receive(Duration timeout) {
        return (T) RingEndpoint.decode(receiveRaw(timeout));
    }

    private Object receiveRaw(Duration timeout) {
        ensureOpen();
        if (in == null) {
            throw new UnsupportedOperationException("pipe '" + name + "' end " + end + " only sends (the pipe is "
                    + "one-way: receive on the left end)");
        }
        Object v = in.receive(0, false, null);
        if (v == MessageRing.EMPTY) {
            if (peer.used() == 0) {
                checkEndOfStream();
            }
            v = in.receive(WaitLoop.deadline(timeout), true, () -> {
                ensureOpen();
                if (peerGone()) {
                    checkEndOfStream();
                }
            });
            if (v == MessageRing.EMPTY) {
                throw new ChannelTimeoutException("recv", "pipe", name, timeout);
            }
        }
        return v;
    }

    private void checkEndOfStream() {
        if (!in.ring().hasMessage()) {
            throw new EndOfStreamException(name, end);
        }
    }

    @Override
    public byte[] recvBytes() {
        Object v = receiveRaw(null);
        if (v instanceof Encoded e) {
            return e.bytes();
        }
        return MessageCodec.encode(v).bytes();
    }

    @Override
    public boolean poll() {
        return poll(Duration.ZERO);
    }

    @Override
    public boolean poll(Duration timeout) {
        ensureOpen();
        if (in == null) {
            return false;
        }
        if (in.ring().hasMessage() || peer.used() == 0) {
            return true;
        }
        return in.awaitAvailable(WaitLoop.deadline(timeout), this::peerGone);
    }

    @Override
    public PipeSnapshot snapshot() {
        ensureOpen();
        return PipeDescriptor.snapshot(name, file.buffer());
    }

    private void ensureOpen() {
        if (closed) {
            throw new ChannelClosedException("pipe end " + end, name);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        mine.lock();
        try {
            mine.removeLocked(OwnerToken.process());
        } finally {
            mine.unlock();
        }
        file.close();
    }

    @Override
    public String toString() {
        return "PipeConnection[" + name + " " + (end == 0 ? "left" : "right") + (closed ? ", closed" : "") + "]";
    }
}
