package jproc.process;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.net.URLClassLoader;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jproc.process.agent.ChildContext;
import jproc.process.spawn.ChildJvm;
import jproc.process.spawn.LambdaShipping;
import jproc.process.spawn.Launcher;
import jproc.process.spawn.SpawnProtocol;
import jproc.process.spawn.WarmPool;

/**
 * Process-wide settings and the registry of children started by this JVM. The kernel calls the setters once
 * at start-up; plain-Java users may leave them alone.
 */
public final class ChildProcesses {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<ChildProcess> CHILDREN = new CopyOnWriteArrayList<>();
    private static volatile CodeProvider codeProvider;
    private static volatile CellCompiler cellCompiler;
    private static volatile OutputSink defaultOutput;
    private static volatile boolean hookInstalled;

    private ChildProcesses() {
    }

    /** Installs the provider of notebook classes and variables (null: classes come from the classpath). */
    public static void setCodeProvider(CodeProvider provider) {
        codeProvider = provider;
    }

    /** The installed code provider, or null. */
    public static CodeProvider codeProvider() {
        return codeProvider;
    }

    /** Installs the compiler of code strings ({@link ChildProcess#ofCode}). */
    public static void setCellCompiler(CellCompiler compiler) {
        cellCompiler = compiler;
    }

    /**
     * The installed cell compiler.
     *
     * @throws IllegalStateException if none is installed (outside the kernel)
     */
    public static CellCompiler cellCompiler() {
        CellCompiler c = cellCompiler;
        if (c == null) {
            throw new IllegalStateException("no CellCompiler installed: a code string can only be started where a"
                    + " compiler is installed with ChildProcesses.setCellCompiler (the JProc kernel does it). In"
                    + " plain Java, pass a lambda target or a ChildProcess subclass instead.");
        }
        return c;
    }

    /** Sets where children's output goes unless a child chooses its own sink. */
    public static void setDefaultOutput(OutputSink sink) {
        defaultOutput = Objects.requireNonNull(sink, "sink");
    }

    /** The default output sink (initially: {@code [name] line} on {@code System.out} / {@code System.err}). */
    public static OutputSink defaultOutput() {
        OutputSink s = defaultOutput;
        if (s == null) {
            synchronized (ChildProcesses.class) {
                s = defaultOutput;
                if (s == null) {
                    s = new PrintingSink();
                    defaultOutput = s;
                }
            }
        }
        return s;
    }

    /** Sets the JVM options every child starts with (see {@link Launcher#STARTUP_OPTIONS}). */
    public static void setDefaultJvmOptions(List<String> options) {
        Launcher.setDefaultOptions(options);
    }

    /** The JVM options every child starts with. */
    public static List<String> defaultJvmOptions() {
        return Launcher.defaultOptions();
    }

    /** Adds a classpath entry (jar or directory) for children started from now on ({@code %classpath}). */
    public static void addClasspath(String entry) {
        Launcher.addClasspath(entry);
    }

    /** The classpath children get: this JVM's effective classpath. */
    public static List<String> classpath() {
        return Launcher.classpath();
    }

    /**
     * Sets how many pre-started JVMs are kept for fast starts (default 1, system property {@code jproc.warmPool});
     * 0 switches the warm pool off.
     */
    public static void setWarmPoolSize(int size) {
        WarmPool.instance().setSize(size);
    }

    /** Starts the warm pool's spares now in the background (the kernel calls it at start-up). */
    public static void prestart() {
        WarmPool.instance().prestart();
    }

    /** Every child started by this JVM and not closed, oldest first (finished ones included). */
    public static List<ChildProcess> children() {
        return List.copyOf(CHILDREN);
    }

    /** The children that are still alive. */
    public static List<ChildProcess> activeChildren() {
        var list = new ArrayList<ChildProcess>();
        for (ChildProcess p : CHILDREN) {
            if (p.isAlive()) {
                list.add(p);
            }
        }
        return list;
    }

    /** The child with this pid, or null. */
    public static ChildProcess byPid(long pid) {
        for (ChildProcess p : CHILDREN) {
            if (p.pid() == pid) {
                return p;
            }
        }
        return null;
    }

    /** Sends a signal to every live child (the kernel's interrupt sends INT). */
    public static void signalAll(String signalName) {
        for (ChildProcess p : activeChildren()) {
            p.signal(signalName);
        }
    }

