package jproc.bench.channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jproc.ipc.session.Session;

/**
 * One benchmark child JVM: runs {@link Roles} with the benchmark's classpath in the benchmark's session, collects
 * its output lines, and is killed by {@link #close()}.
 */
public final class ChildRun implements AutoCloseable {
    private final Process process;
    private final String role;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();

    private ChildRun(Process process, String role) {
        this.process = process;
        this.role = role;
        var t = new Thread(this::pump, "jproc-bench-child-" + role + "-" + process.pid());
        t.setDaemon(true);
        t.start();
    }

    /** Starts a child in {@code role}; {@code agrona} adds the JVM option Agrona needs. */
    public static ChildRun start(boolean agrona, String role, Object... args) {
        var cmd = new ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (agrona) {
            cmd.add("--add-exports");
            cmd.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        }
        cmd.add("-XX:+UseSerialGC");
        if (System.getProperty("jproc.trace") != null) {
            cmd.add("-Djproc.trace=" + System.getProperty("jproc.trace"));
        }
        cmd.add("-Xms64m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Roles.class.getName());
        cmd.add(role);
        for (Object a : args) {
            cmd.add(String.valueOf(a));
        }
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put(Session.ENV_SESSION, Session.current().id());
        pb.environment().put(Session.ENV_DIR, Session.current().directory().toString());
        try {
            return new ChildRun(pb.start(), role);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pump() {
        try (var r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                synchronized (all) {
                    all.add(l);
                }
                lines.add(l);
            }
        } catch (IOException e) {
            // the child ended
        }
    }

    /** Waits for the next line starting with {@code prefix}; returns the rest of it. */
    public String await(String prefix, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = end - System.nanoTime();
                String l = left > 0 ? lines.poll(Math.min(left, 100_000_000L), TimeUnit.NANOSECONDS) : null;
                if (l == null && left > 0 && (process.isAlive() || !lines.isEmpty())) {
                    continue;
                }
                if (l == null) {
                    throw new IllegalStateException("benchmark child " + role + " (pid " + process.pid()
                            + ") printed no '" + prefix + "' line" + (process.isAlive() ? " within "
                            + timeout.toSeconds() + " s" : " before it exited") + "; output: "
                            + output());
                }
                if (l.startsWith(prefix)) {
                    return l.substring(prefix.length()).trim();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The numbers of a {@code RESULT} line. */
    public double[] result(Duration timeout) {
        String[] f = await("RESULT", timeout).split(" ");
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = Double.parseDouble(f[i]);
        }
        return out;
    }

    /** Throws if the child has exited (a worker that failed), naming its output. */
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("benchmark child " + role + " (pid " + process.pid() + ") exited with "
                    + process.exitValue() + "; output: " + output());
        }
    }

    private String output() {
        synchronized (all) {
            return String.join(" | ", all);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
