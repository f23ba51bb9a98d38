package jproc.bench.channel;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import jproc.ipc.pipe.ProcessPipe;
import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.session.Session;
import jproc.ipc.sync.ProcessEvent;
import jproc.ipc.trace.Trace;
import jproc.ipc.value.SharedInt;

/**
 * Each figure measured with real child JVMs, once for JProc channels and once for the raw Agrona reference. The
 * parent creates the channels (so none disappears while children come and go), starts the children, waits for
 * them to be ready and collects their {@code RESULT} lines (the locked-counter workers report through their
 * {@link StartGate} file instead).
 */
public final class Measurements {
    static final Duration LONG = Duration.ofMinutes(3);
    static final int RING_BYTES = 1 << 20;
    static final int QUEUE_WARM = 2_000_000;
    static final int QUEUE_N = 1_000_000;
    /** Rounds of {@link #QUEUE_N} items for the 1->1 queue and its Agrona limit: the median of many short rounds. */
    static final int QUEUE_ROUNDS = 21;
    static final int REPS = 3;
    static final int TRACE_N = 1_000_000;
    static final int TRACE_ROUNDS = 40;
    static final int MPMC_PER_PRODUCER = 2_000_000;
    static final int PIPE_WARM = 200_000;
    static final int PIPE_N = 100_000;
    static final int COUNTER_N = 10_000;
    static final int COUNTER_ROUNDS = 11;
    static final int COUNTER_WARM_ROUNDS = 5;

