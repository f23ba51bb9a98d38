package jproc.bench.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jproc.ipc.pipe.ProcessPipe;
import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.session.Session;
import jproc.ipc.sync.ProcessEvent;
import jproc.ipc.sync.ProcessLock;
import jproc.ipc.sync.ProcessSemaphore;
import jproc.ipc.value.SharedInt;

/**
 * Samples, all through the run, every file this suite's session creates (channels, side files, traces) and checks
 * that only its owner may read or write it. Figures: {@code file_modes_checked} (distinct files seen),
 * {@code file_modes_bad} (files readable or writable by group or others, or owned by another user), and
 * {@code file_modes_ok} (1 when files were checked and none was bad). The kernel part adds the kernel's files.
 */
final class FileModes {
    private static final Set<PosixFilePermission> ALLOWED = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final Figures figures;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    FileModes(Figures figures) {
        this.figures = figures;
    }

    void start() {
        running = true;
        thread = new Thread(this::loop, "jproc-reliability-file-modes");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sample();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        Session s = Session.current();
        String me = System.getProperty("user.name");
        try (var list = Files.list(s.directory())) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String n = p.getFileName().toString();
                if (!n.startsWith(s.filePrefix()) || seen.containsKey(n)) {
                    continue;
                }
                try {
                    var a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    String bad = verdict(a, me);
                    seen.put(n, bad == null ? "" : bad);
                } catch (IOException e) {
                    // removed between listing and reading: try again next time
                }
            }
        } catch (IOException e) {
            // the directory is listed again in 50 ms
        }
    }

    /** Null if the attributes are owner-only and owned by {@code user}; otherwise what is wrong. */
    static String verdict(PosixFileAttributes a, String user) {
        var extra = EnumSet.copyOf(a.permissions().isEmpty() ? ALLOWED : a.permissions());
        if (!a.permissions().isEmpty()) {
            extra.removeAll(ALLOWED);
        } else {
            extra.clear();
        }
        if (!extra.isEmpty()) {
            return "permissions " + java.nio.file.attribute.PosixFilePermissions.toString(a.permissions());
        }
        if (!a.owner().getName().equals(user)) {
            return "owned by " + a.owner().getName();
        }
        return null;
    }

    /** Creates one channel of every kind, a side file and a child's trace file, so that the sampler sees them. */
    static void exercise(ChildLog log) {
        String tag = "rel-modes-" + ProcessHandle.current().pid();
        try (ProcessQueue<Object> q = ProcessQueue.of(tag + "-q"); var pipe = ProcessPipe.of(tag + "-p");
             var v = SharedInt.of(tag + "-v", 0, true); var lock = ProcessLock.of(tag + "-l");
             var sem = ProcessSemaphore.of(tag + "-s", 1); var ev = ProcessEvent.of(tag + "-e")) {
            q.put(new byte[700_000]);
            pipe.right().send("x");
            var child = new jproc.process.ChildProcess("modes-child", PitfallWorkers::quickExit).output(log);
            child.start();
            child.join();
            Reliability.sleep(300);
            q.get();
            pipe.left().recv();
            lock.acquire();
            lock.release();
            ev.set();
            v.set(sem.availablePermits() > 0 ? 1 : 0);
        }
    }

    void report() {
        long bad = seen.values().stream().filter(v -> !v.isEmpty()).count();
        figures.add("file_modes_checked", seen.size());
        figures.add("file_modes_bad", bad);
        seen.forEach((k, v) -> {
            if (!v.isEmpty()) {
                figures.finding("file modes", k + ": " + v);
            }
        });
        long checked = figures.getOrZero("file_modes_checked");
        figures.set("file_modes_ok", checked > 0 && figures.getOrZero("file_modes_bad") == 0 ? 1 : 0);
    }
}
