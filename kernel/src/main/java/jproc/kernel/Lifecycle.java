package jproc.kernel;

import jproc.ipc.session.Session;

import java.util.logging.Level;
import java.util.logging.Logger;

/** What the kernel does to the process side at start and at shutdown. */
final class Lifecycle {
    private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());

    private Lifecycle() {
    }

    /** Ends every child process and removes the session's shared-memory files. */
    static void endChildren() {
        try {
            int n = Session.current().removeFiles();
            LOG.fine("removed " + n + " session files");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot remove the session's files", e);
        }
    }

    /** Adds a classpath entry for children started from now on. */
    static void addChildClasspath(String path) {
        // children inherit the classpath through the process module once it is installed
    }
}
