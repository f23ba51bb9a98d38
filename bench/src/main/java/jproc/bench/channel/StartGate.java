package jproc.bench.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Rounds of a multi-process benchmark, run by the parent over a small file in /dev/shm that every worker maps.
 * Each round: the parent arms it, each worker (asleep between rounds) notices, reports ready and waits at the gate
 * yielding its core ({@link Thread#yield()} between reads), the parent opens the gate, the workers run and write their
 * start and end times into the file. A yielding wait releases all workers together: those on a core see the gate
 * open within a microsecond and the others get a core as soon as a running one yields or finishes. (A gate that
 * sleeps in the kernel, such as a file lock, wakes its sleepers one after another, some 200 us apart on a
 * two-core virtual machine, which is most of a round.) Workers report through the file rather than their output,
 * so that no parent thread wakes up while a round runs.
 *
 * <pre>
 *   +0     armed round + 1 (parent)          +64   open round + 1 (parent)
 *   +128   workers ready, all rounds (count) +192  workers done, all rounds (count)
 *   +256 + 64 * id   start, end (System.nanoTime) of worker id in the last round
 * </pre>
 */
public final class StartGate {
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class,
            ByteOrder.nativeOrder());
    private static final int ARMED = 0;
    private static final int OPEN = 64;
    private static final int READY = 128;
    private static final int DONE = 192;
    private static final int TIMES = 256;

    private final ByteBuffer buf;
    private final int workers;

    private StartGate(Path file, int workers) {
        try (var ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            this.buf = ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes(workers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.workers = workers;
    }

    /** Bytes of the file for {@code workers} workers. */
    public static long bytes(int workers) {
        return 256 + 64L * workers;
    }

    /** Maps an existing zero-filled file of at least {@link #bytes(int)} bytes (parent and workers alike). */
    public static StartGate map(Path file, int workers) {
        return new StartGate(file, workers);
    }

    // ---- parent side

    /** Arms round {@code r} (0, 1, 2...): sleeping workers wake up, report ready and wait at the gate. */
    public void arm(int r) {
        LONGS.setVolatile(buf, ARMED, (long) r + 1);
    }

    /** Waits until every worker waits at the gate of round {@code r}; {@code check} throws if a worker died. */
    public void awaitReady(int r, Duration timeout, Runnable check) {
        awaitCount(READY, (long) (r + 1) * workers, timeout, check, "ready for round " + r);
    }

    /** Opens the gate of round {@code r}: every waiting worker starts. Returns {@link System#nanoTime()} before. */
    public long open(int r) {
        long now = System.nanoTime();
        LONGS.setVolatile(buf, OPEN, (long) r + 1);
        return now;
    }

    /** Waits until every worker has finished round {@code r}, sleeping in 1 ms steps. */
    public void awaitDone(int r, Duration timeout, Runnable check) {
        awaitCount(DONE, (long) (r + 1) * workers, timeout, check, "done with round " + r);
    }

    /** Start and end time of worker {@code id} in the last round. */
    public long[] times(int id) {
        return new long[] {(long) LONGS.getVolatile(buf, TIMES + 64 * id), (long) LONGS.getVolatile(buf,
                TIMES + 64 * id + 8)};
    }

    private void awaitCount(int off, long target, Duration timeout, Runnable check, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        while ((long) LONGS.getVolatile(buf, off) < target) {
            try {
                check.run();
            } catch (IllegalStateException e) {
                if ((long) LONGS.getVolatile(buf, off) >= target) {
                    return; // the last worker reported, then exited
                }
                throw e;
            }
            if (System.nanoTime() - end > 0) {
                throw new IllegalStateException("benchmark workers not all " + what + " within " + timeout.toSeconds()
                        + " s: " + LONGS.getVolatile(buf, off) + " of " + target + " reports");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    // ---- worker side

    /** Sleeps (200 us polls) until round {@code r} is armed, then reports ready. */
    public void awaitArmed(int r) {
        while ((long) LONGS.getVolatile(buf, ARMED) < r + 1) {
            LockSupport.parkNanos(200_000);
        }
        LONGS.getAndAdd(buf, READY, 1L);
    }

    /** Waits at the gate of round {@code r}, yielding the core between reads. */
    public void pass(int r) {
        while ((long) LONGS.getVolatile(buf, OPEN) < r + 1) {
            Thread.yield();
        }
    }

    /**
     * Runs {@code total} rounds in step with the other workers: for each, waits for it to be armed, passes the
     * gate, times {@code round.accept(r)} and reports it; then idles until every worker is done (an exiting JVM
     * takes a core from the others).
     */
    public void runRounds(int id, int total, IntConsumer round) {
        for (int r = 0; r < total; r++) {
            awaitArmed(r);
            pass(r);
            long t0 = System.nanoTime();
            round.accept(r);
            done(id, t0, System.nanoTime());
        }
        awaitArmed(total);
    }

    /** Reports this worker's start and end of the round. */
    public void done(int id, long start, long end) {
        LONGS.setVolatile(buf, TIMES + 64 * id, start);
        LONGS.setVolatile(buf, TIMES + 64 * id + 8, end);
        LONGS.getAndAdd(buf, DONE, 1L);
    }
}
