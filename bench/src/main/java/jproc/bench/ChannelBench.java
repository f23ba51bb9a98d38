package jproc.bench;

import java.util.Locale;
import java.util.Map;

import jproc.bench.channel.Measurements;
import jproc.bench.channel.PythonChannelPeer;
import jproc.bench.channel.TraceEventCost;
import jproc.ipc.session.Session;
import jproc.ipc.shm.SessionFiles;
import jproc.ipc.shm.SessionTracker;

/**
 * The channel benchmark: JProc's queues, pipes and locked shared values between real child JVMs, side by side with
 * Python 3.11 multiprocessing (fork) and a raw Agrona 2.6.0 ring buffer over /dev/shm, all in the same run. Prints
 * one line per figure:
 * <pre>
 *   BENCH &lt;figure&gt; &lt;value&gt; &lt;unit&gt; peer=&lt;python&gt; ratio=&lt;value&gt; limit=&lt;agrona&gt;
 * </pre>
 * ratio is ours / peer for throughputs and peer / ours for latencies (higher is better for JProc either way). The
 * idle_get_cpu_pct is the CPU a {@code get()} uses while it waits 10 s on an empty queue in a child JVM, in percent
 * of one core (the bar: under 2 %), beside Python's {@code Queue.get(timeout=10)}; ratio = peer / ours. The
 * 1->1 queue figure and its Agrona limit are the median of 21 rounds of 1 M items after 2 M warm-up items (short
 * rounds, so that a moment of load from other programs spoils one round, not the figure). The
 * MPMC limit is Agrona's many-to-one ring (4 producers, 1 consumer: Agrona has no many-to-many ring); the counter
 * limit runs the same rounds with the least lock there is (a compare-and-set on a mapped long, see
 * {@code AgronaRoles}). The locked counter is the median of 11 rounds in the same 4 warm worker JVMs (after 5 untimed
 * rounds on a scratch counter), each round released together by a yielding gate ({@code StartGate}) and timed from
 * the first worker's start to the last worker's end; every round's rate goes to stderr.
 *
 * <p>What event recording ({@code jproc.ipc.trace}, on by default, so in every figure above) costs: the 1->1 queue
 * again in two fresh JVMs, 40 rounds of 1 M items with recording switched on and off round by round (on, off, off,
 * on...: each pair of adjacent rounds has one of each). {@code queue_msgs_per_s_trace_off} is the median of the
 * rounds with recording off, against the same Python peer and Agrona limit as {@code queue_msgs_per_s}. The cost
 * line compares JProc with itself, so its reference is the untraced JProc rate, not Python; its ratio is the median
 * over the 20 pairs of on / off (robust to the load drifting during the run) and the cost is 1 - ratio:
 * <pre>
 *   BENCH trace_cost_pct &lt;(1 - ratio) * 100&gt; % peer=&lt;median msg/s, off&gt; ratio=&lt;median of on / off&gt;
 *         on=&lt;median msg/s, on&gt;
 * </pre>
 * (one line; the rounds go to stderr, with the cost of one recorded event on one thread, {@code TraceEventCost}). Run
 * with {@code bin/bench channels}.
 */
public final class ChannelBench {
    private ChannelBench() {
    }

    public static void main(String[] args) throws Exception {
        Session session = Session.current();
        SessionTracker.startFor(session);
        var m = new Measurements();
        try {
            Map<String, Double> py = PythonChannelPeer.run(3);
            double queue = m.queue();
            double queueLimit = m.agronaQueue();
            m.killChildren();
            double[] trace = m.queueTraceCost();
            m.killChildren();
            double mpmc = m.queueMpmc();
            double mpmcLimit = m.agronaMpmc();
            m.killChildren();
            double[] pipe = m.pipe();
            double[] pipeLimit = m.agronaPipe();
            m.killChildren();
            double idle = m.idleGetCpu();
            m.killChildren();
            double counter = m.lockedCounter();
            double counterLimit = m.agronaCounter();
            m.killChildren();
            print("queue_msgs_per_s", queue, "msg/s", py.get("queue_msgs_per_s"), queueLimit, false);
            print("queue_msgs_per_s_trace_off", trace[1], "msg/s", py.get("queue_msgs_per_s"), queueLimit, false);
            System.out.println(String.format(Locale.ROOT, "BENCH trace_cost_pct %.1f %% peer=%.0f ratio=%.3f on=%.0f",
                    (1 - trace[2]) * 100, trace[1], trace[2], trace[0]));
            print("queue_mpmc_msgs_per_s", mpmc, "msg/s", py.get("queue_mpmc_msgs_per_s"), mpmcLimit, false);
            print("pipe_rtt_median_us", pipe[0], "us", py.get("pipe_rtt_median_us"), pipeLimit[0], true);
            print("pipe_rtt_p99_us", pipe[1], "us", py.get("pipe_rtt_p99_us"), pipeLimit[1], true);
            System.out.println(String.format(Locale.ROOT, "BENCH idle_get_cpu_pct %.2f %% peer=%.2f ratio=%.2f",
                    idle, py.getOrDefault("idle_get_cpu_pct", Double.NaN),
                    py.getOrDefault("idle_get_cpu_pct", Double.NaN) / idle));
            print("locked_counter_incr_per_s", counter, "incr/s", py.get("locked_counter_incr_per_s"), counterLimit,
                    false);
            System.err.println(m.traceDetail());
            System.err.println(TraceEventCost.describe());
            System.err.println(m.counterDetail());
        } finally {
            m.killChildren();
            SessionFiles.removeAll(session);
        }
    }

    private static void print(String figure, double ours, String unit, Double peer, double limit, boolean latency) {
        double p = peer == null ? Double.NaN : peer;
        double ratio = latency ? p / ours : ours / p;
        System.out.println(String.format(Locale.ROOT, "BENCH %s %s %s peer=%s ratio=%.1f limit=%s", figure,
                fmt(ours, latency), unit, fmt(p, latency), ratio, fmt(limit, latency)));
        System.out.flush();
    }

    private static String fmt(double v, boolean latency) {
        return latency ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.0f", v);
    }
}
