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

    /** Ends the process and every descendant: SIGTERM, up to 5 s of grace, then SIGKILL. Idempotent. */
    @Override
    public void close() {
        var all = new java.util.ArrayList<ProcessHandle>();
        process.descendants().forEach(all::add);
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }
}
