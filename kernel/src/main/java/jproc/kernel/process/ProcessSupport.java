package jproc.kernel.process;

import jproc.ipc.session.Session;
import jproc.kernel.engine.JShellEngine;
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

    /** Sends INT to every live child, as a terminal's Ctrl-C reaches a Python program's children. */
    public static void interruptChildren() {
        try {
            ChildProcesses.signalAll("INT");
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "interrupting children", e);
        }
    }

    /** Adds a classpath entry for children started from now on. */
    public static void addClasspath(String entry) {
        ChildProcesses.addClasspath(entry);
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
