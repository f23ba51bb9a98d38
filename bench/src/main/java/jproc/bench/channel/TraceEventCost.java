package jproc.bench.channel;

import java.util.Arrays;
import java.util.Locale;

import jproc.ipc.trace.Trace;
import jproc.ipc.trace.TraceChannel;
import jproc.ipc.trace.TraceEvent;

/**
 * What recording one event costs on one thread of this JVM, with recording on and off: the three events of a locked
 * increment (acquire, set, release) in a loop on a private channel, best of 5 runs of 10 M. A detail for stderr next
 * to the queue figure ({@code trace_cost_pct}), which is what a user sees; this one is steadier on a loaded host.
 */
public final class TraceEventCost {
    private static final int N = 10_000_000;
    private static int channels;

    private TraceEventCost() {
    }

    /** Measures and describes the cost (switches recording off for the session meanwhile, then on again). */
    public static String describe() {
        TraceChannel c = Trace.channel("lock", "bench-trace-events-" + ProcessHandle.current().pid());
        try {
            fresh(); // compiles the path of a channel's first events
            double fresh = fresh();
            double on = best(c, true);
            double off = best(c, false);
            return String.format(Locale.ROOT, "recording one event: %.1f ns (recording off: %.1f ns), best of 5 x %d M"
                    + " acquire/set/release on one thread; the first 10 000 increments on a new channel: %.1f ns per"
                    + " event", on, off, N / 1_000_000, fresh);
        } finally {
            Trace.setEnabled(true);
        }
    }

    private static double best(TraceChannel c, boolean recording) {
        Trace.setEnabled(recording);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            best = Math.min(best, run(c, N));
        }
        return best;
    }

    /** Median over 15 new channels of the cost of their first 10 000 increments (3 events each). */
    private static double fresh() {
        Trace.setEnabled(true);
        double[] t = new double[15];
        for (int r = 0; r < t.length; r++) {
            t[r] = run(Trace.channel("lock", "bench-trace-new-" + ProcessHandle.current().pid() + "-" + (++channels)),
                    10_000);
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    private static double run(TraceChannel c, int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            c.event(TraceEvent.ACQUIRE);
            c.event(TraceEvent.SET);
            c.event(TraceEvent.RELEASE);
        }
        return (System.nanoTime() - t0) / (3.0 * n);
    }
}
