package jproc.kernel.engine;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns compiler diagnostics and exceptions of snippets into {@link CellError}s that point into the cell:
 * {@code cell [4], line 2, column 9}, the offending line and a caret under the offending text; stack traces are
 * cut below the user's code and name the cell and line of each frame.
 */
final class ErrorReports {
    static final String COMPILE_ERROR = "CompileError";
    static final String INTERRUPTED = "CellInterruptedError";

    /** Where a snippet came from: the cell's execution count and the cell line its first line is on. */
    record Origin(int cell, int firstLine) {
    }

    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    /** Remembers that snippet {@code id} starts at {@code offset} of cell {@code cell} (whose text is given). */
    void remember(String id, int cell, String cellText, int offset) {
        origins.put(id, new Origin(cell, lineOf(cellText, offset)));
    }

    /** Where snippet {@code id} came from, or null. */
    Origin origin(String id) {
        return origins.get(id);
    }

    /**
     * A runtime failure reported as a raw throwable (code compiled outside JShell), its frames named by
     * {@code frames} and cut below the last frame of notebook code.
     */
    CellError raw(Throwable t, boolean interrupted, FrameTranslator frames) {
        String className = t.getClass().getName();
        String message = t.getMessage() == null ? "" : t.getMessage();
        var lines = new ArrayList<String>();
        if (interrupted || t instanceof CellInterruptedError) {
            String msg = new CellInterruptedError().getMessage();
            lines.add(INTERRUPTED + ": " + msg);
            if (!(t instanceof CellInterruptedError)) {
                lines.add("  (the cell was stopped in " + className + ": " + message + ")");
            }
            addRawFrames(lines, t.getStackTrace(), frames);
            return new CellError(INTERRUPTED, msg, lines);
        }
        if (t instanceof jdk.jshell.spi.SPIResolutionException) {
            String msg = "a definition used here refers to something not defined yet; define the missing method,"
                    + " variable or class, then run this cell again";
            lines.add("UnresolvedReferenceException: " + msg);
            addRawFrames(lines, t.getStackTrace(), frames);
            return new CellError("UnresolvedReferenceException", msg, lines);
        }
        lines.add(className + (message.isEmpty() ? "" : ": " + message));
        addRawFrames(lines, t.getStackTrace(), frames);
        Throwable cause = t.getCause();
        for (int depth = 0; cause != null && cause != t && depth < 10; depth++, cause = cause.getCause()) {
            lines.add("Caused by: " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            addRawFrames(lines, cause.getStackTrace(), frames);
        }
        return new CellError(t.getClass().getSimpleName(), message, lines);
    }

    private static void addRawFrames(List<String> lines, StackTraceElement[] st, FrameTranslator frames) {
        int last = -1;
        for (int i = 0; i < st.length; i++) {
            if (FrameTranslator.isUserFrame(st[i])) {
                last = i;
            }
        }
        int end = last >= 0 ? last + 1 : Math.min(st.length, 12);
        for (int i = 0; i < end; i++) {
            lines.add("    at " + frames.describe(st[i]));
        }
    }

    /** The 1-based line of a character offset. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A compile error: every error diagnostic of the snippet, each with its place in the cell. */
    CellError compileError(int cell, String cellText, SnippetSource snippet, List<Diag> diags) {
        var lines = new ArrayList<String>();
        String first = null;
        for (Diag d : diags) {
            if (!d.isError()) {
                continue;
            }
            String message = d.getMessage(Locale.ROOT);
            long start = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
            long end = d.getEndPosition() >= 0 ? d.getEndPosition() : start + 1;
            int at = snippet.offset() + (int) Math.max(0, Math.min(start, snippet.source().length()));
            int to = snippet.offset() + (int) Math.max(0, Math.min(end, snippet.source().length()));
            at = Math.min(at, cellText.length());
            to = Math.min(Math.max(to, at + 1), Math.max(at + 1, cellText.length()));
            int lineStart = cellText.lastIndexOf('\n', at - 1) + 1;
            int lineEnd = cellText.indexOf('\n', at);
            if (lineEnd < 0) {
                lineEnd = cellText.length();
            }
            int line = lineOf(cellText, at);
            int column = at - lineStart + 1;
            String where = "cell [" + cell + "], line " + line + ", column " + column;
            String offending = cellText.substring(at, Math.min(to, lineEnd));
            if (first == null) {
                first = message.lines().findFirst().orElse(message) + " (" + where
                        + (offending.isBlank() ? "" : ": '" + offending.strip() + "'") + ")";
            }
            lines.add(where + ": error: " + message.lines().findFirst().orElse(message));
            message.lines().skip(1).forEach(l -> lines.add("  " + l.strip()));
            lines.add("    " + cellText.substring(lineStart, lineEnd));
            int width = Math.max(1, Math.min(to, lineEnd) - at);
            lines.add("    " + " ".repeat(at - lineStart) + "^".repeat(width));
        }
        if (first == null) {
            first = "the snippet was rejected by the compiler";
            lines.add(first);
        }
        return new CellError(COMPILE_ERROR, first, lines);
    }

    /** The cell was interrupted before its next snippet ran. */
    CellError interrupted() {
        String msg = new CellInterruptedError().getMessage();
        return new CellError(INTERRUPTED, msg, List.of(INTERRUPTED + ": " + msg));
    }

    /** A runtime failure of a snippet. */
    CellError exception(JShellException e, boolean interrupted) {
        if (e instanceof UnresolvedReferenceException u) {
            String what = u.getSnippet().source().strip().lines().findFirst().orElse("");
            String msg = "a definition used here refers to something not defined yet: " + what
                    + "; define the missing method, variable or class, then run this cell again";
            var lines = new ArrayList<String>();
            lines.add("UnresolvedReferenceException: " + msg);
            addFrames(lines, e.getStackTrace());
            return new CellError("UnresolvedReferenceException", msg, lines);
        }
        String className = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String message = e.getMessage() == null ? "" : e.getMessage();
        var lines = new ArrayList<String>();
        if (interrupted || CellInterruptedError.class.getName().equals(className)) {
            String msg = new CellInterruptedError().getMessage();
            lines.add(INTERRUPTED + ": " + msg);
            if (!CellInterruptedError.class.getName().equals(className)) {
                lines.add("  (the cell was stopped in " + className + ": " + message + ")");
            }
            addFrames(lines, e.getStackTrace());
            return new CellError(INTERRUPTED, msg, lines);
        }
        lines.add(className + (message.isEmpty() ? "" : ": " + message));
        addFrames(lines, e.getStackTrace());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            String cn = cause instanceof EvalException ce ? ce.getExceptionClassName() : cause.getClass().getName();
            lines.add("Caused by: " + cn + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            addFrames(lines, cause.getStackTrace());
        }
        return new CellError(simple, message, lines);
    }

    private void addFrames(List<String> lines, StackTraceElement[] frames) {
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            if (isSnippetFrame(frames[i])) {
                last = i;
            }
        }
        int end = last >= 0 ? last + 1 : Math.min(frames.length, 12);
        for (int i = 0; i < end; i++) {
            lines.add("    at " + frame(frames[i]));
        }
        if (end < frames.length && last < 0) {
            lines.add("    ... " + (frames.length - end) + " more");
        }
    }

    private static boolean isSnippetFrame(StackTraceElement f) {
        return f.getFileName() != null && f.getFileName().startsWith("#");
    }

    private String frame(StackTraceElement f) {
        if (!isSnippetFrame(f)) {
            return f.toString();
        }
        String id = f.getFileName().substring(1);
        String method = f.getMethodName();
        String cls = f.getClassName();
        String name;
        if (method.isEmpty() || method.equals("do_it$")) {
            name = cls.isEmpty() ? "<cell>" : cls;
        } else if (method.startsWith("lambda$")) {
            name = (cls.isEmpty() ? "" : cls + ".") + "<lambda>";
        } else {
            name = cls.isEmpty() ? method : cls + "." + method;
        }
        Origin o = origins.get(id);
        if (o == null || f.getLineNumber() < 1) {
            return name + " (snippet #" + id + (f.getLineNumber() > 0 ? ", line " + f.getLineNumber() : "") + ")";
        }
        return name + " (cell [" + o.cell() + "], line " + (o.firstLine() + f.getLineNumber() - 1) + ")";
    }
}
