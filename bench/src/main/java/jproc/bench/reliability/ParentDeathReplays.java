package jproc.bench.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jproc.ipc.session.Session;

/**
 * Pitfalls about a parent's death, replayed with a separate parent JVM ({@link PitfallParent}): its children must
 * not outlive it (Python leaves orphans when a parent is killed) and its shared memory must be removed (Python's
 * resource tracker warns about leaked shared_memory segments), also when it exits normally with a daemon child.
 */
final class ParentDeathReplays implements AutoCloseable {
    private final Workdir work;
    private final List<Long> started = new ArrayList<>();

    ParentDeathReplays(Workdir work) {
        this.work = work;
    }

    List<Pitfall> all() {
        return List.of(
                new Pitfall("parent_killed_children_end", "children of a parent killed with SIGKILL keep running as "
                        + "orphans", () -> parentDeath(true, false)),
                new Pitfall("parent_killed_shared_memory_removed", "shared_memory segments of a killed parent leak "
                        + "(the resource tracker can only warn)", () -> parentDeath(true, true)),
                new Pitfall("daemon_child_ends_at_parent_exit", "daemon children are terminated when the parent exits "
                        + "(JProc must do the same, and remove the session's files)", () -> parentDeath(false, true)));
    }

    private String parentDeath(boolean kill, boolean checkFiles) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString());
        var cmd = List.of(java, "-cp", System.getProperty("java.class.path"), PitfallParent.class.getName(),
                kill ? "kill" : "exit");
        Process parent;
        String[] ready;
        try {
            parent = new ProcessBuilder(cmd).redirectError(work.file("pitfall-parent.err").toFile()).start();
            started.add(parent.pid());
            var out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("READY ")) {
                parent.destroyForcibly();
                return "the parent JVM did not start its children: " + line + " " + Files.readString(
                        work.file("pitfall-parent.err"));
            }
            ready = line.split(" ");
        } catch (IOException e) {
            return "cannot start the parent JVM: " + e;
        }
        String session = ready[1];
        long child = Long.parseLong(ready[2]);
        long daemon = Long.parseLong(ready[3]);
        started.add(child);
        started.add(daemon);
        long t0 = System.nanoTime();
        if (kill) {
            parent.destroyForcibly();
        }
        try {
            parent.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        var problems = Pitfalls.problems();
        long limitMs = 1_500;
        List<Long> watched = kill ? List.of(child, daemon) : List.of(daemon);
        while (watched.stream().anyMatch(ParentDeathReplays::running) && System.nanoTime() - t0 < limitMs * 1_000_000) {
            Reliability.sleep(20);
        }
        for (long pid : watched) {
            if (running(pid)) {
                problems.add((pid == daemon ? "the daemon child " : "the child ") + pid + " still runs "
                        + limitMs + " ms after its parent " + (kill ? "was killed" : "exited"));
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        if (checkFiles) {
            String prefix = Session.FILE_PREFIX + session + "-";
            long until = System.nanoTime() + 10_000_000_000L;
            List<Path> left = files(prefix);
            while (!left.isEmpty() && System.nanoTime() < until) {
                Reliability.sleep(100);
                left = files(prefix);
            }
            if (!left.isEmpty()) {
                problems.add(left.size() + " file(s) of the parent's session remain 10 s after it "
                        + (kill ? "was killed" : "exited") + ": " + left.stream().map(p -> p.getFileName().toString())
                        .toList());
                for (Path p : left) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // reported above
                    }
                }
            }
        }
        return Pitfalls.join(problems);
    }

    private static List<Path> files(String prefix) {
        try (var list = Files.list(Session.current().directory())) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static boolean running(long pid) {
        String s = state(pid);
        return !s.isEmpty() && !s.equals("Z") && !s.equals("X");
    }

    /** The state letter of a process from /proc ("" if it is gone). */
    static String state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            int close = stat.lastIndexOf(')');
            return stat.substring(close + 2, close + 3);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        for (long pid : started) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
