package jproc.bench.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kernel figures: runs {@code bench/python/reliability/kernel_reliability.py} with Debian's Python and
 * jupyter_client against the installed kernel (the shaded jar from {@code install/target}, its kernelspec installed
 * into a temporary Jupyter data dir), relays its progress, and adds its {@code FIGURE} and {@code FINDING} lines.
 * The script is bounded in time; if it overruns, it and its kernels are killed and the overrun is a finding.
 */
final class KernelParts {
    private KernelParts() {
    }

    static void run(RunOptions options, Path logs, Figures figures) {
        Path script = options.repo().resolve("bench/python/reliability/kernel_reliability.py");
        Path jar = options.kernelJar();
        if (!Files.isRegularFile(jar)) {
            figures.add("suite_errors", 1);
            figures.finding("kernel", "the kernel jar " + jar + " is missing: build it first (mvn -q install "
                    + "-DskipTests); the kernel figures were not measured");
            return;
        }
        var cmd = new ArrayList<>(List.of(options.python(), script.toString(), "--jar", jar.toString(), "--log",
                logs.resolve("kernels.log").toString()));
        if (options.longForm()) {
            cmd.add("--long");
        }
        long limitMinutes = options.longForm() ? 60 : 15;
        try {
            Files.createDirectories(logs);
            var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("PYTHONUNBUFFERED", "1");
            pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
            Process p = pb.start();
            var reader = new Thread(() -> relay(p, figures), "jproc-reliability-kernel-output");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(limitMinutes, TimeUnit.MINUTES)) {
                figures.add("suite_errors", 1);
                figures.finding("kernel", "the kernel script did not finish within " + limitMinutes + " minutes; it "
                        + "was killed with its kernels");
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(10_000);
            if (p.exitValue() != 0) {
                figures.add("suite_errors", 1);
                figures.finding("kernel", "the kernel script failed with status " + p.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + options.python() + " " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the kernel script ran", e);
        }
    }

    private static void relay(Process p, Figures figures) {
        try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("FIGURE ")) {
                    String[] f = line.split(" ");
                    if (f.length == 3) {
                        add(figures, f[1], Long.parseLong(f[2]));
                    }
                } else if (line.startsWith("FINDING ")) {
                    int colon = line.indexOf(": ");
                    figures.finding(colon > 0 ? line.substring(8, colon) : "kernel", colon > 0
                            ? line.substring(colon + 2) : line.substring(8));
                    System.out.println("   " + line);
                } else {
                    System.out.println("   " + line);
                }
            }
        } catch (IOException e) {
            figures.finding("kernel", "lost the kernel script's output: " + e);
        }
    }

    /** Figures that both sides measure add up; the kernel's own ones are set. */
    private static void add(Figures figures, String name, long value) {
        switch (name) {
            case "file_modes_checked", "file_modes_bad", "python_pitfalls_trials", "python_pitfalls_failed" ->
                    figures.add(name, value);
            case "kernel_suite_errors" -> figures.add("suite_errors", value);
            default -> figures.set(name, value);
        }
    }
}