    private final List<ChildRun> children = new ArrayList<>();
    private int files;
    private String counterDetail = "";
    private String traceDetail = "";

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
            var consumer = child(false, "queueConsumer", q.name(), QUEUE_WARM, QUEUE_N, QUEUE_ROUNDS);
            consumer.await("READY", LONG);
            var producer = child(false, "queueProducer", q.name(), QUEUE_WARM, QUEUE_N, QUEUE_ROUNDS);
            double rate = consumer.result(LONG)[0];
            producer.await("DONE", LONG);
            return rate;
        }
    }

    /** Seconds of the idle {@code get} measured by {@link #idleGetCpu()}. */
    static final int IDLE_SECONDS = 10;

    /** CPU (percent of a core) of a {@code get} that waits {@link #IDLE_SECONDS} s on an empty queue in a child JVM. */
    public double idleGetCpu() {
        try (ProcessQueue<Long> q = ProcessQueue.of("bench-idle-" + (++files))) {
            var waiter = child(false, "idleGet", q.name(), IDLE_SECONDS);
            return waiter.result(LONG)[0];
        }
    }

    /**
     * What event recording costs on the queue of {@link #queue()}: the same 1->1 run of 8-byte items in two fresh
     * JVMs, {@link #TRACE_ROUNDS} rounds of {@link #TRACE_N} items after the same warm-up, recording switched on
     * and off (session-wide, by the consumer) round by round in the order on, off, off, on... Items that were
     * already in the queue when the switch flipped (at most the queue's capacity, a small fraction of a round)
     * were put under the previous setting.
     *
     * @return the median rate of the rounds with recording on, of those with it off (items per second), and the
     *         median over the pairs of adjacent rounds of on / off (robust to the load drifting during the run)
     */
    public double[] queueTraceCost() {
        try (ProcessQueue<Long> q = ProcessQueue.of("bench-trace-" + (++files))) {
            var consumer = child(false, "queueTraceConsumer", q.name(), QUEUE_WARM, TRACE_N, TRACE_ROUNDS);
            consumer.await("READY", LONG);
            var producer = child(false, "queueProducer", q.name(), QUEUE_WARM, TRACE_N, TRACE_ROUNDS);
            double[] r = consumer.result(LONG);
            producer.await("DONE", LONG);
            int pairs = r.length / 2;
            double[] on = Arrays.copyOfRange(r, 0, pairs);
            double[] off = Arrays.copyOfRange(r, pairs, r.length);
            double[] ratios = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                ratios[i] = on[i] / off[i];
            }
            traceDetail = "queue rounds with recording on (M msg/s):  " + millions(on)
                    + "\nqueue rounds with recording off (M msg/s): " + millions(off);
            return new double[] {median(on), median(off), median(ratios)};
        } finally {
            Trace.setEnabled(true); // in case the consumer died between rounds
        }
    }

    /** The rounds of the last {@link #queueTraceCost()} (for stderr), or "". */
    public String traceDetail() {
        return traceDetail;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String millions(double[] xs) {
        var b = new StringBuilder();
        for (double x : xs) {
            b.append(String.format(Locale.ROOT, " %5.1f", x / 1e6));
        }
        return b.toString();
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
     * JProc shared int under its built-in lock: 4 worker JVMs x {@link #COUNTER_N} increments per round, each
     * {@code with counter.get_lock(): counter.value += 1}; increments per second from the first worker's start to
     * the last worker's end, median of {@link #COUNTER_ROUNDS} rounds in the same JVMs, after
     * {@link #COUNTER_WARM_ROUNDS} untimed rounds of the same on a scratch value. Fails if a counter misses a single
     * increment.
     */
    public double lockedCounter() throws IOException {
        String name = "bench-counter-" + (++files);
        try (var counter = SharedInt.of(name, 0); var scratch = SharedInt.of(name + "-warm", 0)) {
            var rounds = counterRounds(false, "counterWorker", List.of(name, scratch.name()), counter::get,
                    scratch::get);
            counterDetail = rounds.describe("locked counter");
            return rounds.median();
        }
    }

    /** The locked counter's limit: the same rounds with the least lock there is, on Agrona over /dev/shm. */
    public double agronaCounter() throws IOException {
        Path f = agronaFile(4096);
        var b = AgronaRoles.map(f.toString(), 4096);
        var rounds = counterRounds(true, "agronaCounter", List.of(f.toString()),
                () -> b.getIntVolatile(AgronaRoles.COUNTER + AgronaRoles.VALUE),
                () -> b.getIntVolatile(AgronaRoles.SCRATCH_COUNTER + AgronaRoles.VALUE));
        counterDetail += "\n" + rounds.describe("agrona lock  ");
        return rounds.median();
    }

    /**
     * Starts 4 workers in {@code role} (arguments: {@code counters}, the gate file, then the counts and the worker's
     * id), runs the warm-up rounds on the scratch counter and the measured rounds, and checks the counter after each
     * round.
     */
    private CounterRounds counterRounds(boolean agrona, String role, List<String> counters, IntSupplier value,
                                        IntSupplier scratch) throws IOException {
        Path gateFile = agronaFile(StartGate.bytes(4));
        var gate = StartGate.map(gateFile, 4);
        var workers = new ArrayList<ChildRun>();
        for (int id = 0; id < 4; id++) {
            var args = new ArrayList<Object>(counters);
            args.addAll(List.of(gateFile, COUNTER_N, COUNTER_WARM_ROUNDS, COUNTER_ROUNDS, id));
            workers.add(child(agrona, role, args.toArray()));
        }
        ready(workers);
        Runnable alive = () -> workers.forEach(ChildRun::checkAlive);
        var rounds = new CounterRounds(4, COUNTER_N);
        int total = COUNTER_WARM_ROUNDS + COUNTER_ROUNDS;
        for (int r = 0; r < total; r++) {
            gate.arm(r);
            gate.awaitReady(r, LONG, alive);
            sleep(5);
            long opened = gate.open(r);
            gate.awaitDone(r, LONG, alive);
            boolean warm = r < COUNTER_WARM_ROUNDS;
            int got = warm ? scratch.getAsInt() : value.getAsInt();
            int expected = 4 * COUNTER_N * (warm ? r + 1 : r - COUNTER_WARM_ROUNDS + 1);
            if (got != expected) {
                throw new IllegalStateException(role + ": the " + (warm ? "scratch" : "measured")
                        + " counter reached " + got + " after round " + r + ", expected " + expected
                        + ": increments under the lock were lost");
            }
            var times = new long[4][];
            for (int id = 0; id < 4; id++) {
                times[id] = gate.times(id);
            }
            if (warm) {
                rounds.addWarmUp(times);
            } else {
                rounds.add(opened, times);
            }
        }
        gate.arm(total); // the workers exit
        for (var w : workers) {
            w.await("DONE", LONG);
        }
        return rounds;
    }

    /** What the last counter measurements saw round by round (for stderr), or "". */
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
        var consumer = child(true, "agronaConsumer", ring, QUEUE_WARM, QUEUE_N, QUEUE_ROUNDS);
        consumer.await("READY", LONG);
        child(true, "agronaProducer", ring, QUEUE_WARM, QUEUE_N, QUEUE_ROUNDS);
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
}
