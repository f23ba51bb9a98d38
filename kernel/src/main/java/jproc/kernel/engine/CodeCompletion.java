package jproc.kernel.engine;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Completion, inspection and is-complete checks over JShell's source analysis. */
public final class CodeCompletion {
    /** Result of {@link #isComplete(String)} for code that can run as is. */
    public static final String COMPLETE = "complete";
    /** Result of {@link #isComplete(String)} for code that can never be completed. */
    public static final String INVALID = "invalid";

    /**
     * Completion candidates.
     *
     * @param matches the texts that may replace {@code [start, end)}
     * @param start   first replaced character
     * @param end     end of the replaced range (the cursor)
     */
    public record Candidates(List<String> matches, int start, int end) {
        public Candidates {
            matches = List.copyOf(matches);
        }
    }

    private final JShell shell;

    CodeCompletion(JShell shell) {
        this.shell = shell;
    }

    Candidates complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<Suggestion> suggestions = shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor);
        var typed = new LinkedHashSet<String>();
        var other = new LinkedHashSet<String>();
        for (Suggestion s : suggestions) {
            (s.matchesType() ? typed : other).add(s.continuation());
        }
        var all = new ArrayList<>(typed);
        other.stream().filter(s -> !typed.contains(s)).forEach(all::add);
        return new Candidates(all, anchor[0], cursor);
    }

    Optional<String> inspect(String code, int cursor, Function<String, Optional<String>> variables) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        int at = Math.min(cursor, code.length());
        // documentation() looks at the call around the cursor; move the cursor to the end of the identifier
        while (at < code.length() && Character.isJavaIdentifierPart(code.charAt(at))) {
            at++;
        }
        List<Documentation> docs = analysis.documentation(code, at, true);
        if (docs.isEmpty() && at < code.length() && code.charAt(at) == '(') {
            docs = analysis.documentation(code, at + 1, true);
        }
        if (!docs.isEmpty()) {
            var sb = new StringBuilder();
            for (Documentation d : docs) {
                sb.append(d.signature()).append('\n');
                if (d.javadoc() != null && !d.javadoc().isBlank()) {
                    sb.append('\n').append(d.javadoc().strip()).append("\n\n");
                }
            }
            return Optional.of(sb.toString().strip());
        }
        String word = identifierAt(code, cursor);
        return word.isEmpty() ? Optional.empty() : variables.apply(word);
    }

    /** The Java identifier around {@code cursor}, or "". */
    static String identifierAt(String code, int cursor) {
        int start = Math.min(cursor, code.length());
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        int end = Math.min(cursor, code.length());
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        return code.substring(start, end);
    }

    String isComplete(String code) {
        String remaining = code;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> remaining = info.remaining();
                case EMPTY -> {
                    return COMPLETE;
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return indentFor(code);
                }
                default -> {
                    return INVALID;
                }
            }
        }
        return COMPLETE;
    }

    /** Four spaces per open bracket at the end of the code (at least four). */
    static String indentFor(String code) {
        int depth = 0;
        boolean inString = false;
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    inString = false;
                }
            } else if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
            }
        }
        return "    ".repeat(Math.max(1, depth));
    }
}
