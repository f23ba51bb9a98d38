package jproc.bench.channel;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import jproc.ipc.pipe.ProcessPipe;
import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.session.Session;
import jproc.ipc.sync.ProcessEvent;
import jproc.ipc.value.SharedInt;

/**
 * Each figure measured with real child JVMs, once for JProc channels and once for the raw Agrona reference. The
 * parent creates the channels (so none disappears while children come and go), starts the children, waits for
 * them to be ready and collects their {@code RESULT} lines.
 */
public final class Measurements {
    static final Duration LONG = Duration.ofMinutes(3);
    static final int RING_BYTES = 1 << 20;
    static final int QUEUE_WARM = 2_000_000;
    static final int QUEUE_N = 10_000_000;
    static final int REPS = 3;
    static final int MPMC_PER_PRODUCER = 2_000_000;
    static final int PIPE_WARM = 200_000;
    static final int PIPE_N = 100_000;
    static final int COUNTER_N = 10_000;
    static final int COUNTER_ROUNDS = 7;

    private final List<ChildRun> children = new ArrayList<>();
    private int files;
    private String counterDetail = "";

    private ChildRun child(boolean agrona, String role, Object... args) {
        var c = ChildRun.start(agrona, role, args);
        children.add(c);
        return c;
    }

    /** Kills every child still running. */
    public void killChildren() {
        children.forEach(ChildRun::close);
        children.clear();
    }

    private static void ready(List<ChildRun> cs) {
        for (var c : cs) {
            c.await("READY", LONG);
        }
    }

