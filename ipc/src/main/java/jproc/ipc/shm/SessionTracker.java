package jproc.ipc.shm;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

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
    private static Process watcher;

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
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 0.2; done; "
                + "rm -f " + quote(dir.toString()) + "/" + quote(session.filePrefix()) + "*";
        var cmd = new ArrayList<String>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.add("/bin/sh");
        cmd.add("-c");
        cmd.add(script);
        try {
            watcher = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return watcher.pid();
        } catch (IOException e) {
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
