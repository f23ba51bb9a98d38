package jproc.bench.channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The rounds of a locked-counter measurement: per round the start and end time of each worker. A round's rate is
 * all increments over the time from the first worker's start to the last worker's end (the shape of Python's
 * figure: every worker's {@code perf_counter()} after the start signal and after its last increment).
 */
final class CounterRounds {
    private final int workers;
    private final int perWorker;
    private final List<long[][]> rounds = new ArrayList<>();
    private final List<Long> opened = new ArrayList<>();
    private final List<long[][]> warmUp = new ArrayList<>();

    CounterRounds(int workers, int perWorker) {
        this.workers = workers;
        this.perWorker = perWorker;
    }

    /** Adds a round: when the gate opened and {@code times[worker] = {start, end}}, in {@link System#nanoTime()}. */
    void add(long openedAt, long[][] times) {
        opened.add(openedAt);
        rounds.add(times);
    }

    /** Adds an untimed warm-up round (shown by {@link #describe}, not counted). */
    void addWarmUp(long[][] times) {
        warmUp.add(times);
    }

    /** Increments per second of each round, in order. */
    double[] rates() {
        return rates(rounds);
    }

    private double[] rates(List<long[][]> of) {
        double[] out = new double[of.size()];
        for (int i = 0; i < out.length; i++) {
            long[][] t = of.get(i);
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (long[] w : t) {
                first = Math.min(first, w[0]);
                last = Math.max(last, w[1]);
            }
            out[i] = (double) workers * perWorker * 1e9 / (last - first);
        }
        return out;
    }

    /** The median round's rate. */
    double median() {
        return median(rates());
    }

    /** One line: every round's rate, the median start skew and the median rate of one worker on its own span. */
    String describe(String label) {
        var skews = new ArrayList<Double>();
        var own = new ArrayList<Double>();
        var fromGate = new ArrayList<Double>();
        for (int i = 0; i < rounds.size(); i++) {
            long first = Long.MAX_VALUE;
            long lastStart = Long.MIN_VALUE;
            long last = Long.MIN_VALUE;
            for (long[] w : rounds.get(i)) {
                first = Math.min(first, w[0]);
                lastStart = Math.max(lastStart, w[0]);
                last = Math.max(last, w[1]);
                own.add(perWorker * 1e9 / (w[1] - w[0]));
            }
            skews.add((lastStart - first) / 1e3);
            fromGate.add((double) workers * perWorker * 1e9 / (last - opened.get(i)));
        }
        var sb = new StringBuilder(label).append(" rounds (M incr/s):");
        for (double r : rates()) {
            sb.append(String.format(Locale.ROOT, " %.1f", r / 1e6));
        }
        sb.append(" (after untimed warm-up rounds on a scratch counter:");
        for (double r : rates(warmUp)) {
            sb.append(String.format(Locale.ROOT, " %.1f", r / 1e6));
        }
        sb.append(')');
        sb.append(String.format(Locale.ROOT, "; median %.1f (%.1f timed from the gate's opening); last start %.0f us "
                + "after the first; one worker runs at %.1f M incr/s over its own span (medians)", median() / 1e6,
                median(doubles(fromGate)) / 1e6, median(doubles(skews)), median(doubles(own)) / 1e6));
        return sb.toString();
    }

    private static double[] doubles(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
