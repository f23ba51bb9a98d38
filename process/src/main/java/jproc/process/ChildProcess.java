package jproc.process;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jproc.process.agent.ChildContext;
import jproc.process.spawn.ChildJvm;
import jproc.process.spawn.ObjectStreams;
import jproc.process.spawn.Signals;

/**
 * A child JVM running code of this one: the mirror of Python's {@code multiprocessing.Process}.
 *
 * <p>Three ways to start one, all on one mechanism (the object is copied into the child, which calls
 * {@link #run()}):
 * <ul>
 *   <li>a target: {@code new ChildProcess("producer", () -> produce(queue)).start()}, or with arguments
 *       {@code new ChildProcess("w", (SerializableConsumer<Integer>) n -> work(n), 5)};</li>
 *   <li>a subclass that overrides {@link #run()}; its fields arrive in the child as copies;</li>
 *   <li>a code string compiled in the parent by the installed {@link CellCompiler}: {@link #ofCode}.</li>
 * </ul>
 *
 * <p>Fork-like state: everything the target uses (captured values, the subclass's fields, notebook variables
 * supplied by the {@link CodeProvider}) is copied at {@link #start()}; a child changing its copy does not change
 * the parent's. A value that cannot be copied fails {@code start()} with {@link NotCopyableException}.
 *
 * <p>Threads: any thread may call any method; {@code start} once. Output of the child goes to the
 * {@link OutputSink} chosen with {@link #output(OutputSink)} or the process-wide default.
 */
public class ChildProcess implements Serializable, AutoCloseable {
    private static final long serialVersionUID = 1L;

    private String name;
    private boolean daemon;
    private Serializable target;
    private Object[] args;
    private int arity;
    private String identity;

    private transient String code;
    private transient List<String> jvmOptions;
    private transient OutputSink sink;
    private transient boolean coldStart;
    private transient volatile ChildJvm jvm;
    private transient volatile boolean closed;

    /** A process whose {@link #run()} a subclass overrides; named {@code Process-N}. */
    protected ChildProcess() {
        this((String) null);
    }

    /** A process whose {@link #run()} a subclass overrides, with a given name (null: {@code Process-N}). */
    protected ChildProcess(String name) {
        this.identity = ChildProcesses.nextIdentity();
        this.name = name != null ? name : "Process-" + identity;
    }

    /** A process running {@code target}, named {@code Process-N}. */
    public ChildProcess(SerializableRunnable target) {
        this(null, target);
    }

    /** A process running {@code target} (the mirror of {@code Process(name=..., target=...)}). */
    public ChildProcess(String name, SerializableRunnable target) {
        this(name);
        this.target = Objects.requireNonNull(target, "target");
        this.args = new Object[0];
    }

    /** A process running {@code target.accept(a)} in the child; {@code a} is copied. */
    public <A> ChildProcess(String name, SerializableConsumer<A> target, A a) {
        this(name);
        this.target = Objects.requireNonNull(target, "target");
        this.args = new Object[] {a};
        this.arity = 1;
    }

    /** A process running {@code target.accept(a, b)} in the child; the arguments are copied. */
    public <A, B> ChildProcess(String name, SerializableBiConsumer<A, B> target, A a, B b) {
        this(name);
        this.target = Objects.requireNonNull(target, "target");
        this.args = new Object[] {a, b};
        this.arity = 2;
    }

    /**
     * A process running Java statements compiled in this JVM by the {@link CellCompiler} installed with
     * {@link ChildProcesses#setCellCompiler} (the kernel installs one; {@code %%spawn} uses this). The code is
     * compiled at {@link #start()}.
     */
    public static ChildProcess ofCode(String name, String code) {
        var p = new ChildProcess(name);
        p.code = Objects.requireNonNull(code, "code");
        p.args = new Object[0];
        return p;
    }

    /**
     * The child's work. The default runs the target given to the constructor; a subclass overrides it. Runs in
     * the child only.
     */
    @SuppressWarnings("unchecked")
    public void run() {
        if (target == null) {
            return;
        }
        switch (arity) {
            case 1:
                ((SerializableConsumer<Object>) target).accept(args[0]);
                break;
            case 2:
                ((SerializableBiConsumer<Object, Object>) target).accept(args[0], args[1]);
                break;
            default:
                ((Runnable) target).run();
        }
    }

    // ------------------------------------------------------------------------------------- configuration

    /** Sets the name before {@link #start()}. */
    public ChildProcess name(String newName) {
        checkNotStarted("name");
        this.name = Objects.requireNonNull(newName, "name");
        return this;
    }

    /**
     * Daemon children are ended when the parent exits; the parent JVM waits for non-daemon children before it
     * exits normally (like Python). Set before {@link #start()}.
     */
    public ChildProcess daemon(boolean on) {
        checkNotStarted("daemon");
        this.daemon = on;
        return this;
    }

