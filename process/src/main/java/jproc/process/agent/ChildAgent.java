package jproc.process.agent;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jproc.ipc.session.Session;
import jproc.process.ChildProcess;
import jproc.process.ChildProcesses;
import jproc.process.StaticValue;
import jproc.process.spawn.ObjectStreams;
import jproc.process.spawn.SpawnProtocol;
import jproc.process.spawn.WireReader;

/**
 * Main class of every child JVM (the child half of {@link SpawnProtocol}). Kept small and free of lambdas and
 * string-concatenation bootstraps on the way to the target, because each costs a cold JVM milliseconds.
 *
 * <p>Usage: {@code java -cp CP jproc.process.agent.ChildAgent [--spare | --train]}; the SPAWN frame comes on
 * stdin ({@code --train}: no frame, see {@link #train}).
 */
public final class ChildAgent {
    private ChildAgent() {
    }

    /** Runs the child: see the class comment. */
    public static void main(String[] argv) {
        // SPAWN is read with a plain stream (frames are read exactly, nothing beyond is consumed); the parent-watch
        // thread reads the rest through an interruptible channel
        InputStream stdin = new FileInputStream(FileDescriptor.in);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        if (argv.length > 0 && "--train".equals(argv[0])) {
            train(stdin);
            return;
        }
        boolean spare = argv.length > 0 && "--spare".equals(argv[0]);
        ExitReporter reporter = ExitReporter.instance();
        reporter.install();
        Thread warmup = spare ? new Warmup.Spare() : null;
        if (warmup != null) {
            warmup.start();
        }
        // the main thread reads the SPAWN frame itself (no hand-over between threads on the way to the target);
        // end of stream here means the parent died before sending work
        byte[] frame;
        try {
            frame = WireReader.readFrame(stdin);
        } catch (IOException e) {
            frame = null;
        }
        if (frame == null) {
            Runtime.getRuntime().halt(0);
            return;
        }
        new ParentWatch().start();
        if (warmup != null) {
            try {
                warmup.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ChildProcess process;
        SpawnProtocol.Incoming in;
        try {
            in = new SpawnProtocol.Incoming(frame);
            reporter.arm(in.secret, in.name);
            ChildContext.set(in.name, in.identity, in.parentPid, in.parentName, in.daemon);
            process = prepare(in);
            ChildContext.setCurrent(process);
        } catch (Throwable t) {
            System.err.println("JProc child could not be set up from its parent's data:");
            t.printStackTrace();
            reporter.exitCode(1);
            System.exit(1);
            return;
        }
        TraceStart.begin(in.name, !spare);
        try {
            process.run();
        } catch (Throwable t) {
            Throwable shown = t instanceof ShippedTarget.TargetFailure ? t.getCause() : t;
            System.err.print("Exception in process \"");
            System.err.print(in.name);
            System.err.print("\" ");
            shown.printStackTrace();
            reporter.exitCode(1);
            System.exit(1);
        }
        reporter.exitCode(0);
        // return from main: the JVM exits when the target's non-daemon threads have ended, like Python
    }

    /**
     * A class-data-sharing training run ({@code --train}, started by {@link jproc.process.spawn.ChildCds} with
     * {@code -XX:ArchiveClassesAtExit}): runs the code paths of a spawn once and exits normally, so that the JVM
     * writes the classes it loaded into the archive later children map. Ends at once, without an archive, if the
     * parent dies first (end of stdin).
     */
    private static void train(InputStream stdin) {
        Thread watch = new Thread("jproc-train-watch") {
            @Override
            public void run() {
                try {
                    while (stdin.read() >= 0) {
                        // the parent writes nothing; end of stream means it died
                    }
                } catch (IOException e) {
                    // same as end of stream
                }
                Runtime.getRuntime().halt(1);
            }
        };
        watch.setDaemon(true);
        watch.start();
        Warmup.run();
        System.out.flush();
    }

    /** Defines the shipped classes, restores the statics and builds the process object (also used to warm up). */
    static ChildProcess prepare(SpawnProtocol.Incoming in) throws Exception {
        ClassLoader loader = loader(in);
        Thread.currentThread().setContextClassLoader(loader);
        restoreStatics(in.statics(loader), loader);
        return target(in, loader);
    }

    private static ClassLoader loader(SpawnProtocol.Incoming in) {
        ClassLoader base = ChildAgent.class.getClassLoader();
        var mine = new HashSet<String>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            mine.add(e);
        }
        var extra = new ArrayList<URL>();
        for (String e : in.classpath) {
            if (!mine.contains(e)) {
                try {
                    extra.add(new File(e).toURI().toURL());
                } catch (MalformedURLException ex) {
                    // not a path: skip it
                }
            }
        }
        if (!extra.isEmpty()) {
            base = new URLClassLoader("jproc-classpath", extra.toArray(new URL[0]), base);
        }
        if (in.classes.isEmpty()) {
            return base;
        }
        var shipped = new ShippedClassLoader(in.classes, base);
        Session.addUserLoader(shipped);
        return shipped;
    }

    private static void restoreStatics(List<StaticValue> statics, ClassLoader loader) throws Exception {
        for (StaticValue s : statics) {
            Class<?> c = Class.forName(s.className(), true, loader);
            Field f = c.getDeclaredField(s.field());
            f.setAccessible(true);
            f.set(null, s.value());
        }
    }

    private static ChildProcess target(SpawnProtocol.Incoming in, ClassLoader loader) throws Exception {
        int kind = in.targetKind();
        if (kind == SpawnProtocol.TARGET_LAMBDA) {
            int arity = in.arity();
            in.processClass();
            var call = in.lambda(loader);
            Object[] args = in.args(loader);
            return ChildProcesses.restoreInChild(in.name, new ShippedTarget(call), arity, args);
        }
        return (ChildProcess) ObjectStreams.deserialize(in.object(), loader);
    }
}
