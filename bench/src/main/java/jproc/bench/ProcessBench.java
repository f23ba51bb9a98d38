package jproc.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jproc.bench.process.FirstLine;
import jproc.bench.process.Hello;
import jproc.bench.process.PythonPeer;
import jproc.process.ChildProcess;
import jproc.process.ChildProcesses;
import jproc.process.pool.ProcessPool;
import jproc.process.spawn.ChildCds;
import jproc.process.spawn.Launcher;
import jproc.process.spawn.WarmPool;

/**
 * Child process figures beside Python 3.11 multiprocessing measured in the same run. Prints
 * {@code BENCH <figure> <value> <unit> peer=<fork value> ratio=<peer/value> spawn=<spawn value> [limit=<value>]} for
 * spawn_first_output_ms (cold start), spawn_warm_ms (from the warm pool), pool_map_10k_ms (started 2-worker pool)
 * and child_rss_mb (idle child). Every figure is lower-is-better, so ratio = peer / ours: above 1 JProc is ahead,
 * as in the other benchmark commands. The start-up figures carry {@code limit=}, a plain JVM printing one line with
 * the children's options (the floor of a cold start), measured alternately with the cold starts.
 * Usage: {@code java -cp ... jproc.bench.ProcessBench [repetitions]}.
 */
public final class ProcessBench {
    private ProcessBench() {
    }

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Map<String, Map<String, Double>> py = PythonPeer.run(reps);
        double[] coldAndHello = coldAndPlainJvm(reps);
        double cold = coldAndHello[0];
        double hello = coldAndHello[1];
        double warm = warmFirstOutput(reps);
        double map = poolMap(reps * 4);
        double rss = idleRss(3);
        print("spawn_first_output_ms", cold, "ms", py, "first_output_ms", hello);
        print("spawn_warm_ms", warm, "ms", py, "first_output_ms", hello);
        print("pool_map_10k_ms", map, "ms", py, "pool_map_10k_ms", Double.NaN);
        print("child_rss_mb", rss, "MB", py, "child_rss_mb", Double.NaN);
        System.out.println(String.format(Locale.ROOT, "INFO plain_jvm_hello_first_output_ms %.2f ms (java with the"
                + " children's options running a class that prints one line: the floor of a cold start)", hello));
        ChildProcesses.killAll(2000);
    }

    private static void print(String figure, double value, String unit, Map<String, Map<String, Double>> py,
                              String pyFigure, double limit) {
        double fork = py.get("fork").get(pyFigure);
        double spawn = py.get("spawn").get(pyFigure);
        String lim = Double.isNaN(limit) ? "" : String.format(Locale.ROOT, " limit=%.2f", limit);
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.2f %s peer=%.2f ratio=%.2f spawn=%.2f%s", figure,
                value, unit, fork, fork / value, spawn, lim));
    }

    private static double median(List<Double> xs) {
        var s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    /**
     * Cold starts and starts of a plain JVM with the children's options (the floor), alternated and in alternating
     * order, so that both see the same machine: {median cold start, median plain JVM}.
     */
    private static double[] coldAndPlainJvm(int reps) throws Exception {
        WarmPool.instance().setSize(0);
        List<String> hello = helloCommand();
        var cold = new ArrayList<Double>();
        var plain = new ArrayList<Double>();
        for (int i = -2; i < reps; i++) {
            if (i == 0) {
                // the first children trained the class-data archive of this classpath (ChildCds) if it had none
                ChildCds.awaitTraining(60_000);
            }
            boolean plainFirst = (i & 1) == 0;
            for (int k = 0; k < 2; k++) {
                Thread.sleep(100);
                boolean isPlain = (k == 0) == plainFirst;
                double ms = isPlain ? plainJvmOnce(hello) : firstOutputOnce(false);
                if (i >= 0) {
                    (isPlain ? plain : cold).add(ms);
                }
            }
        }
        return new double[] {median(cold), median(plain)};
    }

    /** start() to the first line of output from a ready warm spare. */
    private static double warmFirstOutput(int reps) throws Exception {
        WarmPool pool = WarmPool.instance();
        pool.setSize(1);
        var times = new ArrayList<Double>();
        for (int i = -2; i < reps; i++) {
            long end = System.currentTimeMillis() + 20_000;
            while (pool.ready() < 1 && System.currentTimeMillis() < end) {
                Thread.sleep(5);
            }
            double ms = firstOutputOnce(true);
            if (i >= 0) {
                times.add(ms);
            }
        }
        return median(times);
    }

    /** One child: start() to the first line of output received by the parent. */
    private static double firstOutputOnce(boolean warm) throws Exception {
        var sink = new FirstLine();
        long t0 = System.nanoTime();
        var p = new ChildProcess("bench-" + (warm ? "warm" : "cold"), () -> System.out.println("ready"))
                .coldStart(!warm).output(sink).start();
        long t1 = sink.await();
        p.join();
        return (t1 - t0) / 1e6;
    }

    /** Median time of map(x -> x * x) over 10 000 Integers on a started pool of 2 workers, after a warm-up. */
    private static double poolMap(int reps) {
        List<Integer> items = IntStream.range(0, 10_000).boxed().collect(Collectors.toList());
        WarmPool.instance().setSize(1);
        try (var pool = new ProcessPool(2)) {
            for (int i = 0; i < 200; i++) {
                pool.map(x -> x * x, items);
            }
            var times = new ArrayList<Double>();
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                List<Integer> r = pool.map(x -> x * x, items);
                times.add((System.nanoTime() - t0) / 1e6);
                if (r.size() != items.size()) {
                    throw new IllegalStateException("pool map lost results");
                }
            }
            return median(times);
        }
    }

    /** A plain JVM with the children's options running a class that prints one line. */
    private static List<String> helloCommand() {
        var cmd = new ArrayList<String>();
        cmd.add(Launcher.javaCommand());
        cmd.addAll(Launcher.defaultOptions());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Hello.class.getName());
        return cmd;
    }

    /** start() of that plain JVM to its first line. */
    private static double plainJvmOnce(List<String> cmd) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        double ms;
        try (var r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            r.readLine();
            ms = (System.nanoTime() - t0) / 1e6;
        }
        p.waitFor();
        return ms;
    }

    /** Resident memory of an idle child (started, printed a line, sleeping), read from /proc. */
    private static double idleRss(int reps) throws Exception {
        WarmPool.instance().setSize(0);
        var values = new ArrayList<Double>();
        for (int i = 0; i < reps; i++) {
            var sink = new FirstLine();
            var p = new ChildProcess("bench-idle", () -> {
                System.out.println("ready");
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).output(sink).start();
            sink.await();
            Thread.sleep(500);
            for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    values.add(Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
            p.kill();
            p.join();
        }
        return median(values);
    }
}