    /** Extra JVM options for this child, after the defaults ({@link ChildProcesses#setDefaultJvmOptions}). */
    public ChildProcess jvmOptions(String... options) {
        checkNotStarted("jvmOptions");
        this.jvmOptions = List.of(options);
        return this;
    }

    /** Where this child's output goes (default: {@link ChildProcesses#defaultOutput()}). */
    public ChildProcess output(OutputSink outputSink) {
        checkNotStarted("output");
        this.sink = Objects.requireNonNull(outputSink, "outputSink");
        return this;
    }

    /** Starts a fresh JVM instead of taking a pre-started one from the warm pool. */
    public ChildProcess coldStart(boolean on) {
        checkNotStarted("coldStart");
        this.coldStart = on;
        return this;
    }

    private ChildJvm requireStarted(String what) {
        ChildJvm j = jvm;
        if (j == null) {
            throw new IllegalStateException("cannot " + what + " process " + name + ": it was not started; call start()"
                    + " first");
        }
        return j;
    }

    private void checkNotStarted(String what) {
        if (jvm != null) {
            throw new IllegalStateException("cannot set " + what + " of " + name + ": it was started already");
        }
    }

    // ------------------------------------------------------------------------------------------- lifecycle

    /**
     * Starts the child: copies the target and the state it uses, launches (or takes a warm) JVM, opens the
     * output sink on this thread, and returns without waiting for the target.
     *
     * @throws NotCopyableException   if a value the child needs cannot be copied (nothing was started)
     * @throws IllegalStateException  if started before, closed, or called inside the child on itself
     * @throws ChildStartException    if the JVM could not be launched
     */
    public ChildProcess start() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("process " + name + " is closed; create a new one");
            }
            if (jvm != null || this == ChildContext.current()) {
                throw new IllegalStateException("process " + name + " was started already; a process starts once");
            }
            if (code != null) {
                target = ChildProcesses.cellCompiler().compile(name, code);
                code = null;
            }
            var encoded = ChildProcesses.encode(this);
            jvm = ChildProcesses.launch(this, encoded, jvmOptions, coldStart, sink);
        }
        ChildProcesses.started(this);
        return this;
    }

    /** The object to ship, its arity and arguments (used by the encoder). */
    Serializable target() {
        return target;
    }

    int arity() {
        return arity;
    }

    List<Object> args() {
        return args == null ? List.of() : Arrays.asList(args);
    }

    /** True if this object must be shipped whole (a subclass, or a target that is not a lambda). */
    boolean shippedWhole() {
        return getClass() != ChildProcess.class;
    }

    /** Serializes this object; a value that cannot be copied is named in the error. */
    byte[] serializeWhole() {
        try {
            return ObjectStreams.serialize(this);
        } catch (NotSerializableException | java.io.InvalidClassException e) {
            throw explainNotCopyable(e);
        } catch (IOException e) {
            throw new NotCopyableException("process " + name, getClass().getName(), e.toString(), e);
        }
    }

    private NotCopyableException explainNotCopyable(ObjectStreamException e) {
        for (Class<?> c = getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.getType().isPrimitive()) {
                    continue;
                }
                Object v;
                try {
                    f.setAccessible(true);
                    v = f.get(this);
                } catch (ReflectiveOperationException | RuntimeException ex) {
                    continue;
                }
                if (v == null) {
                    continue;
                }
                try {
                    ObjectStreams.serialize(v);
                } catch (IOException ex) {
                    String what = c == ChildProcess.class ? "the target" : "field " + c.getSimpleName() + "." + f.getName();
                    return new NotCopyableException(what, v.getClass().getName(),
                            "it holds a " + ex.getMessage() + ", which is not Serializable", e);
                }
            }
        }
        return new NotCopyableException("process " + name, getClass().getName(),
                "it holds a " + e.getMessage() + ", which is not Serializable", e);
    }

    /**
     * Waits until the child has ended and all its output was delivered.
     *
     * @throws JoinInterruptedException if this thread is interrupted while waiting (the child keeps running)
     */
    public void join() {
        requireStarted("join").join();
    }

    /**
     * Waits at most {@code timeout} for the child to end (and its output to be delivered).
     *
     * @return true if it ended, false on timeout
     * @throws JoinInterruptedException if this thread is interrupted while waiting (the child keeps running)
     */
    public boolean join(Duration timeout) {
        return requireStarted("join").join(timeout.toNanos());
    }

    /** {@link #join(Duration)} in milliseconds. */
    public boolean join(long timeoutMillis) {
        return join(Duration.ofMillis(timeoutMillis));
    }

    /** True from {@code start()} until the child JVM has ended (in the child, for itself: true). */
    public boolean isAlive() {
        if (this == ChildContext.current()) {
            return true;
        }
        ChildJvm j = jvm;
        return j != null && j.isAlive();
    }

    /**
     * The exit code: null while running or not started; 0 or the code given to {@code System.exit}; 1 if the
     * target threw; minus the signal number if a signal ended it (-15 for SIGTERM, -9 for SIGKILL).
     */
    public Integer exitCode() {
        ChildJvm j = jvm;
        return j == null ? null : j.exitCode();
    }

    /** The child's process id; -1 before {@code start()}. In the child, for itself: its own pid. */
    public long pid() {
        if (this == ChildContext.current()) {
            return ProcessHandle.current().pid();
        }
        ChildJvm j = jvm;
        return j == null ? -1 : j.pid();
    }

    /** The name ({@code Process-N} unless one was given). */
    public String name() {
        return name;
    }

    /** The daemon flag. */
    public boolean isDaemon() {
        return daemon;
    }

    /** Sends SIGTERM (the child ends with exit code -15 unless it handles TERM). No effect once it ended. */
    public void terminate() {
        signal("TERM");
    }

    /** Sends SIGKILL (exit code -9). No effect once it ended. */
    public void kill() {
        signal("KILL");
    }

    /**
     * Sends a signal: {@code USR1}, {@code HUP}, {@code INT}, {@code TERM} (handlers installable in the child with
     * {@link #onSignal}) or {@code KILL}. With or without the {@code SIG} prefix.
     *
     * @throws UnsupportedSignalException for QUIT, USR2 and unknown names (the message says why)
     */
    public void signal(String signalName) {
        int number = Signals.number(signalName);
        requireStarted("signal").signal(number);
    }

    /**
     * Releases the parent's resources of a child that has ended (the mirror of {@code Process.close()}).
     *
     * @throws IllegalStateException if the child is still running
     */
    @Override
    public void close() {
        ChildJvm j = jvm;
        if (j != null && j.isAlive()) {
            throw new IllegalStateException("cannot close process " + name + ": it is still running; join(),"
                    + " terminate() or kill() it first");
        }
        closed = true;
        ChildProcesses.forget(this);
    }

    /** The launched JVM, or null before start (for the kernel's inspection). */
    ChildJvm jvm() {
        return jvm;
    }

    /** The identity used to name this child's own children ({@code 3}, {@code 2:1}). */
    String identity() {
        return identity;
    }

    @Override
    public String toString() {
        String state;
        ChildJvm j = jvm;
        if (this == ChildContext.current()) {
            state = "started (current process)";
        } else if (closed) {
            state = "closed";
        } else if (j == null) {
            state = "initial";
        } else if (j.isAlive()) {
            state = "started";
        } else {
            state = "stopped exitcode=" + j.exitCode();
        }
        return "<" + getClass().getSimpleName() + " name='" + name + "' " + (j != null ? "pid=" + j.pid() + " " : "")
                + state + (daemon ? " daemon" : "") + ">";
    }

    // --------------------------------------------------------------------------------------- static views

    /**
     * The process object this JVM runs: inside a child, the {@code ChildProcess} it was started with (its name,
     * pid, and for a subclass its fields); in a root process, a description of it named {@code MainProcess}.
     */
    public static ChildProcess currentProcess() {
        Object c = ChildContext.current();
        return c != null ? (ChildProcess) c : MainProcessHolder.MAIN;
    }

    /** The parent's name and pid inside a child, as a description; null in a root process. */
    public static ProcessInfo parentProcess() {
        return ChildContext.isChild() ? new ProcessInfo(ChildContext.parentName(), ChildContext.parentPid()) : null;
    }

    /** The children this JVM started that are still alive (finished ones are reaped). */
    public static List<ChildProcess> activeChildren() {
        return ChildProcesses.activeChildren();
    }

    /**
     * Installs a handler for a signal in this JVM (call it in the child): {@code USR1}, {@code HUP}, {@code INT}
     * or {@code TERM}. The handler runs on a JVM signal thread; the process keeps running after it returns.
     *
     * @throws UnsupportedSignalException for QUIT, USR2, KILL and unknown names
     */
    public static void onSignal(String signalName, Runnable handler) {
        Signals.handle(signalName, handler);
    }

    private static final class MainProcessHolder {
        static final ChildProcess MAIN = new MainProcess();
    }

    private static final class MainProcess extends ChildProcess {
        private static final long serialVersionUID = 1L;

        MainProcess() {
            super("MainProcess", true);
        }

        @Override
        public long pid() {
            return ProcessHandle.current().pid();
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public ChildProcess start() {
            throw new IllegalStateException("the main process cannot be started: it is this JVM");
        }

        @Override
        public String toString() {
            return "<MainProcess name='MainProcess' pid=" + pid() + " started>";
        }
    }

    private ChildProcess(String name, boolean main) {
        this.name = name;
        this.identity = "";
    }

    /** The process object of a child whose lambda target was shipped as parts (no name number is used). */
    static ChildProcess restored(String name, Serializable target, int arity, Object[] args) {
        var p = new ChildProcess(name, true);
        p.target = target;
        p.arity = arity;
        p.args = args;
        return p;
    }
}
