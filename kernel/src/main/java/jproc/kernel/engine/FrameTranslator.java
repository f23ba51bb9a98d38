package jproc.kernel.engine;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the frames of a raw stack trace of notebook code by cell and line: frames of classes compiled by
 * {@link FastStatements} ({@code REPL.$JProc$N}) and of JShell's wrappers ({@code REPL.$JShell$12B$Box}), whose
 * line numbers count from the top of the generated source. JShell puts every import of a wrapper on one line, so
 * the line where a snippet starts in its wrapper does not change as imports are added.
 */
final class FrameTranslator {
    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$(\\d+)[A-Z]*(?:\\$(.+))?");
    private static final Pattern FAST = Pattern.compile("(REPL\\.\\$JProc\\$\\d+)(?:\\$(.+))?");

    private final JShell shell;
    private final ErrorReports reports;
    private final Map<String, ErrorReports.Origin> fast = new ConcurrentHashMap<>();
    private final Map<String, Integer> wrapperFirstLine = new ConcurrentHashMap<>();

    FrameTranslator(JShell shell, ErrorReports reports) {
        this.shell = shell;
        this.reports = reports;
    }

    /** Remembers where the code of a fast class comes from. */
    void rememberFast(String className, int cell, int firstLine) {
        fast.put(className, new ErrorReports.Origin(cell, firstLine));
    }

    static boolean isUserFrame(StackTraceElement f) {
        return f.getClassName().startsWith("REPL.");
    }

    String describe(StackTraceElement f) {
        String cn = f.getClassName();
        Matcher m = FAST.matcher(cn);
        if (m.matches()) {
            ErrorReports.Origin o = fast.get(m.group(1));
            String name = name(m.group(2), f.getMethodName());
            if (o == null || f.getLineNumber() < FastStatements.FIRST_LINE) {
                return name + " (cell)";
            }
            return name + " (cell [" + o.cell() + "], line " + (o.firstLine() + f.getLineNumber()
                    - FastStatements.FIRST_LINE) + ")";
        }
        m = WRAPPER.matcher(cn);
        if (m.matches()) {
            String id = m.group(1);
            String name = name(m.group(2), f.getMethodName());
            ErrorReports.Origin o = reports.origin(id);
            Integer first = firstLine(id);
            if (o == null || first == null || f.getLineNumber() < first) {
                return name + " (snippet #" + id + ")";
            }
            return name + " (cell [" + o.cell() + "], line " + (o.firstLine() + f.getLineNumber() - first) + ")";
        }
        return f.toString();
    }

    private static String name(String nested, String method) {
        String m = method.equals("do_it$") ? "<cell>" : method.startsWith("lambda$") ? "<lambda>" : method;
        return nested == null ? m : nested.replace('$', '.') + "." + m;
    }

    private Integer firstLine(String id) {
        Optional<Snippet> sn = shell.snippets().filter(s -> s.id().equals(id)).findFirst();
        if (sn.isEmpty()) {
            return null;
        }
        String source = sn.get().source();
        int line = wrapperFirstLine.computeIfAbsent(source, src -> {
            try {
                List<SourceCodeAnalysis.SnippetWrapper> ws = shell.sourceCodeAnalysis().wrappers(src);
                if (ws.isEmpty()) {
                    return -1;
                }
                String wrapped = ws.get(0).wrapped();
                int pos = ws.get(0).sourceToWrappedPosition(0);
                return ErrorReports.lineOf(wrapped, pos);
            } catch (RuntimeException e) {
                return -1;
            }
        });
        return line > 0 ? line : null;
    }
}
