package jproc.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process a test starts (the Lab server, Node.js, the kernelspec installer), always ended with everything it
 * started: {@link #close()} stops it and all its descendants, first politely, then by force.
 */
final class TestProcess implements AutoCloseable {
    private final String label;
    private final Process process;

    private TestProcess(String label, Process process) {
        this.label = label;
        this.process = process;
    }

    /** Starts {@code command} in {@code dir} with extra environment, stdout and stderr both going to {@code log}. */
    static TestProcess start(String label, List<String> command, Path dir, Map<String, String> env, Path log) {
        var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        pb.environment().putAll(env);
        try {
            return new TestProcess(label, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + label + ": " + command, e);
        }
    }

    /** Runs {@code command} to its end; fails with its log when it exits non-zero or outlives {@code timeout}. */
    static void run(String label, List<String> command, Path dir, Map<String, String> env, Path log,
            Duration timeout) throws IOException, InterruptedException {
        try (var p = start(label, command, dir, env, log)) {
            int status = p.waitFor(timeout);
            if (status != 0) {
                throw new IllegalStateException(label + " failed with status " + status + ":\n"
                        + Files.readString(log));
            }
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

    /** Ends the process and every descendant: SIGTERM, up to {@code grace}, then SIGKILL. Idempotent. */
    void stop(Duration grace) {
        var all = new ArrayList<ProcessHandle>();
        process.descendants().forEach(all::add);
        all.add(process.toHandle());
        process.toHandle().destroy();
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
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
