package jproc.bench.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file of {@code long} slots mapped by several processes: the suite's own bookkeeping (what a worker has
 * acknowledged, what it has received), kept apart from the channels under test so that a bug in a channel cannot
 * hide itself. Writers publish with release stores; the reading parent uses acquire loads, after the writer has
 * ended or been killed (the kernel keeps a killed process's stores to a shared mapping).
 */
public final class SharedLongs implements AutoCloseable {
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final Path path;
    private final int slots;
    private final FileChannel channel;
    private final MappedByteBuffer buf;

    private SharedLongs(Path path, int slots, boolean create) {
        this.path = path;
        this.slots = slots;
        try {
            channel = create
                    ? FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE)
                    : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            buf = channel.map(FileChannel.MapMode.READ_WRITE, 0, (long) slots * Long.BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map bookkeeping file " + path, e);
        }
    }

    /** Creates (or truncates to zeros) a file of {@code slots} longs. */
    public static SharedLongs create(Path path, int slots) {
        if (slots <= 0 || slots > (Integer.MAX_VALUE / Long.BYTES)) {
            throw new IllegalArgumentException("slots must be 1.." + Integer.MAX_VALUE / Long.BYTES + ": slots="
                    + slots);
        }
        return new SharedLongs(path, slots, true);
    }

    /** Maps an existing file of {@code slots} longs. */
    public static SharedLongs open(Path path, int slots) {
        return new SharedLongs(path, slots, false);
    }

    public int slots() {
        return slots;
    }

    public Path path() {
        return path;
    }

    public long get(int slot) {
        return (long) LONGS.getAcquire(buf, offset(slot));
    }

    public void set(int slot, long value) {
        LONGS.setRelease(buf, offset(slot), value);
    }

    /** Atomically adds and returns the new value. */
    public long add(int slot, long delta) {
        return (long) LONGS.getAndAdd(buf, offset(slot), delta) + delta;
    }

    public boolean compareAndSet(int slot, long expected, long value) {
        return LONGS.compareAndSet(buf, offset(slot), expected, value);
    }

    private int offset(int slot) {
        if (slot < 0 || slot >= slots) {
            throw new IndexOutOfBoundsException("slot must be 0.." + (slots - 1) + ": slot=" + slot);
        }
        return slot * Long.BYTES;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
