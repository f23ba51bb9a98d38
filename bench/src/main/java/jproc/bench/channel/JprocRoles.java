package jproc.bench.channel;

import static jproc.bench.channel.Roles.arg;
import static jproc.bench.channel.Roles.say;

import java.util.Arrays;

import jproc.ipc.pipe.PipeConnection;
import jproc.ipc.pipe.ProcessPipe;
import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.sync.ProcessEvent;
import jproc.ipc.trace.Trace;
import jproc.ipc.value.SharedInt;

/**
 * Child roles measuring JProc channels. Every role first runs its hot path on a private channel so the JIT has
 * compiled it (a warm JVM, as in a notebook after the first cells), then prints {@code READY}, and reports with a
 * {@code RESULT} line. Channels are created by the benchmark parent and opened here by name.
 */
final class JprocRoles {
    private JprocRoles() {
    }

    static void run(String role, String[] a) throws Exception {
        switch (role) {
            case "queueProducer" -> queueProducer(a[0], arg(a, 1), arg(a, 2), arg(a, 3));
            case "queueConsumer" -> queueConsumer(a[0], arg(a, 1), arg(a, 2), arg(a, 3));
            case "queueTraceConsumer" -> queueTraceConsumer(a[0], arg(a, 1), arg(a, 2), arg(a, 3));
            case "mpmcProducer" -> mpmcProducer(a[0], a[1], arg(a, 2), arg(a, 3));
            case "mpmcConsumer" -> mpmcConsumer(a[0], arg(a, 1));
            case "pipeEcho" -> pipeEcho(a[0]);
            case "pipePing" -> pipePing(a[0], arg(a, 1), arg(a, 2), arg(a, 3));
            case "idleGet" -> idleGet(a[0], arg(a, 1));
            case "counterWorker" -> counterWorker(a[0], a[1], a[2], arg(a, 3), arg(a, 4), arg(a, 5), arg(a, 6));
            default -> throw new IllegalArgumentException("unknown role " + role);
        }
    }

    /**
     * A {@code get} on a queue nobody puts into, for {@code seconds}: the CPU the waiting thread used, in percent
     * of one core over the wait.
     */
    private static void idleGet(String name, int seconds) {
        ProcessQueue<Long> q = ProcessQueue.open(name);
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        say("READY");
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        if (q.poll(java.time.Duration.ofSeconds(seconds)) != null) {
            throw new IllegalStateException("an item arrived on the idle queue");
        }
        long cpu = mx.getCurrentThreadCpuTime() - c0;
        say("RESULT " + cpu * 100.0 / (System.nanoTime() - t0));
        q.close();
    }

    /** Runs puts and gets on a private queue so that both paths are compiled. */
    private static void warmQueue() {
        try (ProcessQueue<Long> q = ProcessQueue.of("warm-" + ProcessHandle.current().pid())) {
            for (long i = 0; i < 2_000_000; i++) {
                q.put(i);
                if (q.get() != i) {
                    throw new IllegalStateException("warm-up queue out of order");
                }
            }
        }
    }

    private static void queueProducer(String name, int warm, int n, int reps) {
        ProcessQueue<Long> q = ProcessQueue.open(name);
        say("READY");
        long total = warm + (long) n * reps;
        for (long i = 0; i < total; i++) {
            q.put(i);
        }
        q.close();
    }

