package jproc.kernel.engine;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Runs plain statements ({@code x = 1;}, {@code for (...) {...}}, {@code System.out.println(...);}) with one
 * pooled javac compilation instead of JShell's four (parse, classify, analyze, compile): about a quarter of the
 * cost of a trivial cell.
 *
 * <p>The statement is wrapped like JShell wraps one: in {@code do_it$()} of a class in package {@code REPL},
 * with the session's imports and a static import of every defined variable and method and an import of every
 * defined type, each from its current JShell wrapper class. The class is loaded, instrumented and recorded like a
 * snippet class. Anything else — declarations, expressions whose value is shown, code that does not compile here —
 * goes through JShell, which also reports compile errors. Differences from JShell: an expression statement ending
 * with {@code ;} creates no {@code $N} variable.
 */
final class FastStatements {
    /** The generated source's line of the statement's first line. */
    static final int FIRST_LINE = 5;
    private static final Logger LOG = Logger.getLogger(FastStatements.class.getName());
    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$(\\d+)[A-Z]*");
    private static final List<String> OPTIONS = List.of("-proc:none", "-implicit:none", "-Xlint:none",
            "-parameters", "-XDallowStringFolding=false");

    private final JShell shell;
    private final SnippetExecutionControl control;
    private final SnippetClasses classes;
    private final ErrorReports reports;
    private final FrameTranslator frames;
    private final TaskPool pool;
    private final ReplFileManager files;
    private long preludeGeneration = -1;
    private String prelude;
    private int counter;

    private FastStatements(JShell shell, SnippetExecutionControl control, SnippetClasses classes,
                           ErrorReports reports, FrameTranslator frames, TaskPool pool, ReplFileManager files) {
        this.shell = shell;
        this.control = control;
        this.classes = classes;
        this.reports = reports;
        this.frames = frames;
        this.pool = pool;
        this.files = files;
    }

    /** The fast path, or null if javac's pool is not accessible (then JShell compiles everything). */
    static FastStatements create(JShell shell, SnippetExecutionControl control, SnippetClasses classes,
                                 ErrorReports reports, FrameTranslator frames) {
        if (Boolean.getBoolean("jproc.noFastStatements")) {
            return null;
        }
        TaskPool pool = TaskPool.create();
        if (pool == null) {
            return null;
        }
        try {
            var std = ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null);
            return new FastStatements(shell, control, classes, reports, frames, pool,
                    new ReplFileManager(std, classes));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "fast statements disabled", e);
            return null;
        }
    }

    void addToClassPath(String path) {
        try {
            files.addToClassPath(path);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot add " + path + " to the fast compiler's classpath", e);
        }
    }

    /**
     * Runs a snippet if it is a plain statement that compiles here.
     *
     * @param generation the session's state generation (changes whenever JShell's definitions change)
     * @return empty if JShell must handle the snippet
     */
    Optional<EvalResult> tryEval(SnippetSource s, String cellText, int cell, boolean last, long generation,
                                 boolean interrupted) {
        StatementShape.Kind kind = StatementShape.of(s.source());
        if (kind == StatementShape.Kind.OTHER
                || kind == StatementShape.Kind.EXPRESSION && last && !s.userEndedWithSemicolon()) {
            return Optional.empty();
        }
        String simple = "$JProc$" + (++counter);
        String name = "REPL." + simple;
        String source = "package REPL;\n" + prelude(generation) + "\nclass " + simple + " {\n"
                + "public static Object do_it$() throws Throwable { if (true) {\n" + s.source() + "\n}\nreturn null; }}\n";
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        boolean ok;
        try {
            // a pooled context lists package REPL once; a new JShell snippet (new generation) needs a fresh one
            var options = new java.util.ArrayList<>(OPTIONS);
            options.add("-XDjproc.generation=" + generation);
            ok = pool.compile(files, diagnostics, options, List.of(new ReplFileManager.Source(name, source)));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "fast compile failed; JShell takes over", e);
            files.takeOutput();
            return Optional.empty();
        }
        Map<String, byte[]> out = files.takeOutput();
        if (!ok || !out.containsKey(name)) {
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("fast compile of " + name + " failed; JShell takes over: " + diagnostics.getDiagnostics()
                        + "\n" + source);
            }
            return Optional.empty();
        }
        frames.rememberFast(name, cell, ErrorReports.lineOf(cellText, s.offset()));
        var cbcs = out.entrySet().stream()
                .map(e -> new ExecutionControl.ClassBytecodes(e.getKey(), e.getValue()))
                .toArray(ExecutionControl.ClassBytecodes[]::new);
        try {
            control.load(cbcs);
        } catch (ExecutionControl.ExecutionControlException e) {
            return Optional.of(EvalResult.failed(CellError.of("InternalError", "cannot load the cell's class: " + e)));
        }
        if (interrupted) {
            return Optional.of(EvalResult.failed(reports.interrupted()));
        }
        try {
            control.invoke(name, "do_it$");
            return Optional.of(EvalResult.NONE);
        } catch (ExecutionControl.RunException e) {
            Throwable t = control.lastFailure();
            if (t == null) {
                return Optional.of(EvalResult.failed(CellError.of(e.getClass().getSimpleName(),
                        String.valueOf(e.getMessage()))));
            }
            return Optional.of(EvalResult.failed(reports.raw(t, CellInterrupts.pending(Thread.currentThread())
                    || t instanceof CellInterruptedError, frames)));
        } catch (ExecutionControl.ExecutionControlException e) {
            return Optional.of(EvalResult.failed(CellError.of("InternalError", String.valueOf(e))));
        }
    }

    /** One line: the session's imports and imports of every defined variable, method and type. */
    private String prelude(long generation) {
        if (generation == preludeGeneration && prelude != null) {
            return prelude;
        }
        Map<String, String> wrapperById = currentWrappers();
        Set<String> lines = new LinkedHashSet<>();
        shell.snippets().forEach(sn -> {
            if (!shell.status(sn).isDefined()) {
                return;
            }
            if (sn instanceof ImportSnippet i) {
                String src = i.source().strip();
                lines.add(src.endsWith(";") ? src : src + ";");
                return;
            }
            if (!(sn instanceof DeclarationSnippet d)) {
                return;
            }
            String wrapper = wrapperById.get(sn.id());
            if (wrapper == null) {
                return;
            }
            if (sn instanceof VarSnippet || sn instanceof MethodSnippet) {
                lines.add("import static " + wrapper + "." + d.name() + ";");
            } else if (sn instanceof TypeDeclSnippet) {
                lines.add("import " + wrapper + "." + d.name() + ";");
            }
        });
        prelude = String.join(" ", lines);
        preludeGeneration = generation;
        return prelude;
    }

    /** Snippet id to the newest wrapper class loaded for it. */
    private Map<String, String> currentWrappers() {
        var byId = new HashMap<String, String>();
        for (String cn : classes.namesNewestFirst()) {
            var m = WRAPPER.matcher(cn);
            if (m.matches()) {
                byId.putIfAbsent(m.group(1), cn);
            }
        }
        return byId;
    }

    static boolean isDefined(Snippet.Status s) {
        return s.isDefined();
    }
}
