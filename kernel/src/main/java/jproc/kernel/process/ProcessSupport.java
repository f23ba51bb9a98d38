package jproc.kernel.process;

import jproc.ipc.session.Session;
import jproc.kernel.engine.JShellEngine;
import jproc.kernel.output.CellContext;
import jproc.kernel.output.CellOutput;
import jproc.process.ChildProcesses;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Connects the kernel to the process module: installs the code provider, output sink and compiler; ends children. */
public final class ProcessSupport {
    private static final Logger LOG = Logger.getLogger(ProcessSupport.class.getName());

    private ProcessSupport() {
    }

    /** Installs the kernel's provider, compiler and sink, and registers the snippet class loader with the session. */
    public static void install(JShellEngine engine, CellOutput output) {
        Session.current().registerUserLoader(engine.loader());
        ChildProcesses.setCodeProvider(new SnippetCodeProvider(engine.classes(), engine.loader()));
        ChildProcesses.setCellCompiler(new SpawnCompiler(engine, output));
        ChildProcesses.setDefaultOutput(new CellOutputSink(output, ChildProcesses.defaultOutput()));
    }

    /** Starts the warm pool's spare JVM in the background. */
    public static void prestart() {
        try {
            ChildProcesses.prestart();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "cannot prestart a child JVM", e);
        }
    }

    private static volatile InterruptScope interruptScope = initialScope();

    private static InterruptScope initialScope() {
        try {
            return InterruptScope.fromSystemProperty();
        } catch (IllegalArgumentException e) {
            LOG.warning(e.getMessage() + "; using cell");
            return InterruptScope.CELL;
        }
    }

    /** Which children the kernel's interrupt sends SIGINT to. */
    public static InterruptScope interruptScope() {
        return interruptScope;
    }

    /** Sets which children the kernel's interrupt sends SIGINT to (the {@code %interrupt} magic). */
    public static void setInterruptScope(InterruptScope scope) {
        interruptScope = java.util.Objects.requireNonNull(scope, "scope");
    }

    /**
     * Sends INT to the children the interrupt reaches ({@link #interruptScope()}): by default those the interrupted
     * cell started, as a terminal's Ctrl-C reaches the children of the program it stops but not other programs.
     *
     * @param cell the interrupted cell
     * @return how many children were signalled
     */
    public static int interruptChildren(CellContext cell) {
        int n = 0;
        try {
            switch (interruptScope) {
                case NONE -> {
                }
                case ALL -> {
                    for (var p : ChildProcesses.activeChildren()) {
                        if (signal(p)) {
                            n++;
                        }
                    }
                }
                case CELL -> {
                    for (long pid : CellChildren.of(cell)) {
                        var p = ChildProcesses.byPid(pid);
                        if (p != null && p.isAlive() && signal(p)) {
                            n++;
                        }
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "interrupting children", e);
        }
        return n;
    }

    private static boolean signal(jproc.process.ChildProcess p) {
        try {
            p.signal("INT");
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot interrupt " + p, e);
            return false;
        }
    }

    /** Adds a classpath entry for children started from now on. */
    public static void addClasspath(String entry) {
        ChildProcesses.addClasspath(entry);
    }

    /**
     * Removes the shared-memory files of earlier sessions whose root process is gone (a kernel that was killed
     * could not remove its own). A session id starts with its root's pid ({@code jproc-<pid>x<hex>-...}); files
     * of a live root are never touched.
     *
     * @return the number of files removed
     */
    public static int sweepDeadSessions() {
        java.nio.file.Path dir = Session.current().directory();
        var pattern = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(Session.FILE_PREFIX)
                + "([0-9]+)x[0-9a-f]+-.*");
        int removed = 0;
        try (var files = java.nio.file.Files.newDirectoryStream(dir, Session.FILE_PREFIX + "*")) {
            for (java.nio.file.Path f : files) {
                var m = pattern.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != ProcessHandle.current().pid() && !alive(pid)) {
                    try {
                        if (java.nio.file.Files.deleteIfExists(f)) {
                            removed++;
                        }
                    } catch (java.io.IOException e) {
                        LOG.log(Level.FINE, "cannot remove " + f, e);
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot sweep " + dir, e);
        }
        if (removed > 0) {
            LOG.info("removed " + removed + " shared-memory files of sessions whose kernel is gone");
        }
        return removed;
    }

    /** True if the process exists and is not a zombie (a killed kernel its parent has not reaped yet). */
    static boolean alive(long pid) {
        if (ProcessHandle.of(pid).isEmpty()) {
            return false;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 1).trim().split(" ");
            return !after[0].equals("Z") && !after[0].equals("X");
        } catch (java.io.IOException | RuntimeException e) {
            return true; // no /proc: trust ProcessHandle
        }
    }

    /** Ends every child (waiting at most {@code millis}) and removes the session's shared-memory files. */
    public static void endAll(long millis) {
        try {
            ChildProcesses.killAll(millis);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "cannot end every child", e);
        }
        try {
            Session.current().removeFiles();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot remove the session's files", e);
        }
    }
}
