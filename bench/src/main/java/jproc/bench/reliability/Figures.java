package jproc.bench.reliability;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one run, in the order they were first set, with the findings that explain non-zero ones. Printed
 * as a summary table and as one line per figure, {@code RELIABILITY <figure> <value>}. Thread-safe.
 */
public final class Figures {
    /** Figures that must be zero for the product to pass (the CI test fails otherwise). */
    public static final Set<String> MUST_BE_ZERO = Set.of(
            "kill9_lost", "kill9_duplicated", "kill9_corrupt", "kill9_hangs", "kill9_owner_deaths_unreported",
            "kill9_files_left",
            "kernel_kill_orphans", "kernel_kill_leaked_files", "kernel_restart_orphans",
            "kernel_restart_leaked_files", "kernel_shutdown_orphans", "kernel_shutdown_leaked_files",
            "kernel_restart_unusable", "non_loopback_listeners",
            "interrupt_slow", "interrupt_collateral", "load_lost", "load_order_violations", "load_duplicated",
            "load_corrupt", "load_hangs",
            "protocol_fuzz_crashes", "deser_not_blocked", "bad_magic_unclear", "file_modes_bad",
            "python_pitfalls_failed", "leftover_processes", "leftover_shm_files", "suite_errors");

    /** Figures that must be 1 (a check that passed) when they are measured. */
    public static final Set<String> MUST_BE_ONE = Set.of("file_modes_ok");

    private final Map<String, Long> values = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();
    private final List<String> findings = new ArrayList<>();

    public synchronized void set(String name, long value) {
        values.put(name, value);
    }

    public synchronized void add(String name, long delta) {
        values.merge(name, delta, Long::sum);
    }

    /** Sets a figure with a unit shown in the table (not in the RELIABILITY line). */
    public synchronized void set(String name, long value, String unit) {
        values.put(name, value);
        units.put(name, unit);
    }

    public synchronized Long get(String name) {
        return values.get(name);
    }

    public synchronized long getOrZero(String name) {
        return values.getOrDefault(name, 0L);
    }

    /** Records what went wrong, with enough detail to reproduce it. */
    public synchronized void finding(String area, String text) {
        findings.add(area + ": " + text);
    }

    public synchronized List<String> findings() {
        return List.copyOf(findings);
    }

    public synchronized Map<String, Long> values() {
        return new LinkedHashMap<>(values);
    }

    /** Figures that must be zero and are not. */
    public synchronized List<String> failures() {
        var out = new ArrayList<String>();
        values.forEach((k, v) -> {
            if ((MUST_BE_ZERO.contains(k) && v != 0) || (MUST_BE_ONE.contains(k) && v != 1)) {
                out.add(k + "=" + v);
            }
        });
        return out;
    }

    /** The summary table, the findings, then one {@code RELIABILITY} line per figure. */
    public synchronized void print(PrintStream out) {
        out.println();
        out.println("JProc reliability summary");
        out.printf("%-36s %14s  %s%n", "figure", "value", "");
        out.println("-".repeat(64));
        values.forEach((k, v) -> out.printf("%-36s %14d  %s%n", k, v,
                MUST_BE_ZERO.contains(k) ? (v == 0 ? "ok" : "FAIL (must be 0)")
                        : MUST_BE_ONE.contains(k) ? (v == 1 ? "ok" : "FAIL (must be 1)") : units.getOrDefault(k, "")));
        out.println("-".repeat(64));
        if (!findings.isEmpty()) {
            out.println("Findings (" + findings.size() + "):");
            int shown = 0;
            for (String f : findings) {
                if (shown++ == 60) {
                    out.println("  ... " + (findings.size() - 60) + " more");
                    break;
                }
                out.println("  - " + f);
            }
        }
        List<String> fails = failures();
        out.println(fails.isEmpty() ? "RESULT: every must-be-zero figure is zero"
                : "RESULT: FAILED " + String.join(", ", fails));
        out.println();
        values.forEach((k, v) -> out.println("RELIABILITY " + k + " " + v));
        out.flush();
    }
}
