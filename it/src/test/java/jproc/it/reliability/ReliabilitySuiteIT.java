package jproc.it.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.bench.reliability.Figures;

/**
 * Runs the bounded form of the reliability suite (what {@code bin/reliability} runs: kill -9 of channel users, 64
 * children on one queue with 1 M messages, crafted serialization streams, Python pitfalls, the installed kernel
 * killed, restarted, shut down, interrupted, fuzzed and fed bad magics, file modes) and fails if any figure that must
 * be zero is not, or if a part did not measure anything. Prints every {@code RELIABILITY} line.
 */
class ReliabilitySuiteIT {
    private static final Duration LIMIT = Duration.ofMinutes(20);

    @Test
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void everyMustBeZeroFigureIsZero() throws Exception {
        Path repo = repoRoot();
        Path kernelJar = Path.of(System.getProperty("jproc.kernel.jar", repo.resolve("install/target/jproc-kernel.jar")
                .toString()));
        Path work = Files.createDirectories(repo.resolve("it/target/reliability"));
        SuiteRun run = SuiteRun.start(repo, kernelJar, work, LIMIT);
        run.figures.forEach((k, v) -> System.out.println("RELIABILITY " + k + " " + v));
        System.out.println("RELIABILITY leftover_files_after_exit " + run.leftoverAfterExit);

        var problems = new ArrayList<String>();
        if (run.timedOut) {
            problems.add("the suite did not finish within " + LIMIT.toMinutes() + " minutes");
        }
        for (var e : run.figures.entrySet()) {
            if (Figures.MUST_BE_ZERO.contains(e.getKey()) && e.getValue() != 0) {
                problems.add(e.getKey() + " = " + e.getValue() + " (must be 0)");
            }
            if (Figures.MUST_BE_ONE.contains(e.getKey()) && e.getValue() != 1) {
                problems.add(e.getKey() + " = " + e.getValue() + " (must be 1)");
            }
        }
        if (run.leftoverAfterExit != 0) {
            problems.add("leftover_files_after_exit = " + run.leftoverAfterExit + " (must be 0)");
        }
        for (var required : Map.ofEntries(Map.entry("kill9_trials", 10L), Map.entry("load_messages", 1_000_000L),
                Map.entry("load_children", 64L), Map.entry("deser_attacks", 10L),
                Map.entry("python_pitfalls_trials", 15L), Map.entry("interrupt_trials", 10L),
                Map.entry("protocol_fuzz_messages", 100L), Map.entry("bad_magic_inputs", 20L),
                Map.entry("kernel_kill_trials", 1L), Map.entry("kernel_restart_trials", 1L),
                Map.entry("kernel_shutdown_trials", 1L), Map.entry("file_modes_checked", 10L)).entrySet()) {
            long v = run.figures.getOrDefault(required.getKey(), 0L);
            if (v < required.getValue()) {
                problems.add(required.getKey() + " = " + v + ": that part did not run (expected at least "
                        + required.getValue() + ")");
            }
        }
        if (run.figures.getOrDefault("deser_blocked", -1L) != run.figures.getOrDefault("deser_attacks", -2L)) {
            problems.add("deser_blocked = " + run.figures.get("deser_blocked") + " of deser_attacks = "
                    + run.figures.get("deser_attacks"));
        }
        assertTrue(problems.isEmpty(), () -> "the reliability suite found problems (output: "
                + work.resolve("output.txt") + "):\n  " + String.join("\n  ", problems) + "\nFindings:\n  "
                + String.join("\n  ", run.findings));
    }

    static Path repoRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("bin/reliability")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d;
            }
        }
        throw new IllegalStateException("cannot find the repository root (with bin/reliability) above "
                + Path.of("").toAbsolutePath());
    }
}
