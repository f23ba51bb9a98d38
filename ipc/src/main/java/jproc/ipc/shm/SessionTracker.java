package jproc.ipc.shm;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jproc.ipc.session.Session;

/**
 * Removes a session's files when its root process dies, however it dies (including {@code kill -9}).
 *
 * <p>{@link #startFor(Session)} launches a tiny watcher: a {@code /bin/sh} loop that checks the root's pid with
 * {@code kill -0} every 200 ms and, once the root is gone, deletes {@code <dir>/jproc-<session>-*}. The watcher runs
 * in its own session ({@code setsid}) with no open pipes to the root, so a signal to the root's process group and the
 * root's death do not stop it; it costs one {@code sleep} process every 200 ms. Children never outlive the root (the
 * process module ends them), so the root's death ends the session.
 */
public final class SessionTracker {
    private static ProcessHandle watcher;

    private SessionTracker() {
    }

    /**
     * Starts the watcher for {@code session} once per process; does nothing in a child process (whose session's
     * root has its own watcher) or where {@code /bin/sh} is missing.
     *
     * @return the watcher's pid, or -1 if there is none
     */
    public static synchronized long startFor(Session session) {
        if (watcher != null) {
            return watcher.pid(); // the root session starts it when it is created; later calls are no-ops
        }
        if (!session.isRoot() || !new File("/bin/sh").canExecute()) {
            return -1;
        }
        Path dir = session.directory().toAbsolutePath();
        long pid = ProcessHandle.current().pid();
        // Alive means present and not a zombie: a root killed with -9 stays a zombie until its parent reaps it.
        String script = "while kill -0 " + pid + " 2>/dev/null && [ \"$(sed 's/.*) //' /proc/" + pid
                + "/stat 2>/dev/null | cut -c1)\" != Z ]; do sleep 0.2; done; "
                + "rm -f " + quote(dir.toString()) + "/" + quote(session.filePrefix()) + "*";
        // Started through a shell that exits at once, so the watcher is re-parented and is not a child of this
        // JVM (it must not count among the children the JVM waits for or checks were all ended).
        String setsid = Files.isExecutable(Path.of("/usr/bin/setsid")) ? "/usr/bin/setsid " : "";
        var cmd = List.of("/bin/sh", "-c", setsid + "/bin/sh -c \"$1\" </dev/null >/dev/null 2>&1 & echo $!", "sh",
                script);
        try {
            Process launcher = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            launcher.waitFor();
            watcher = ProcessHandle.of(Long.parseLong(out)).orElse(null);
            return watcher != null ? watcher.pid() : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** True while this process's watcher runs. */
    public static synchronized boolean isRunning() {
        return watcher != null && watcher.isAlive();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
