package jproc.kernel;

import jproc.kernel.display.Display;
import jproc.kernel.display.MimeBundle;
import jproc.kernel.display.Renderer;
import jproc.kernel.engine.CellError;
import jproc.kernel.engine.CodeCompletion;
import jproc.kernel.engine.JShellEngine;
import jproc.kernel.magic.CellPlan;
import jproc.kernel.magic.MagicParser;
import jproc.kernel.magic.MagicRegistry;
import jproc.kernel.output.CellContext;
import jproc.kernel.output.CellInput;
import jproc.kernel.output.CellOutput;
import jproc.kernel.output.Frontend;
import jproc.kernel.output.Output;
import jproc.kernel.output.OutputQueue;
import jproc.kernel.output.RoutingStream;
import jproc.kernel.process.ProcessSupport;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The notebook kernel without the protocol: one JShell session, the magics, output routing.
 *
 * <p>Threads: {@link #execute} runs the cell on the protocol's request thread; {@link #interrupt()} and
 * {@link #shutdown(boolean)} come from the control thread. The JShell session is created in the background at
 * construction ({@code jproc-warmup}); the first cell (code or magic) waits for it.
 */
public final class Kernel implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Kernel.class.getName());

    private final CellOutput output;
    private final OutputQueue queue;
    private final MagicRegistry magics;
    private final CompletableFuture<JShellEngine> engine = new CompletableFuture<>();
    private final CellRunner runner;
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private static final long QUIET_NANOS = 300_000_000L;
    private volatile Thread cellThreadRef;
    private volatile long lastCellEnd = System.nanoTime();
    private volatile boolean closed;

    /**
     * Starts the kernel: installs the routing {@code System.out}/{@code err}/{@code in}, and creates the JShell
     * session in the background.
     *
     * @param frontend the protocol side
     * @param queue    the output thread (owned by the caller)
     * @param startup  the session's startup code (imports), evaluated before the first cell
     */
    public Kernel(Frontend frontend, OutputQueue queue, List<String> startup) {
        this.queue = queue;
        this.output = new CellOutput(frontend, queue);
        output.install();
        this.magics = MagicRegistry.load(Kernel.class.getClassLoader());
        this.runner = new CellRunner(this);
        System.setOut(RoutingStream.printStream(output, false, originalOut));
        System.setErr(RoutingStream.printStream(output, true, originalErr));
        System.setIn(new CellInput(output));
        Thread warm = new Thread(() -> createEngine(startup), "jproc-warmup");
        warm.setDaemon(true);
        warm.start();
    }

    /**
     * The session's startup code: the usual JShell imports, the display helpers and the JProc front door, so that
     * notebook code reads like the tutorials ({@code Mp.queue("q")}, {@code display(html(...))}).
     */
    public static List<String> defaultStartup() {
        var imports = new java.util.ArrayList<>(List.of(
                "import java.util.*;", "import java.util.concurrent.*;", "import java.util.concurrent.atomic.*;",
                "import java.util.function.*;", "import java.util.stream.*;", "import java.io.*;",
                "import java.math.*;", "import java.net.*;", "import java.nio.file.*;", "import java.time.*;",
                "import java.util.regex.*;", "import static jproc.kernel.display.Display.*;"));
        for (String name : List.of("jproc.Mp", "jproc.process.ChildProcess", "jproc.ipc.Channels",
                "jproc.ipc.queue.ProcessQueue", "jproc.ipc.pipe.ProcessPipe", "jproc.ipc.sync.ProcessLock",
                "jproc.ipc.value.SharedInt")) {
            try {
                Class.forName(name, false, Kernel.class.getClassLoader());
                imports.add("import " + name.substring(0, name.lastIndexOf('.')) + ".*;");
            } catch (ClassNotFoundException e) {
                LOG.fine(name + " is not on the classpath; not imported");
            }
        }
        return List.of(String.join("\n", imports));
    }

    private void createEngine(List<String> startup) {
        ProcessSupport.sweepDeadSessions();
        try {
            JShellEngine e = JShellEngine.create(Kernel.class.getClassLoader(), List.of());
            Display.setRenderer(new Renderer(JShellEngine::valueText));
            for (String code : startup) {
                e.run(code).ifPresent(err -> LOG.warning("startup code failed: " + code + ": " + err.evalue()));
            }
            ProcessSupport.install(e, output);
            Warmup.essential(e);
            engine.complete(e);
            BooleanSupplier idle = () -> output.running() == null && !closed
                    && System.nanoTime() - lastCellEnd > QUIET_NANOS;
            // the spare child JVM boots when the user pauses, not while the first cells run
            while (!idle.getAsBoolean() && !closed) {
                Thread.sleep(20);
            }
            if (!closed) {
                ProcessSupport.prestart();
                Warmup.background(e, idle);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error ex) {
            LOG.log(Level.SEVERE, "cannot create the JShell session", ex);
            engine.completeExceptionally(ex);
        }
    }

    /** The JShell session, waiting for it to be created. */
    JShellEngine engine() {
        try {
            return engine.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the JShell session was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the JShell session could not start: " + e.getCause(), e.getCause());
        }
    }

    /** The JShell session if it is ready, else null (never waits). */
    JShellEngine engineIfReady() {
        return engine.isDone() && !engine.isCompletedExceptionally() ? engine.join() : null;
    }

    /** The JShell session, waiting at most {@code millis} for it; null if it is not ready by then. */
    private JShellEngine engineWithin(long millis) {
        try {
            return engine.get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return null;
        }
    }

    /** The output router. */
    public CellOutput output() {
        return output;
    }

    /** The magics. */
    public MagicRegistry magics() {
        return magics;
    }

    OutputQueue queue() {
        return queue;
    }

    /**
     * Runs a cell on the calling thread (the protocol's request thread: one thread less to wake per cell).
     * Interrupts reach the thread only while notebook or magic code runs on it (see {@link InterruptGate}), never
     * while it does protocol work.
     *
     * @param parent         the protocol's request handle; outputs are sent under it
     * @param code           the cell
     * @param executionCount the count shown as {@code In [n]}
     * @param allowStdin     whether the frontend answers input requests
     */
    public ExecuteOutcome execute(Object parent, String code, int executionCount, boolean allowStdin) {
        var cell = new CellContext(parent, executionCount, allowStdin);
        Thread me = Thread.currentThread();
        ClassLoader saved = me.getContextClassLoader();
        cellThreadRef = me;
        try {
            if (engine.isDone() && !engine.isCompletedExceptionally()) {
                me.setContextClassLoader(engine.join().loader());
            }
            return runner.run(cell, code);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "running a cell failed", e);
            return new ExecuteOutcome(CellError.of("InternalError", String.valueOf(e)));
        } finally {
            lastCellEnd = System.nanoTime();
            cellThreadRef = null;
            me.setContextClassLoader(saved);
            Thread.interrupted();
        }
    }

    /** Stops the running cell (see {@link JShellEngine#interrupt(Thread)}); no effect between cells. */
    public void interrupt() {
        Thread t = cellThreadRef;
        CellContext cell = output.running();
        if (t == null || cell == null) {
            return;
        }
        runner.interrupt(t);
        ProcessSupport.interruptChildren(cell);
    }

    /** Completion candidates; after a {@code %} at the start of a line, magic names. */
    public CodeCompletion.Candidates complete(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
        String prefix = code.substring(lineStart, Math.min(cursor, code.length()));
        var m = java.util.regex.Pattern.compile("\\s*(%%?)([A-Za-z0-9_.\\-]*)").matcher(prefix);
        if (m.matches()) {
            boolean cell = m.group(1).length() == 2;
            String typed = m.group(2);
            List<String> names = magics.all().stream()
                    .filter(mg -> cell ? mg.isCell() : mg.isLine())
                    .map(mg -> mg.name()).filter(n -> n.startsWith(typed)).toList();
            return new CodeCompletion.Candidates(names, cursor - typed.length(), cursor);
        }
        JShellEngine e = engineWithin(10_000);
        return e == null ? new CodeCompletion.Candidates(List.of(), cursor, cursor) : e.complete(code, cursor);
    }

    /** Help for the magic or the Java name at the cursor. */
    public Optional<String> inspect(String code, int cursor) {
        String word = magicAt(code, cursor);
        if (word != null) {
            return magics.find(word).map(MagicRegistry::helpText);
        }
        JShellEngine e = engineWithin(10_000);
        return e == null ? Optional.empty() : e.inspect(code, cursor);
    }

    private static String magicAt(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
        int lineEnd = code.indexOf('\n', lineStart);
        String line = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd).strip();
        var m = java.util.regex.Pattern.compile("%%?([A-Za-z][A-Za-z0-9_.\\-]*)\\??(\\s.*)?").matcher(line);
        return m.matches() ? m.group(1) : null;
    }

    /** {@code complete}, {@code invalid}, or the indent of the next line of an incomplete cell. */
    public String isComplete(String code) {
        String s = code.stripLeading();
        if (s.startsWith("%")) {
            return s.startsWith("%%") && !s.contains("\n") ? "" : CodeCompletion.COMPLETE;
        }
        CellPlan plan = MagicParser.parse(code);
        if (plan.segments().stream().anyMatch(seg -> seg instanceof CellPlan.MagicCall)) {
            return CodeCompletion.COMPLETE;
        }
        return engine().isComplete(code);
    }

    /** The renderer's bundle for a value. */
    MimeBundle render(Object value) {
        return Display.renderer().render(value);
    }

    /** Sends an output under a cell. */
    void send(CellContext cell, Output out) {
        output.send(cell, out);
    }

    /** The thread snapshot used to detect threads a cell leaves running. */
    static Set<Thread> threads() {
        return LiveThreads.snapshot();
    }

    /**
     * Ends the session: stops the running cell, ends child processes, removes shared-memory files, closes JShell.
     *
     * @param restart true if a new kernel will be started right after
     */
    public void shutdown(boolean restart) {
        if (closed) {
            return;
        }
        closed = true;
        interrupt();
        ProcessSupport.endAll(2000);
        if (engine.isDone() && !engine.isCompletedExceptionally()) {
            try {
                engine.join().close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing JShell", e);
            }
        }
        output.flush(1000);
        output.close();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Override
    public void close() {
        shutdown(false);
    }
}
