package jproc.bench.channel;

import static jproc.bench.channel.Roles.arg;
import static jproc.bench.channel.Roles.say;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * Child roles measuring the physical-limit reference: raw Agrona 2.6.0 ring buffers over files in /dev/shm, busy
 * spinning, 8-byte messages; and, for the shared counter, the least lock there is (a compare-and-set on a mapped
 * long) around the same read and write. No serialization, no blocking, no owner checks: what the hardware allows
 * between two JVMs.
 */
final class AgronaRoles {
    /** Offset of the measured counter's lock word in the counter file. */
    static final int COUNTER = 0;
    /** Offset of the scratch counter's lock word (warm-up rounds). */
    static final int SCRATCH_COUNTER = 256;
    /** Offset of a counter's int from its lock word (its own cache line, as in a JProc value). */
    static final int VALUE = 128;

    private AgronaRoles() {
    }

    static void run(String role, String[] a) throws Exception {
        switch (role) {
            case "agronaProducer" -> produce(oneToOne(a[0]), 0, (long) arg(a, 1) + (long) arg(a, 2) * arg(a, 3));
            case "agronaConsumer" -> consume(oneToOne(a[0]), arg(a, 1), arg(a, 2), arg(a, 3));
            case "agronaEcho" -> echo(oneToOne(a[0]), oneToOne(a[1]));
            case "agronaPing" -> ping(oneToOne(a[0]), oneToOne(a[1]), arg(a, 2), arg(a, 3), arg(a, 4));
            case "agronaM2oProducer" -> m2oProducer(manyToOne(a[0]), arg(a, 1), arg(a, 2), map(a[3], 4096));
            case "agronaM2oConsumer" -> m2oConsumer(manyToOne(a[0]), (long) arg(a, 1) * arg(a, 2));
            case "agronaCounter" -> counter(map(a[0], 4096), a[1], arg(a, 2), arg(a, 3), arg(a, 4), arg(a, 5));
            default -> throw new IllegalArgumentException("unknown role " + role);
        }
    }

    static UnsafeBuffer map(String file, long bytes) throws IOException {
        try (var ch = FileChannel.open(Path.of(file), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return new UnsafeBuffer(ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes));
        }
    }

    private static UnsafeBuffer mapWhole(String file) throws IOException {
        try (var ch = FileChannel.open(Path.of(file), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return new UnsafeBuffer(ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size()));
        }
    }

    private static RingBuffer oneToOne(String file) throws IOException {
        return new OneToOneRingBuffer(mapWhole(file));
    }

    private static RingBuffer manyToOne(String file) throws IOException {
        return new ManyToOneRingBuffer(mapWhole(file));
    }

    private static void produce(RingBuffer ring, long base, long count) {
        var src = new UnsafeBuffer(new byte[8]);
        say("READY");
        for (long i = 0; i < count; i++) {
            src.putLong(0, base | i);
            while (!ring.write(1, src, 0, 8)) {
                Thread.onSpinWait();
            }
        }
    }

    private static void consume(RingBuffer ring, int warm, int n, int reps) {
        say("READY");
        long[] next = {0};
        org.agrona.concurrent.MessageHandler handler = (type, buf, index, length) -> {
            if (buf.getLong(index) != next[0]++) {
                throw new IllegalStateException("ring message out of order");
            }
        };
        while (next[0] < warm) {
            if (ring.read(handler, (int) Math.min(warm - next[0], Integer.MAX_VALUE)) == 0) {
                Thread.onSpinWait();
            }
        }
        double[] rates = new double[reps];
        for (int r = 0; r < reps; r++) {
            long end = next[0] + n;
            long t0 = System.nanoTime();
            while (next[0] < end) {
                if (ring.read(handler, (int) Math.min(end - next[0], Integer.MAX_VALUE)) == 0) {
                    Thread.onSpinWait();
                }
            }
            rates[r] = n * 1e9 / (System.nanoTime() - t0);
        }
        Arrays.sort(rates);
        say("RESULT " + rates[reps / 2]);
    }

    private static void echo(RingBuffer in, RingBuffer out) {
        var src = new UnsafeBuffer(new byte[8]);
        boolean[] stop = {false};
        say("READY");
        while (!stop[0]) {
            int got = in.read((type, buf, index, length) -> {
                long v = buf.getLong(index);
                src.putLong(0, v);
                while (!out.write(1, src, 0, 8)) {
                    Thread.onSpinWait();
                }
                stop[0] = v < 0;
            });
            if (got == 0) {
                Thread.onSpinWait();
            }
        }
    }

