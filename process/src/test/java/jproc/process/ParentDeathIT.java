package jproc.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.process.spawn.Launcher;

/** Children never outlive their parent; daemon and non-daemon children at the parent's exit. */
class ParentDeathIT {
    private static final java.util.List<Long> HELPERS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterAll
    static void noChildLeftBehind() throws Exception {
        NoChildLeftBehind.check();
        // a parent killed with SIGKILL cannot remove its session's files; its children may write theirs late
        Thread.sleep(200);
        var dir = jproc.ipc.session.Session.current().directory();
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                for (long pid : HELPERS) {
                    if (f.getFileName().toString().startsWith("jproc-" + pid + "x")) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
    }

    private static Process helper(String mode) throws IOException {
        Process p = new ProcessBuilder(Launcher.javaCommand(), "-cp", System.getProperty("java.class.path"),
                HelperParent.class.getName(), mode).redirectErrorStream(true).start();
        HELPERS.add(p.pid());
        return p;
    }

    private static long childPid(BufferedReader r) throws IOException {
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith("child ")) {
                return Long.parseLong(line.substring(6).trim());
            }
        }
        throw new AssertionError("the helper parent printed no child pid");
    }

    private static long millisUntilGone(List<ProcessHandle> handles, long limitMillis) throws InterruptedException {
        long t0 = System.nanoTime();
        while ((System.nanoTime() - t0) / 1_000_000 < limitMillis) {
            if (handles.stream().noneMatch(ParentDeathIT::running)) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            Thread.sleep(5);
        }
        return Long.MAX_VALUE;
    }

    /** Alive and not a zombie (an orphan's zombie waits for init to reap it, which may take seconds). */
    static boolean running(ProcessHandle h) {
        try {
            String stat = Files.readString(Path.of("/proc/" + h.pid() + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    @Timeout(60)
    void childrenEndWithinOneSecondWhenTheParentIsKilled() throws Exception {
        Process parent = helper("orphan");
        try (var r = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            long child = childPid(r);
            long end = System.currentTimeMillis() + 10_000;
            List<ProcessHandle> family;
            do { // the child and the warm spare the helper prestarts
                Thread.sleep(50);
                family = parent.toHandle().descendants().collect(Collectors.toList());
            } while (family.size() < 2 && System.currentTimeMillis() < end);
            assertTrue(family.stream().anyMatch(h -> h.pid() == child), "child is a descendant: " + family);
            parent.toHandle().destroyForcibly(); // SIGKILL: no hook runs in the parent
            long ms = millisUntilGone(family, 3000);
            assertTrue(ms <= 1000, "children ended " + ms + " ms after the parent was killed: " + family.stream()
                    .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).collect(Collectors.toList()));
        } finally {
            parent.destroyForcibly();
            parent.waitFor();
        }
    }

    @Test
    @Timeout(60)
    void daemonChildEndsWhenTheParentExits() throws Exception {
        Process parent = helper("daemon");
        try (var r = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            long child = childPid(r);
            ProcessHandle h = ProcessHandle.of(child).orElseThrow();
            assertEquals(0, parent.waitFor(), "the parent does not wait for a daemon child");
            assertTrue(millisUntilGone(List.of(h), 3000) <= 1000, "the daemon child ended with its parent");
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    @Timeout(60)
    void parentWaitsForNonDaemonChildBeforeExiting() throws Exception {
        long t0 = System.nanoTime();
        Process parent = helper("nondaemon");
        try (var r = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            childPid(r);
            String rest = r.lines().collect(Collectors.joining("\n"));
            assertEquals(0, parent.waitFor());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 1500, "the parent exited after " + ms + " ms, before its child's work ended");
            assertTrue(rest.contains("[worker] done"), "the child's output reached the parent: " + rest);
        } finally {
            parent.destroyForcibly();
        }
    }
}
