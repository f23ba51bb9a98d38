package jproc.ipc.shm;

import java.io.InvalidObjectException;
import java.util.concurrent.atomic.AtomicLong;

import jproc.ipc.ChannelClosedException;
import jproc.ipc.ChannelHandle;

/**
 * The open or closed state of one channel object in this process, which every channel type needs alike: calls
 * after {@code close()} fail with {@link ChannelClosedException}, {@code close()} takes effect once, and the object
 * is serialized as a {@link ChannelHandle} that keeps the file alive while it travels. Closing one object does not
 * affect other processes or other objects of the same channel in this process.
 */
public final class OpenHandle {
    /**
     * How long a serialized handle keeps its file alive without any process attached (passed to a child that has
     * not started yet, or sitting in a queue); the receiving process's attach ends the hold.
     */
    public static final int TRANSFER_HOLD_SECONDS = 60;
    private static final AtomicLong ANONYMOUS = new AtomicLong();

    private final SharedFile file;
    private final String kind;
    private volatile boolean closed;

    /**
     * @param file the channel's file, opened for this object
     * @param kind the channel kind's word for messages ({@code event}, {@code value}...)
     */
    public OpenHandle(SharedFile file, String kind) {
        this.file = file;
        this.kind = kind;
    }

    /** A name not used before in this process, for channels created without one. */
    public static String anonymousName() {
        return "anon-" + OwnerToken.myPid() + "-" + ANONYMOUS.incrementAndGet();
    }

    /** Why a channel object cannot be read from a stream: channels travel as {@link ChannelHandle}s. */
    public static InvalidObjectException notByValue() {
        return new InvalidObjectException("channels travel as handles (ChannelHandle), not as objects");
    }

    /** @throws ChannelClosedException if {@link #markClosed()} was called */
    public void ensureOpen() {
        if (closed) {
            throw new ChannelClosedException(kind, file.name());
        }
    }

    /** True once closed. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Marks the object closed. True for the one call that did: that caller releases what the object holds (its
     * file, companion objects); later calls return false and do nothing.
     */
    public boolean markClosed() {
        if (closed) {
            return false;
        }
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            return true;
        }
    }

    /** Marks the object closed and closes its file, once. */
    public void close() {
        if (markClosed()) {
            file.close();
        }
    }

    /**
     * What a channel object's {@code writeReplace} returns: {@code handle}, after keeping the file alive for
     * {@link #TRANSFER_HOLD_SECONDS} so that the receiving process finds it.
     *
     * @throws ChannelClosedException if closed
     */
    public ChannelHandle handOver(ChannelHandle handle) {
        ensureOpen();
        file.holdForTransfer(TRANSFER_HOLD_SECONDS);
        return handle;
    }
}
