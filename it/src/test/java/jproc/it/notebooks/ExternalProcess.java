package jproc.it.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A helper process of a test (Python, Node.js, a Jupyter server) that is always ended with everything it
 * started: {@link #close()} stops the process and all its descendants, first politely, then by force.
 */
final class ExternalProcess implements AutoCloseable {
    private final String label;
    private final Process process;

    private ExternalProcess(String label, Process process) {
        this.label = label;
        this.process = process;
    }

    /** Starts {@code command} in {@code dir} with extra environment, stdout and stderr both going to {@code log}. */
    static ExternalProcess start(String label, List<String> command, Path dir, Map<String, String> env, Path log) {
        var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        pb.environment().putAll(env);
        try {
            return new ExternalProcess(label, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + label + ": " + command, e);
        }
    }

    /** Waits for the process to exit; fails naming the process when it takes longer than {@code timeout}. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError(label + " did not finish within " + timeout.toSeconds() + " s; it was stopped");
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Runs {@code command} to its end; fails with its log when it exits non-zero or outlives {@code timeout}. */
    static void run(String label, List<String> command, Path dir, Map<String, String> env, Path log,
            Duration timeout) throws java.io.IOException, InterruptedException {
        try (var p = start(label, command, dir, env, log)) {
            int status = p.waitFor(timeout);
            if (status != 0) {
                throw new IllegalStateException(label + " failed with status " + status + ":\n"
                        + java.nio.file.Files.readString(log));
            }
        }
    }

    /** Ends the process and every descendant: SIGTERM, up to {@code grace}, then SIGKILL. Idempotent. */
    void stop(Duration grace) {
        var all = new java.util.ArrayList<ProcessHandle>();
        process.descendants().forEach(all::add);
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    /** {@link #stop(Duration)} with 5 s of grace. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
