package jproc.ipc.pipe;

import java.io.Serializable;

/**
 * A pipe: two connected ends (the mirror of Python's {@code multiprocessing.Pipe()}). Duplex by default: what one
 * end sends the other receives, both ways. A one-way pipe ({@code duplex = false}) sends from {@link #right()} to
 * {@link #left()} only, like Python's {@code r, w = Pipe(duplex=False)}.
 *
 * <p>Each direction is a ring of {@link #DEFAULT_CAPACITY} bytes in shared memory; larger messages travel through a
 * side file. Opening the same name in another process of the session gives that process both ends too. See
 * {@link PipeConnection} for blocking, end-of-stream and hand-over rules.
 *
 * @param left  end 0 (the receiving end of a one-way pipe)
 * @param right end 1 (the sending end of a one-way pipe)
 */
public record ProcessPipe(PipeConnection left, PipeConnection right) implements AutoCloseable, Serializable {
    /** Default capacity of each direction's ring, in bytes. */
    public static final int DEFAULT_CAPACITY = 1 << 18;

    /** Opens the duplex pipe with this name in the session, creating it if needed. */
    public static ProcessPipe of(String name) {
        return MappedPipeConnection.pair(name, true, DEFAULT_CAPACITY);
    }

    /** Opens or creates a pipe; {@code duplex = false} makes it one-way (right sends, left receives). */
    public static ProcessPipe of(String name, boolean duplex) {
        return MappedPipeConnection.pair(name, duplex, DEFAULT_CAPACITY);
    }

    /** Opens or creates a pipe whose rings hold {@code capacityBytes} each (a power of 2). */
    public static ProcessPipe of(String name, boolean duplex, int capacityBytes) {
        return MappedPipeConnection.pair(name, duplex, capacityBytes);
    }

    /** Creates a duplex pipe with a generated name. */
    public static ProcessPipe create() {
        return MappedPipeConnection.pair(MappedPipeConnection.anonymousName(), true, DEFAULT_CAPACITY);
    }

    /** Creates a pipe with a generated name, duplex or one-way. */
    public static ProcessPipe create(boolean duplex) {
        return MappedPipeConnection.pair(MappedPipeConnection.anonymousName(), duplex, DEFAULT_CAPACITY);
    }

    /** Opens both ends of an existing pipe. @throws jproc.ipc.ChannelNotFoundException if there is none */
    public static ProcessPipe open(String name) {
        return MappedPipeConnection.openPair(name);
    }

    /** The pipe's name. */
    public String name() {
        return left.name();
    }

    /** Closes both ends in this process. */
    @Override
    public void close() {
        left.close();
        right.close();
    }
}
