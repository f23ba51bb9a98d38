package jproc.bench.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Python multiprocessing pitfalls replayed against JProc in plain Java (the notebook ones run in the kernel part).
 * Each replay is bounded (60 s); a replay that hangs counts as failed. Figures: {@code python_pitfalls_trials},
 * {@code python_pitfalls_failed}.
 */
final class Pitfalls {
    private static final long LIMIT_S = 60;

    private Pitfalls() {
    }

    static void run(RunOptions options, Workdir work, ChildLog log, Figures figures) {
        var replays = new PitfallReplays(options, work, log);
        List<Pitfall> all = replays.all();
        int failed = 0;
        var pool = Executors.newCachedThreadPool(r -> {
            var t = new Thread(r, "jproc-reliability-pitfall");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Pitfall p : all) {
                String why;
                var future = pool.submit(() -> p.check().get());
                try {
                    why = future.get(LIMIT_S, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    future.cancel(true);
                    why = "the replay did not finish within " + LIMIT_S + " s (it hangs, as in Python)";
                } catch (ExecutionException e) {
                    why = "the replay failed: " + e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                log.note("pitfall " + p.name() + ": " + (why == null ? "avoided" : why));
                System.out.println("   pitfall " + p.name() + ": " + (why == null ? "avoided" : "NOT avoided"));
                if (why != null) {
                    failed++;
                    figures.finding("pitfall " + p.name(), why + " (Python: " + p.python() + ")");
                }
            }
        } finally {
            pool.shutdownNow();
            replays.close();
        }
        figures.add("python_pitfalls_trials", all.size());
        figures.add("python_pitfalls_failed", failed);
    }

    /** Helper to collect several problems of one replay. */
    static String join(List<String> problems) {
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    static List<String> problems() {
        return new ArrayList<>();
    }
}