    /**
     * Ends every child (SIGKILL) and every warm spare, and waits at most {@code millis} for them to be reaped;
     * the kernel calls it at shutdown and restart.
     */
    public static void killAll(long millis) {
        WarmPool.instance().discardSpares();
        jproc.process.spawn.ChildCds.stopTraining();
        List<ChildProcess> live = activeChildren();
        for (ChildProcess p : live) {
            p.kill();
        }
        long deadline = System.currentTimeMillis() + millis;
        for (ChildProcess p : live) {
            p.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }

    // ------------------------------------------------------------------------------------------- internal

    static String nextIdentity() {
        int n = COUNTER.incrementAndGet();
        String parent = ChildContext.identity();
        return parent == null ? Integer.toString(n) : parent + ":" + n;
    }

    static void started(ChildProcess p) {
        CHILDREN.add(p);
        if (!hookInstalled) {
            synchronized (ChildProcesses.class) {
                if (!hookInstalled) {
                    hookInstalled = true;
                    Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::atExit, "jproc-children-exit"));
                }
            }
        }
    }

    static void forget(ChildProcess p) {
        CHILDREN.remove(p);
    }

    /**
     * At exit: daemon children are terminated (and given 300 ms to end); the others end when they see their stdin
     * close.
     */
    private static void atExit() {
        WarmPool.instance().discardSpares();
        var ending = new ArrayList<ChildProcess>();
        for (ChildProcess p : CHILDREN) {
            if (p.isDaemon() && p.isAlive()) {
                p.terminate();
                ending.add(p);
            }
        }
        long deadline = System.currentTimeMillis() + 300;
        for (ChildProcess p : ending) {
            p.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }

    /** Creates a random secret for a child's exit marker. */
    static String secret() {
        byte[] b = new byte[12];
        RandomHolder.RANDOM.nextBytes(b);
        var sb = new StringBuilder();
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }

    /** Encodes the SPAWN frame of a process; throws {@link NotCopyableException} before anything starts. */
    static Encoded encode(ChildProcess p) {
        Object shipped = p.shippedWhole() ? p : p.target();
        SerializedLambda lambda = p.shippedWhole() ? null : LambdaShipping.serializedForm(p.target());
        CodeSnapshot code = snapshot(shipped);
        String secret = secret();
        String me = ChildContext.isChild() ? ChildContext.name() : "MainProcess";
        var header = new SpawnProtocol.Header(secret, p.name(), p.identity(), ProcessHandle.current().pid(), me,
                p.isDaemon(), Launcher.classpath());
        byte[] body;
        if (lambda != null) {
            body = SpawnProtocol.encodeLambda(header, code, p.arity(), ChildProcess.class.getName(), lambda, p.args());
        } else {
            body = SpawnProtocol.encodeObject(header, code, p.serializeWhole());
        }
        return new Encoded(secret, SpawnProtocol.frame(body));
    }

    /** A SPAWN frame and the secret of its exit marker. */
    record Encoded(String secret, byte[] frame) {
    }

    /**
     * The code a child needs to run {@code shipped}: the installed provider's snapshot, or (without a provider)
     * an empty snapshot after checking that the object's class can be loaded from the classpath. Pools call it
     * for each submission.
     *
     * @throws NotCopyableException  from the provider
     * @throws IllegalStateException if the class exists only in memory and no provider is installed
     */
    public static CodeSnapshot snapshot(Object shipped) {
        CodeProvider provider = codeProvider;
        if (provider != null) {
            CodeSnapshot s = provider.snapshot(shipped);
            return s == null ? CodeSnapshot.EMPTY : s;
        }
        if (shipped != null) {
            requireOnClasspath(shipped.getClass());
        }
        return CodeSnapshot.EMPTY;
    }

    private static void requireOnClasspath(Class<?> type) {
        ClassLoader l = type.getClassLoader();
        ClassLoader app = ClassLoader.getSystemClassLoader();
        if (l == null || l == app || l == ClassLoader.getPlatformClassLoader() || l instanceof URLClassLoader) {
            return;
        }
        throw new IllegalStateException("class " + type.getName() + " was defined at run time by " + l
                + " and is on no classpath, so a child JVM cannot load it. Install a CodeProvider that ships it"
                + " (ChildProcesses.setCodeProvider; the JProc kernel installs one), or use a class on the"
                + " classpath.");
    }

    private static final class RandomHolder {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    /** Rebuilds the process object in a child for a lambda target; used by the child agent only. */
    public static ChildProcess restoreInChild(String name, Serializable target, int arity, Object[] args) {
        return ChildProcess.restored(name, target, arity, args);
    }

    /**
     * Sends a frame on a started child's stdin (the pool protocol; internal).
     *
     * @throws java.io.IOException if the child's stdin is closed (it ended)
     */
    public static void sendFrame(ChildProcess p, byte[] frame) throws java.io.IOException {
        ChildJvm j = p.jvm();
        if (j == null) {
            throw new IllegalStateException("process " + p.name() + " was not started");
        }
        j.send(frame);
    }

    /** Launches a started process's JVM (called by {@link ChildProcess#start()}). */
    static ChildJvm launch(ChildProcess p, Encoded e, List<String> options, boolean cold, OutputSink sink) {
        return ChildJvm.start(p.name(), e.secret(), e.frame(), options, cold, p.isDaemon(),
                sink != null ? sink : defaultOutput());
    }
}
