package jproc.ipc.pipe;

import java.io.Serializable;
import java.time.Duration;

/**
 * One end of a {@link ProcessPipe} (the mirror of Python's {@code multiprocessing.connection.Connection}).
 *
 * <p><b>Who may call:</b> any thread of any process holding this end; several senders or receivers on the same end
 * are safe (each message is received once), though a pipe is meant for two parties.
 *
 * <p><b>Blocking:</b> {@code send} blocks only while the direction's ring is full; {@code recv} blocks until a
 * message arrives. Waiting spins briefly, then sleeps in steps of at most 1-2 ms. Interrupting a blocked caller
 * throws {@link jproc.ipc.ChannelInterruptedException}.
 *
 * <p><b>When the peer closes or dies:</b> each end records which processes hold it. {@code recv} on an end whose
 * peer end is held by nobody (closed everywhere, or every holder died) delivers the remaining messages, then
 * throws {@link EndOfStreamException} instead of waiting forever. {@code send} to such a peer throws
 * {@link BrokenPipeException} (immediately if the peer closed; a peer killed with {@code kill -9} is noticed by a
 * send at most 100 ms after the previous check, or as soon as the ring is full).
 *
 * <p><b>Passing an end to another process</b> (as an argument of a child, or through a channel) hands it over once
 * the receiving process attaches it: the receiver becomes a holder and the sending process stops counting as one
 * (it may still use its object). So after {@code child(pipe.right())} the parent's {@code left().recv()} ends with
 * end-of-stream when the child exits. While the handle is in flight the end counts as held for at most 30 seconds;
 * if no process attaches it, the sender simply remains a holder.
 */
public interface PipeConnection extends AutoCloseable, Serializable {
    /** The pipe's name in the session. */
    String name();

    /** 0 for the left end, 1 for the right end. */
    int end();

    /** True if this end may send (false for the receiving end of a one-way pipe). */
    boolean canSend();

    /** True if this end may receive (false for the sending end of a one-way pipe). */
    boolean canReceive();

    /**
     * Sends a value to the other end.
     *
     * @throws BrokenPipeException if nobody holds the other end
     */
    void send(Object value);

    /** Receives the next value, blocking until one arrives. @throws EndOfStreamException if none can come */
    <T> T recv();

    /**
     * Receives the next value, waiting at most {@code timeout}.
     *
     * @throws jproc.ipc.ChannelTimeoutException if none came in time
     * @throws EndOfStreamException              if none can come
     */
    <T> T recv(Duration timeout);

    /** Sends raw bytes (received as {@code byte[]} by both {@code recv} and {@code recvBytes}). */
    void sendBytes(byte[] bytes);

    /** Sends {@code length} bytes of {@code bytes} from {@code offset}. */
    void sendBytes(byte[] bytes, int offset, int length);

    /** Receives the next message's payload bytes, blocking until one arrives. */
    byte[] recvBytes();

    /** True if a message (or end of stream) is ready to receive now. Never blocks. */
    boolean poll();

    /** Waits at most {@code timeout} until a message (or end of stream) is ready to receive. */
    boolean poll(Duration timeout);

    /** The pipe's state, read without taking its locks. */
    PipeSnapshot snapshot();

    /** Closes this end in this process; if no process holds it any more, the peer sees end of stream. */
    @Override
    void close();
}
