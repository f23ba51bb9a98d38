package jproc.magics.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.trace.Trace;
import jproc.process.ChildProcess;

/**
 * What event recording costs on queue throughput: one producer (this JVM) puts N longs into a queue, one
 * consumer child JVM takes them; timed from the first put to the consumer's end, with recording on and off in
 * both processes (the child gets {@code -Djproc.trace=false}). Rounds alternate on/off; prints the median of
 * each and the relative cost.
 *
 * <pre>
 * mvn -q -o -pl magics test-compile
 * java -cp magics/target/test-classes:magics/target/classes:$(cat /tmp/cp.txt) jproc.magics.bench.TraceCostMain
 * </pre>
 */
public final class TraceCostMain {
    private TraceCostMain() {
    }

    /** Consumer: takes {@code n} items and exits. */
    static void consume(String queueName, long n) {
        try (ProcessQueue<Long> q = ProcessQueue.open(queueName)) {
            q.get(); // the start marker
            long sum = 0;
            for (long i = 0; i < n; i++) {
                sum += q.get();
            }
            if (sum != n * (n - 1) / 2) {
                throw new IllegalStateException("lost or duplicated items: sum=" + sum);
            }
        }
    }

    static double round(boolean traceOn, long n, int run) {
        Trace.setEnabled(traceOn);
        String name = "tracecost-" + (traceOn ? "on" : "off") + "-" + run;
        try (ProcessQueue<Long> q = ProcessQueue.of(name)) {
            q.put(-1L); // the consumer's first get
            var child = new ChildProcess("consumer-" + run, () -> consume(name, n)).coldStart(true);
            child.jvmOptions("-Djproc.trace=" + traceOn);
            child.start();
            while (q.size() > 0) {
                Thread.onSpinWait(); // the child is up and took the first item
            }
            long t0 = System.nanoTime();
            for (long i = 0; i < n; i++) {
                q.put(i);
            }
            child.join();
            long ns = System.nanoTime() - t0;
            if (child.exitCode() != 0) {
                throw new IllegalStateException("consumer failed: exit " + child.exitCode());
            }
            return n / (ns / 1e9);
        }
    }

    /** Nanoseconds one recorded event costs on this thread (best of 5 rounds of 20 M events). */
    static double nanosPerEvent(boolean on) {
        Trace.setEnabled(on);
        var ch = Trace.channel("queue", "tracecost-events");
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 20_000_000; i++) {
                ch.event(jproc.ipc.trace.TraceEvent.PUT);
            }
            best = Math.min(best, (System.nanoTime() - t0) / 20e6);
        }
        return best;
    }

    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double evOn = nanosPerEvent(true);
        double evOff = nanosPerEvent(false);
        System.out.printf(Locale.ROOT, "BENCH trace_event_ns %.1f ns (recording off: %.1f ns)%n", evOn, evOff);
        round(true, n / 10, -1); // warm-up
        Trace.setEnabled(true);
        round(false, n / 10, -2);
        List<Double> on = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            on.add(round(true, n, r * 2));
            off.add(round(false, n, r * 2 + 1));
        }
        double mOn = median(on);
        double mOff = median(off);
        System.out.printf(Locale.ROOT, "BENCH queue_msgs_per_s_trace_on %.0f msg/s%n", mOn);
        System.out.printf(Locale.ROOT, "BENCH queue_msgs_per_s_trace_off %.0f msg/s%n", mOff);
        System.out.printf(Locale.ROOT, "BENCH trace_cost_pct %.1f %% (on vs off, median of %d rounds of %d items)%n",
                (mOff - mOn) / mOff * 100, rounds, n);
        System.out.println("on rounds:  " + on);
        System.out.println("off rounds: " + off);
    }

    private static double median(List<Double> xs) {
        var s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
