package jproc.ipc.testing;

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
 * A helper JVM running {@link ChildMain} in this test's session (same session id and directory). Its stdout lines
 * are collected; close() kills it. Always use in try-with-resources or close it in {@code @AfterEach}.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final Thread pump;

    private ChildJvm(Process process) {
        this.process = process;
        this.pump = new Thread(this::pumpLines, "jproc-test-child-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts a child running scenario {@code scenario} with arguments, in this test's session. */
    public static ChildJvm start(String scenario, Object... args) {
        return start(true, Session.current().directory(), scenario, args);
    }

    /** Starts a child that is the root of a new session whose files live in {@code dir}. */
    public static ChildJvm startRoot(Path dir, String scenario, Object... args) {
        return start(false, dir, scenario, args);
    }

    private static ChildJvm start(boolean inherit, Path dir, String scenario, Object... args) {
        Session s = Session.current();
        var cmd = new ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Djproc.shm.dir=" + dir);
        if (inherit) {
            cmd.add("-Djproc.session=" + s.id());
        }
        cmd.add(ChildMain.class.getName());
        cmd.add(scenario);
        for (Object a : args) {
            cmd.add(String.valueOf(a));
        }
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (inherit) {
            pb.environment().put(Session.ENV_SESSION, s.id());
        } else {
            pb.environment().remove(Session.ENV_SESSION);
        }
        try {
            return new ChildJvm(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pumpLines() {
        try (var r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (all) {
                    all.add(line);
                }
                lines.add(line);
            }
        } catch (IOException e) {
            // process ended
        }
    }

    /** Waits for the next line starting with {@code prefix} (skipping others); fails after the timeout. */
    public String await(String prefix, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = end - System.nanoTime();
                String l = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
                if (l == null) {
                    throw new AssertionError("child " + pid() + " printed no line starting with '" + prefix
                            + "' within " + timeout + "; output so far: " + output());
                }
                if (l.startsWith(prefix)) {
                    return l;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Everything the child printed so far. */
    public String output() {
        synchronized (all) {
            return String.join("\n", all);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the child to exit; returns its exit code. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("child " + pid() + " did not exit within " + timeout + "; output: "
                        + output());
            }
            pump.join(2000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Kills the child with SIGKILL and waits until it is gone. */
    public void kill9() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill9();
        }
    }
}