    private Path agronaFile(long bytes) throws IOException {
        Path p = Session.current().file("agrona", "bench" + (++files));
        Session.createOwnerOnly(p);
        try (var f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return p;
    }

    /** JProc queue, 8-byte items, one producer JVM to one consumer JVM: items per second. */
    public double queue() {
        try (ProcessQueue<Long> q = ProcessQueue.of("bench-queue-" + (++files))) {
            var consumer = child(false, "queueConsumer", q.name(), QUEUE_WARM, QUEUE_N, REPS);
            consumer.await("READY", LONG);
            var producer = child(false, "queueProducer", q.name(), QUEUE_WARM, QUEUE_N, REPS);
            double rate = consumer.result(LONG)[0];
            producer.await("DONE", LONG);
            return rate;
        }
    }

    /** JProc queue, 4 producer JVMs and 2 consumer JVMs: items per second from first put to last get. */
    public double queueMpmc() {
        String name = "bench-mpmc-" + (++files);
        try (ProcessQueue<Long> q = ProcessQueue.of(name); var go = ProcessEvent.of(name + "-go")) {
            var consumers = List.of(child(false, "mpmcConsumer", q.name(), MPMC_PER_PRODUCER),
                    child(false, "mpmcConsumer", q.name(), MPMC_PER_PRODUCER));
            var producers = new ArrayList<ChildRun>();
            for (int id = 1; id <= 4; id++) {
                producers.add(child(false, "mpmcProducer", q.name(), go.name(), MPMC_PER_PRODUCER, id));
            }
            ready(consumers);
            ready(producers);
            go.set();
            double first = Double.MAX_VALUE;
            for (var p : producers) {
                first = Math.min(first, p.result(LONG)[0]);
            }
            q.put(-1L);
            q.put(-1L);
            double last = 0;
            long total = 0;
            for (var c : consumers) {
                double[] r = c.result(LONG);
                total += (long) r[0];
                last = Math.max(last, r[1]);
            }
            if (total != 4L * MPMC_PER_PRODUCER) {
                throw new IllegalStateException("mpmc consumers got " + total + " items, expected "
                        + 4L * MPMC_PER_PRODUCER);
            }
            return total * 1e9 / (last - first);
        }
    }

    /** JProc pipe ping-pong between two JVMs: median and p99 round trip in microseconds. */
    public double[] pipe() {
        try (var pipe = ProcessPipe.of("bench-pipe-" + (++files))) {
            var echo = child(false, "pipeEcho", pipe.name());
            echo.await("READY", LONG);
            var ping = child(false, "pipePing", pipe.name(), PIPE_WARM, PIPE_N, REPS);
            return ping.result(LONG);
        }
    }

    /**
     * JProc shared int under its built-in lock, 4 JVMs x 10 000 increments, released together: increments per
     * second from the first start to the last end, median of {@link #COUNTER_ROUNDS} rounds in the same JVMs.
     */
    public double lockedCounter() throws IOException {
        String name = "bench-counter-" + (++files);
        Path gateFile = agronaFile(4096);
        var gate = StartGate.closedOn(gateFile);
        try (var counter = SharedInt.of(name, 0)) {
            var workers = new ArrayList<ChildRun>();
            for (int i = 0; i < 4; i++) {
                workers.add(child(false, "counterWorker", counter.name(), name + "-arm", gateFile, COUNTER_N,
                        COUNTER_ROUNDS));
            }
            double[] rates = new double[COUNTER_ROUNDS];
            var own = new ArrayList<Double>();
            var skews = new ArrayList<Double>();
            for (int r = 0; r < COUNTER_ROUNDS; r++) {
                gate.close();
                try (var arm = ProcessEvent.of(name + "-arm-" + r)) {
                    arm.set();
                    for (var w : workers) {
                        w.await("READY", LONG);
                    }
                    sleep(30);
                    gate.open();
                    double[] span = collect(workers, own);
                    skews.add(span[2] / 1e3);
                    rates[r] = 4 * COUNTER_N * 1e9 / (span[1] - span[0]);
                }
            }
            if (counter.get() != 4 * COUNTER_N * COUNTER_ROUNDS) {
                throw new IllegalStateException("locked counter reached " + counter.get() + ", expected "
                        + 4 * COUNTER_N * COUNTER_ROUNDS);
            }
            java.util.Arrays.sort(rates);
            own.sort(null);
            skews.sort(null);
            counterDetail = String.format(java.util.Locale.ROOT, "locked counter: one worker runs at %.1f M incr/s "
                    + "(median of %d), the last worker starts %.0f us after the first (median of %d rounds)",
                    own.get(own.size() / 2) / 1e6, own.size(), skews.get(skews.size() / 2), skews.size());
            return rates[COUNTER_ROUNDS / 2];
        } finally {
            gate.dispose();
        }
    }

    /** Reads one RESULT (start, end) per worker: returns first start, last end, and the start skew (ns). */
    private static double[] collect(List<ChildRun> workers, List<Double> ownRates) {
        double first = Double.MAX_VALUE;
        double lastStart = 0;
        double last = 0;
        for (var w : workers) {
            double[] t = w.result(LONG);
            first = Math.min(first, t[0]);
            lastStart = Math.max(lastStart, t[0]);
            last = Math.max(last, t[1]);
            ownRates.add(COUNTER_N * 1e9 / (t[1] - t[0]));
        }
        return new double[] {first, last, lastStart - first};
    }

    /** What the last {@link #lockedCounter()} saw per worker (for stderr), or "". */
    public String counterDetail() {
        return counterDetail;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Raw Agrona one-to-one ring, 1 MiB over /dev/shm: messages per second. */
    public double agronaQueue() throws IOException {
        Path ring = agronaFile(RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH);
        var consumer = child(true, "agronaConsumer", ring, QUEUE_WARM, QUEUE_N, REPS);
        consumer.await("READY", LONG);
        child(true, "agronaProducer", ring, QUEUE_WARM, QUEUE_N, REPS);
        return consumer.result(LONG)[0];
    }

    /** Raw Agrona many-to-one ring, 4 producer JVMs to 1 consumer JVM: messages per second. */
    public double agronaMpmc() throws IOException {
        Path ring = agronaFile(RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH);
        Path go = agronaFile(4096);
        var consumer = child(true, "agronaM2oConsumer", ring, MPMC_PER_PRODUCER, 4);
        var producers = new ArrayList<ChildRun>();
        for (int id = 1; id <= 4; id++) {
            producers.add(child(true, "agronaM2oProducer", ring, MPMC_PER_PRODUCER, id, go));
        }
        consumer.await("READY", LONG);
        ready(producers);
        AgronaRoles.map(go.toString(), 4096).putLongVolatile(0, 1);
        double first = Double.MAX_VALUE;
        for (var p : producers) {
            first = Math.min(first, p.result(LONG)[0]);
        }
        return 4.0 * MPMC_PER_PRODUCER * 1e9 / (consumer.result(LONG)[0] - first);
    }

    /** Raw Agrona ping-pong over two one-to-one rings: median and p99 round trip in microseconds. */
    public double[] agronaPipe() throws IOException {
        Path a = agronaFile(RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH);
        Path b = agronaFile(RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH);
        child(true, "agronaEcho", a, b).await("READY", LONG);
        return child(true, "agronaPing", a, b, PIPE_WARM, PIPE_N, REPS).result(LONG);
    }

    /** Raw atomic adds on one mapped long, 4 JVMs x 10 000, released together: increments per second (no lock). */
    public double agronaCounter() throws IOException {
        Path f = agronaFile(4096);
        Path gateFile = agronaFile(4096);
        var gate = StartGate.closedOn(gateFile);
        try {
            var workers = new ArrayList<ChildRun>();
            for (int i = 0; i < 4; i++) {
                workers.add(child(true, "agronaCounter", f, gateFile, COUNTER_N));
            }
            ready(workers);
            sleep(30);
            gate.open();
            double[] span = collect(workers, new ArrayList<>());
            return 4 * COUNTER_N * 1e9 / (span[1] - span[0]);
        } finally {
            gate.dispose();
        }
    }
}