    private static void queueConsumer(String name, int warm, int n, int reps) {
        ProcessQueue<Long> q = ProcessQueue.open(name);
        say("READY");
        long expect = 0;
        for (int i = 0; i < warm; i++) {
            if (q.get() != expect++) {
                throw new IllegalStateException("queue item out of order");
            }
        }
        double[] rates = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (q.get() != expect++) {
                    throw new IllegalStateException("queue item out of order");
                }
            }
            rates[r] = n * 1e9 / (System.nanoTime() - t0);
        }
        Arrays.sort(rates);
        say("RESULT " + rates[reps / 2]);
        q.close();
    }

    /**
     * The consumer of the recording-cost run: like {@link #queueConsumer} but before each of the {@code rounds}
     * rounds it switches event recording on or off for the whole session (both ends follow at their next event),
     * in the order on, off, off, on, on, off... (each pair of rounds has one of each, and a drift of the machine's
     * load weighs on both alike). The warm-up flips the switch too, so that both ends have compiled both paths
     * before the first timed round. Reports the rates of the rounds with recording on, then those with it off, in
     * pair order; leaves recording on.
     */
    private static void queueTraceConsumer(String name, int warm, int n, int rounds) {
        ProcessQueue<Long> q = ProcessQueue.open(name);
        say("READY");
        long expect = 0;
        var on = new StringBuilder();
        var off = new StringBuilder();
        try {
            for (int i = 0; i < warm; i++) {
                if (i % (warm / 8 + 1) == 0) {
                    Trace.setEnabled(!Trace.enabled());
                }
                if (q.get() != expect++) {
                    throw new IllegalStateException("queue item out of order");
                }
            }
            for (int r = 0; r < rounds; r++) {
                boolean recording = r % 4 == 0 || r % 4 == 3;
                Trace.setEnabled(recording);
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    if (q.get() != expect++) {
                        throw new IllegalStateException("queue item out of order");
                    }
                }
                double rate = n * 1e9 / (System.nanoTime() - t0);
                (recording ? on : off).append(' ').append(rate);
            }
        } finally {
            Trace.setEnabled(true);
        }
        say("RESULT" + on + off);
        q.close();
    }

    private static void mpmcProducer(String name, String go, int n, int id) {
        warmQueue();
        ProcessQueue<Long> q = ProcessQueue.open(name);
        try (var event = ProcessEvent.open(go)) {
            say("READY");
            event.await();
        }
        long t0 = System.nanoTime();
        long base = (long) id << 40;
        for (long i = 0; i < n; i++) {
            q.put(base | i);
        }
        say("RESULT " + t0);
        q.close();
    }

    private static void mpmcConsumer(String name, int n) {
        warmQueue();
        ProcessQueue<Long> q = ProcessQueue.open(name);
        say("READY");
        long count = 0;
        long last = 0;
        long lastIndex = n - 1;
        while (true) {
            long v = q.get();
            if (v < 0) {
                break;
            }
            count++;
            if ((v & 0xFFFFFFFFFFL) == lastIndex) {
                last = System.nanoTime();
            }
        }
        say("RESULT " + count + " " + last);
        q.close();
    }

    private static void pipeEcho(String name) {
        var pipe = ProcessPipe.open(name);
        PipeConnection c = pipe.right();
        say("READY");
        while (true) {
            long v = c.<Long>recv();
            c.send(v);
            if (v < 0) {
                break;
            }
        }
        pipe.close();
    }

    private static void pipePing(String name, int warm, int n, int reps) {
        var pipe = ProcessPipe.open(name);
        PipeConnection c = pipe.left();
        say("READY");
        for (long i = 0; i < warm; i++) {
            c.send(i);
            c.<Long>recv();
        }
        double[] medians = new double[reps];
        double[] p99s = new double[reps];
        long[] lat = new long[n];
        for (int r = 0; r < reps; r++) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                c.send((long) i);
                c.<Long>recv();
                lat[i] = System.nanoTime() - t0;
            }
            Arrays.sort(lat);
            medians[r] = lat[n / 2] / 1000.0;
            p99s[r] = lat[n * 99 / 100] / 1000.0;
        }
        Arrays.sort(medians);
        Arrays.sort(p99s);
        c.send(-1L);
        c.<Long>recv();
        say("RESULT " + medians[reps / 2] + " " + p99s[reps / 2]);
        pipe.close();
    }

    /**
     * One of the locked-counter workers: rounds of {@code n} increments of a shared int under its built-in lock,
     * each round released by the gate: first {@code warmRounds} on the scratch value {@code warmName}, then
     * {@code rounds} on the measured value {@code name}. Before that the JIT compiles {@link #increments} on a
     * private value, with a second thread of this JVM contending for its lock (and now and then holding it for a
     * few milliseconds) so that the waiting paths, active and asleep, are compiled too; the scratch rounds add what
     * only other processes bring (their owner tokens, liveness checks through /proc).
     */
    private static void counterWorker(String name, String warmName, String gateFile, int n, int warmRounds,
                                      int rounds, int id) throws Exception {
        try (var warm = SharedInt.of("warm-" + ProcessHandle.current().pid(), 0)) {
            var rival = new Thread(() -> {
                for (int i = 0; i < 30; i++) {
                    increments(warm, n);
                    try (var held = warm.getLock().hold()) {
                        Thread.sleep(3); // long enough for a waiter to go to sleep: that path is compiled too
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "jproc-bench-warm");
            rival.start();
            for (int i = 0; i < 30; i++) {
                increments(warm, n);
            }
            rival.join();
            int batches = 60 + settle(() -> increments(warm, n));
            if (warm.get() != batches * n) {
                throw new IllegalStateException("warm-up counter reached " + warm.get() + ", expected " + batches * n);
            }
        }
        var gate = StartGate.map(java.nio.file.Path.of(gateFile), 4);
        try (var scratch = SharedInt.open(warmName); var measured = SharedInt.open(name)) {
            say("READY");
            gate.runRounds(id, warmRounds + rounds, r -> increments(r < warmRounds ? scratch : measured, n));
        }
    }

    /**
     * Runs {@code batch} until its time has settled (the JIT's last compilations are in: 5 runs in a row within
     * 15 % of the fastest, at least 10 runs, at most 3 s); returns the number of runs.
     */
    static int settle(Runnable batch) {
        long best = Long.MAX_VALUE;
        int inRow = 0;
        int runs = 0;
        long end = System.nanoTime() + 3_000_000_000L;
        while (runs < 10 || inRow < 5 && System.nanoTime() - end < 0) {
            long t0 = System.nanoTime();
            batch.run();
            long t = System.nanoTime() - t0;
            runs++;
            best = Math.min(best, t);
            inRow = t <= best * 1.15 ? inRow + 1 : 0;
        }
        return runs;
    }

    /** The figure's unit of work: {@code with counter.get_lock(): counter.value += 1}, {@code n} times. */
    private static void increments(SharedInt v, int n) {
        for (int i = 0; i < n; i++) {
            try (var held = v.getLock().hold()) {
                v.set(v.get() + 1);
            }
        }
    }
}