    private static void ping(RingBuffer out, RingBuffer in, int warm, int n, int reps) {
        var src = new UnsafeBuffer(new byte[8]);
        say("READY");
        for (int i = 0; i < warm; i++) {
            roundTrip(out, in, src, i);
        }
        long[] lat = new long[n];
        double[] medians = new double[reps];
        double[] p99s = new double[reps];
        for (int r = 0; r < reps; r++) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                roundTrip(out, in, src, i);
                lat[i] = System.nanoTime() - t0;
            }
            Arrays.sort(lat);
            medians[r] = lat[n / 2] / 1000.0;
            p99s[r] = lat[n * 99 / 100] / 1000.0;
        }
        roundTrip(out, in, src, -1);
        Arrays.sort(medians);
        Arrays.sort(p99s);
        say("RESULT " + medians[reps / 2] + " " + p99s[reps / 2]);
    }

    private static void roundTrip(RingBuffer out, RingBuffer in, UnsafeBuffer src, long v) {
        src.putLong(0, v);
        while (!out.write(1, src, 0, 8)) {
            Thread.onSpinWait();
        }
        while (in.read((type, buf, index, length) -> { }, 1) == 0) {
            Thread.onSpinWait();
        }
    }

    private static void m2oProducer(RingBuffer ring, int n, int id, UnsafeBuffer go) {
        var src = new UnsafeBuffer(new byte[8]);
        say("READY");
        while (go.getLongVolatile(0) == 0) {
            Thread.onSpinWait();
        }
        long t0 = System.nanoTime();
        long base = (long) id << 40;
        for (long i = 0; i < n; i++) {
            src.putLong(0, base | i);
            while (!ring.write(1, src, 0, 8)) {
                Thread.onSpinWait();
            }
        }
        say("RESULT " + t0);
    }

    private static void m2oConsumer(RingBuffer ring, long total) {
        say("READY");
        long[] count = {0};
        while (count[0] < total) {
            if (ring.read((type, buf, index, length) -> count[0]++) == 0) {
                Thread.onSpinWait();
            }
        }
        say("RESULT " + System.nanoTime());
    }

    /**
     * The locked counter's limit: the same rounds and unit of work as the JProc workers (a lock around a read and a
     * write of an int), with the least a cross-process lock can be: a compare-and-set of a mapped long from 0 to this
     * process's id, a release store of 0, and a waiter that spins briefly and then yields. No owner checks, no
     * timeouts, no statistics.
     */
    private static void counter(UnsafeBuffer b, String gateFile, int n, int warmRounds, int rounds, int id)
            throws Exception {
        var warm = new UnsafeBuffer(java.nio.ByteBuffer.allocateDirect(4096));
        var rival = new Thread(() -> {
            for (int i = 0; i < 30; i++) {
                increments(warm, COUNTER, n, -1);
            }
        }, "jproc-bench-warm");
        rival.start();
        for (int i = 0; i < 30; i++) {
            increments(warm, COUNTER, n, id);
        }
        rival.join();
        int batches = 60 + JprocRoles.settle(() -> increments(warm, COUNTER, n, id));
        if (warm.getIntVolatile(COUNTER + VALUE) != batches * n) {
            throw new IllegalStateException("warm-up counter reached " + warm.getIntVolatile(COUNTER + VALUE)
                    + ", expected " + batches * n);
        }
        var gate = StartGate.map(Path.of(gateFile), 4);
        say("READY");
        gate.runRounds(id, warmRounds + rounds, r -> increments(b, r < warmRounds ? SCRATCH_COUNTER : COUNTER, n, id));
    }

    private static void increments(UnsafeBuffer b, int lock, int n, long me) {
        long token = me + 2;
        int value = lock + VALUE;
        for (int i = 0; i < n; i++) {
            if (!b.compareAndSetLong(lock, 0L, token)) {
                lockSlowly(b, lock, token);
            }
            b.putIntVolatile(value, b.getIntVolatile(value) + 1);
            b.putLongRelease(lock, 0L);
        }
    }

    private static void lockSlowly(UnsafeBuffer b, int lock, long token) {
        for (int i = 0; ; i++) {
            if (b.getLongVolatile(lock) == 0 && b.compareAndSetLong(lock, 0L, token)) {
                return;
            }
            if (i < 64) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }
}
