package jproc.ipc.shm;

import java.nio.charset.StandardCharsets;

import jproc.ipc.codec.Encoded;
import jproc.ipc.codec.MessageCodec;
import jproc.ipc.trace.TraceChannel;
import jproc.ipc.trace.TraceEvent;

/**
 * Blocking, timed and non-blocking sending and receiving over one {@link MessageRing}, shared by queues and pipes.
 * Encodes values (side files for large ones), takes the producer lock (taking it over from a dead producer and
 * repairing the ring), waits with {@link WaitLoop}, registers sleeping waiters for inspection, and records trace
 * events. A channel-specific {@link Check} runs on the slow path (about every 10 ms while sleeping) and may throw
 * to end the wait (a closed handle, a dead peer).
 */
public final class RingEndpoint {
    /** A check run while waiting; throws to abort the wait. */
    @FunctionalInterface
    public interface Check {
        void run();
    }

    private final MessageRing ring;
    private final TraceChannel trace;
    private final int maxItems;
    private final TraceEvent putEvent;
    private final TraceEvent getEvent;
    private final String channel;

    /**
     * @param channel the channel's key ({@link SharedFile#key()}); side files carry it so that removing the channel
     *                removes them
     */
    public RingEndpoint(String channel, MessageRing ring, TraceChannel trace, int maxItems, TraceEvent putEvent,
                        TraceEvent getEvent) {
        this.channel = channel;
        this.ring = ring;
        this.trace = trace;
        this.maxItems = maxItems;
        this.putEvent = putEvent;
        this.getEvent = getEvent;
    }

    public MessageRing ring() {
        return ring;
    }

    /**
     * Sends a value.
     *
     * @param deadline a {@link System#nanoTime()} deadline (ignored unless {@code wait})
     * @param wait     false: one attempt only
     * @return false if there was no room in time
     */
    public boolean send(Object item, long deadline, boolean wait, Check check) {
        int tag = MessageCodec.primitiveTag(item);
        if (tag >= 0) {
            return sendRecord(tag, MessageCodec.primitiveBits(item, tag), null, deadline, wait, check, null);
        }
        return sendEncoded(MessageCodec.encode(item), deadline, wait, check);
    }

    /** Sends an already encoded message. */
    public boolean sendEncoded(Encoded e, long deadline, boolean wait, Check check) {
        if (ring.fitsInline(e.bytes().length)) {
            return sendRecord(e.tag(), 0, e.bytes(), deadline, wait, check, null);
        }
        // The side file is written only once the ring has room for its record (under the producer lock), so a
        // producer killed while it waits for room leaves no file behind.
        String blob = BlobFiles.newName(channel);
        boolean[] written = new boolean[1];
        Runnable write = () -> {
            if (!written[0]) {
                BlobFiles.write(blob, e.bytes());
                written[0] = true;
            }
        };
        boolean done = false;
        try {
            done = sendRecord(MessageRing.blobTag(e.tag()), 0, blob.getBytes(StandardCharsets.US_ASCII), deadline,
                    wait, check, write);
            return done;
        } finally {
            if (!done && written[0]) {
                BlobFiles.delete(blob);
            }
        }
    }

    private boolean sendRecord(int tag, long bits, byte[] payload, long deadline, boolean wait, Check check,
                               Runnable beforeWrite) {
        long token = OwnerToken.current();
        MutexWord lock = ring.producerLock();
        if (lock.tryLock(token)) {
            boolean ok;
            try {
                ok = ring.tryPut(tag, bits, payload, maxItems, beforeWrite);
            } finally {
                lock.unlock();
            }
            if (ok) {
                trace.event(putEvent);
                return true;
            }
        }
        long until = wait ? deadline : System.nanoTime();
        try (var w = new WaitLoop(trace, putEvent, putEvent.name().toLowerCase(), until, ring.putWaiters())) {
            while (true) {
                int r = attempt(token, tag, bits, payload, w, beforeWrite);
                if (r != 0) {
                    return r > 0;
                }
                if (!wait) {
                    return false;
                }
                if (w.checkDue() && check != null) {
                    check.run();
                }
                if (!w.pause()) {
                    return false;
                }
            }
        }
    }

    /** One locked attempt: 1 sent, 0 no room, -1 lock not obtained in time. */
    private int attempt(long token, int tag, long bits, byte[] payload, WaitLoop w, Runnable beforeWrite) {
        MutexWord lock = ring.producerLock();
        long r = lock.lock(token, w);
        if (r == MutexWord.TIMED_OUT) {
            return -1;
        }
        boolean ok;
        try {
            if (r != MutexWord.ACQUIRED) {
                ring.repairTail();
                trace.event(TraceEvent.OWNER_DIED);
            }
            ok = ring.tryPut(tag, bits, payload, maxItems, beforeWrite);
        } finally {
            lock.unlock();
        }
        if (ok) {
            trace.event(putEvent);
            return 1;
        }
        return 0;
    }

    /**
     * Receives the oldest message.
     *
     * @return {@link MessageRing#EMPTY} if none came in time, otherwise the raw message for {@link #decode(Object)}
     */
    public Object receive(long deadline, boolean wait, Check check) {
        Object v = ring.poll();
        if (v == MessageRing.EMPTY && wait) {
            v = waitForMessage(deadline, check);
        }
        if (v != MessageRing.EMPTY) {
            trace.event(getEvent);
        }
        return v;
    }

    private Object waitForMessage(long deadline, Check check) {
        try (var w = new WaitLoop(trace, getEvent, getEvent.name().toLowerCase(), deadline, ring.getWaiters())) {
            while (true) {
                Object v = ring.poll();
                if (v != MessageRing.EMPTY) {
                    return v;
                }
                if (w.checkDue() && check != null) {
                    check.run();
                }
                if (!w.pause()) {
                    return MessageRing.EMPTY;
                }
            }
        }
    }

    /**
     * Waits until a message is available, {@code ready} turns true, or the deadline passes; consumes nothing.
     *
     * @return true if a message is available or {@code ready} is true
     */
    public boolean awaitAvailable(long deadline, java.util.function.BooleanSupplier ready) {
        if (ring.hasMessage() || ready.getAsBoolean()) {
            return true;
        }
        try (var w = new WaitLoop(trace, getEvent, "poll", deadline)) {
            while (true) {
                if (ring.hasMessage()) {
                    return true;
                }
                if (w.checkDue() && ready.getAsBoolean()) {
                    return true;
                }
                if (!w.pause()) {
                    return ring.hasMessage();
                }
            }
        }
    }

    /** Decodes a raw message returned by {@link #receive}. */
    public static Object decode(Object raw) {
        return raw instanceof Encoded e ? MessageCodec.decode(e.tag(), e.bytes()) : raw;
    }

    /** If the producer lock is held by a dead process, takes it over, repairs the ring and frees it again. */
    public void repairIfProducerDied() {
        MutexWord lock = ring.producerLock();
        long owner = lock.owner();
        if (owner != 0 && !OwnerToken.isAlive(owner) && lock.takeOver(owner, OwnerToken.current())) {
            try {
                ring.repairTail();
                trace.event(TraceEvent.OWNER_DIED);
            } finally {
                lock.unlock();
            }
        }
    }
}
