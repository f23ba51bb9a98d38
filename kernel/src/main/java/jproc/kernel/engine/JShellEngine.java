package jproc.kernel.engine;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The notebook's JShell session: snippets run in the kernel JVM through {@link SnippetExecutionControl}, their class
 * bytes are recorded in {@link #classes()} and instrumented by {@link Instrumenter}.
 *
 * <p>Threads: {@link #evalCell} runs the code on the calling thread (the kernel's cell thread); completion,
 * inspection and variable lookups may come from other threads and wait while a cell compiles. {@link #interrupt}
 * may be called from any thread.
 */
public final class JShellEngine implements AutoCloseable {
    private final JShell shell;
    private final SnippetExecutionControl control;
    private final SnippetClasses classes;
    private final ErrorReports reports = new ErrorReports();
    private final ReentrantLock lock = new ReentrantLock();
    private final CodeCompletion completion;
    private final FrameTranslator frames;
    private final FastStatements fast;
    private long generation;
    private volatile Thread evalThread;
    private boolean quiet;
    private volatile boolean interruptRequested;

    private JShellEngine(JShell shell, SnippetExecutionControl control, SnippetClasses classes) {
        this.shell = shell;
        this.control = control;
        this.classes = classes;
        this.completion = new CodeCompletion(shell);
        this.frames = new FrameTranslator(shell, reports);
        this.fast = FastStatements.create(shell, control, classes, reports, frames);
    }

    /** True if plain statements are compiled by the fast path (javac's task pool is accessible). */
    public boolean hasFastStatements() {
        return fast != null;
    }

    /**
     * Creates a session whose snippet classes are children of {@code parent}.
     *
     * @param compilerOptions extra javac options (may be empty)
     */
    public static JShellEngine create(ClassLoader parent, List<String> compilerOptions) {
        var classes = new SnippetClasses();
        var control = new SnippetExecutionControl(new SnippetLoaderDelegate(parent, classes));
        JShell shell = JShell.builder()
                .executionEngine(new ExecutionControlProvider() {
                    @Override
                    public String name() {
                        return "jproc";
                    }

                    @Override
                    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                        return control;
                    }
                }, Map.of())
                .compilerOptions(compilerOptions.toArray(String[]::new))
                .build();
        // the first analysis starts JShell's indexing thread, which lives as long as the JVM; started here it
        // belongs to the session, not to the first cell that analyses code (which would see a thread left running)
        shell.sourceCodeAnalysis().analyzeCompletion("1");
        return new JShellEngine(shell, control, classes);
    }

    /** JShell's text form of a value: strings and chars quoted, arrays listed. */
    public static String valueText(Object value) {
        return SnippetExecutionControl.text(value);
    }

    /** The compiler's bytes of every snippet class, newest version per name. */
    public SnippetClasses classes() {
        return classes;
    }

    /** The class loader that defines snippet classes and {@code %classpath} entries. */
    public ClassLoader loader() {
        return control.delegate().loader();
    }

    /** Cuts a cell into JShell snippets. */
    public List<SnippetSource> split(String code) {
        var result = new ArrayList<SnippetSource>();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            int offset = code.length() - remaining.length();
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return result;
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    String src = info.source();
                    int blank = 0;
                    while (blank < src.length() && Character.isWhitespace(src.charAt(blank))) {
                        blank++;
                    }
                    // JShell numbers a snippet's lines from its first non-blank character
                    result.add(new SnippetSource(src.substring(blank), offset + blank,
                            lastCodeChar(remaining.substring(0, remaining.length() - info.remaining().length()))
                                    == ';'));
                    remaining = info.remaining();
                    break;
                default:
                    // incomplete or unknown: hand the rest to JShell, which reports where it is wrong
                    result.add(new SnippetSource(remaining, offset, true));
                    return result;
            }
        }
        return result;
    }

    /** The last character of code that is not blank and not in a comment, or 0. */
    static char lastCodeChar(String code) {
        char last = 0;
        int n = code.length();
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                int nl = code.indexOf('\n', i);
                i = nl < 0 ? n : nl;
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int close = code.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 1;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && code.charAt(j) != c) {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                i = j;
                last = c;
            } else if (!Character.isWhitespace(c)) {
                last = c;
            }
        }
        return last;
    }

    /**
     * Evaluates a cell, snippet by snippet, on the calling thread; stops at the first failure.
     *
     * @param cell the execution count, used to name places in errors
     * @return the value of a last expression written without a final semicolon, or the failure
     */
    public EvalResult evalCell(String code, int cell) {
        lock.lock();
        evalThread = Thread.currentThread();
        try {
            List<SnippetSource> snippets = split(code);
            EvalResult last = EvalResult.NONE;
            for (int i = 0; i < snippets.size(); i++) {
                last = evalSnippet(snippets.get(i), code, cell, i == snippets.size() - 1);
                if (last.failed()) {
                    return last;
                }
            }
            return last;
        } finally {
            evalThread = null;
            lock.unlock();
        }
    }

    private EvalResult evalSnippet(SnippetSource s, String cellText, int cell, boolean last) {
        if (interruptRequested) {
            return EvalResult.failed(reports.interrupted());
        }
        if (fast != null) {
            Optional<EvalResult> quick = fast.tryEval(s, cellText, cell, last, generation, interruptRequested);
            if (quick.isPresent()) {
                return quick.get();
            }
        }
        List<SnippetEvent> events;
        generation++;
        try {
            events = shell.eval(s.source());
        } catch (RuntimeException e) {
            return EvalResult.failed(CellError.of("InternalError", "JShell failed on this snippet: " + e));
        }
        SnippetEvent main = null;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null) {
                main = e;
                break;
            }
        }
        if (main == null) {
            return EvalResult.NONE;
        }
        Snippet sn = main.snippet();
        reports.remember(sn.id(), cell, cellText, s.offset());
        if (main.status() == Snippet.Status.REJECTED) {
            return EvalResult.failed(reports.compileError(cell, cellText, s, shell.diagnostics(sn).toList()));
        }
        if (main.exception() != null) {
            return EvalResult.failed(reports.exception(main.exception(), interruptRequested));
        }
        if (main.status() == Snippet.Status.RECOVERABLE_DEFINED
                || main.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            noteUnresolved(sn);
        }
        if (last && !s.userEndedWithSemicolon() && showsValue(sn)) {
            return new EvalResult(true, control.lastValue(), main.value(), null);
        }
        return EvalResult.NONE;
    }

    private void noteUnresolved(Snippet sn) {
        if (!quiet && sn instanceof jdk.jshell.DeclarationSnippet d) {
            List<String> missing = shell.unresolvedDependencies(d).toList();
            System.err.println("note: " + d.name() + " is defined but cannot be used until "
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " defined");
        }
    }

    private static boolean showsValue(Snippet sn) {
        return switch (sn.kind()) {
            case EXPRESSION -> sn.subKind() != Snippet.SubKind.ASSIGNMENT_SUBKIND;
            case VAR -> sn.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            default -> false;
        };
    }

    /**
     * Stops the cell running on {@code cellThread}: loops stop at their next backward branch, blocking calls
     * ({@code sleep}, {@code wait}, blocking queues) get {@link Thread#interrupt()}. The interrupt lasts until
     * {@link #endInterrupt()}.
     */
    public void interrupt(Thread cellThread) {
        interruptRequested = true;
        CellInterrupts.request(cellThread);
        control.interruptUserCode();
    }

    /** Ends an interrupt at the end of a cell; call on the cell thread. */
    public void endInterrupt() {
        interruptRequested = false;
        CellInterrupts.clear();
        Thread.interrupted();
    }

    /** Completion candidates at {@code cursor}. */
    public CodeCompletion.Candidates complete(String code, int cursor) {
        lock.lock();
        try {
            return completion.complete(code, cursor);
        } finally {
            lock.unlock();
        }
    }

    /** Signature and documentation of the name at {@code cursor}, if any. */
    public Optional<String> inspect(String code, int cursor) {
        lock.lock();
        try {
            return completion.inspect(code, cursor, this::variableSummary);
        } finally {
            lock.unlock();
        }
    }

    /** Whether a cell is complete: {@code complete}, {@code invalid} or the indent of the next line. */
    public String isComplete(String code) {
        lock.lock();
        try {
            return completion.isComplete(code);
        } finally {
            lock.unlock();
        }
    }

    /** The notebook variables that are currently defined: name to declared type. */
    public Map<String, String> variables() {
        lock.lock();
        try {
            var result = new java.util.LinkedHashMap<String, String>();
            shell.variables().filter(v -> shell.status(v).isActive()).forEach(v -> result.put(v.name(), v.typeName()));
            return result;
        } finally {
            lock.unlock();
        }
    }

    private Optional<String> variableSummary(String name) {
        return shell.variables()
                .filter(v -> v.name().equals(name) && shell.status(v).isActive())
                .reduce((a, b) -> b)
                .map(v -> v.name() + " : " + v.typeName() + " = " + shell.varValue(v));
    }

    /**
     * The current value of a notebook variable, read from the static field JShell keeps it in.
     *
     * @return empty if no such variable is defined
     */
    public Optional<Object> value(String name) {
        Optional<VarSnippet> v = shell.variables()
                .filter(s -> s.name().equals(name) && shell.status(s).isActive())
                .reduce((a, b) -> b);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Field f = variableField(name);
        if (f == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(f.get(null));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read notebook variable " + name + ": " + e, e);
        }
    }

    /** The static field of the newest wrapper class that holds the variable, or null. */
    Field variableField(String name) {
        for (String cn : classes.namesNewestFirst()) {
            if (!cn.startsWith("REPL.$JShell$") || cn.indexOf('$', "REPL.$JShell$".length()) >= 0) {
                continue;
            }
            try {
                Field f = Class.forName(cn, false, loader()).getDeclaredField(name);
                if (Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    return f;
                }
            } catch (NoSuchFieldException | ClassNotFoundException | LinkageError e) {
                // not in this wrapper
            }
        }
        return null;
    }

    /**
     * Declares (or redeclares) a notebook variable holding {@code value}.
     *
     * @param type the Java type to declare, as written in code; null for the value's class (or Object)
     * @throws IllegalArgumentException if JShell rejects the declaration (the message says why)
     */
    public void declare(String name, String type, Object value) {
        if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            throw new IllegalArgumentException("a variable name must be a Java identifier: name=" + name);
        }
        String t = type != null ? type : typeOf(value);
        String key = Bindings.put(value);
        lock.lock();
        try {
            String code = t + " " + name + " = (" + t + ") jproc.kernel.engine.Bindings.take(\"" + key + "\");";
            generation++;
            for (SnippetEvent e : shell.eval(code)) {
                if (e.causeSnippet() == null && e.status() == Snippet.Status.REJECTED) {
                    String why = shell.diagnostics(e.snippet()).map(d -> d.getMessage(java.util.Locale.ROOT))
                            .reduce((a, b) -> a + "; " + b).orElse("rejected");
                    throw new IllegalArgumentException("cannot declare notebook variable " + name + " of type " + t
                            + ": " + why);
                }
            }
        } finally {
            Bindings.discard(key);
            lock.unlock();
        }
    }

    private static String typeOf(Object value) {
        if (value == null) {
            return "Object";
        }
        Class<?> c = value.getClass();
        while (c != null && (!Modifier.isPublic(c.getModifiers()) || c.getCanonicalName() == null
                || c.isAnonymousClass() || c.isSynthetic() || c.isHidden())) {
            c = c.getSuperclass();
        }
        return c == null ? "Object" : c.getCanonicalName();
    }

    /** Adds jars or directories (separated by the path separator) to the compiler's and the loader's classpath. */
    public void addToClasspath(String path) {
        lock.lock();
        try {
            shell.addToClasspath(path);
            generation++;
            if (fast != null) {
                fast.addToClassPath(path);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Evaluates code like {@link #evalCell} but without notes on stderr (for code the kernel generates).
     */
    public EvalResult evalQuietly(String code, int cell) {
        lock.lock();
        boolean was = quiet;
        quiet = true;
        try {
            return evalCell(code, cell);
        } finally {
            quiet = was;
            lock.unlock();
        }
    }

    /**
     * The names a defined method refers to that are not defined (JShell accepts such methods; calling one fails).
     *
     * @return empty if the method is fully defined or does not exist
     */
    public List<String> unresolvedReferences(String methodName) {
        lock.lock();
        try {
            return shell.methods().filter(m -> m.name().equals(methodName) && shell.status(m).isActive())
                    .flatMap(shell::unresolvedDependencies).distinct().toList();
        } finally {
            lock.unlock();
        }
    }

    /** Evaluates code without a cell (startup imports, warm-up); returns the failure, if any. */
    public Optional<CellError> run(String code) {
        EvalResult r = evalCell(code, 0);
        return Optional.ofNullable(r.error());
    }

    /** Drops every snippet whose source starts with {@code prefix} (warm-up snippets). */
    public void dropWhere(java.util.function.Predicate<String> sourceTest) {
        lock.lock();
        try {
            shell.snippets().filter(s -> sourceTest.test(s.source())).toList().forEach(shell::drop);
            generation++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        shell.close();
    }
}
