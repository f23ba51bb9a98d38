package jproc.bench.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Releases benchmark workers at the same moment: the parent holds an exclusive file lock on the gate file; every
 * worker blocks in the kernel asking for a shared lock, and all are woken together when the parent lets go (the
 * Java counterpart of Python's {@code Event.set()} waking every waiter). Workers that sleep in the kernel get the
 * CPU as soon as they are woken, whereas spinning workers queue behind other processes.
 */
public final class StartGate implements AutoCloseable {
    private final FileChannel channel;
    private FileLock lock;

    private StartGate(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.lock = channel.lock();
    }

    /** Parent side: closes the gate (takes the exclusive lock) on an existing file. */
    public static StartGate closedOn(Path file) {
        try {
            return new StartGate(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parent side: opens the gate, waking every waiting worker. */
    public void open() {
        try {
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parent side: closes the gate again (waits until the workers let go of their shared locks). */
    public void close() {
        try {
            if (!lock.isValid()) {
                lock = channel.lock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parent side: releases everything. */
    public void dispose() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing releases the lock
        }
    }

    /** Worker side: blocks until the gate is open. */
    public static void pass(Path file) {
        try (var ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.lock(0, Long.MAX_VALUE, true).release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
