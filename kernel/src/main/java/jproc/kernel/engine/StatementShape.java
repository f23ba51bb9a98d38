package jproc.kernel.engine;

import java.util.Set;

/**
 * Tells, from the first tokens of a snippet, whether it is certainly a plain statement (not a declaration):
 * such snippets may be compiled by {@link FastStatements} instead of JShell. When unsure, the answer is
 * {@link Kind#OTHER} and JShell handles the snippet.
 */
final class StatementShape {
    /** What a snippet looks like. */
    enum Kind {
        /** {@code for}, {@code while}, {@code if}, {@code try}, a block...: never has a value. */
        CONTROL,
        /** An expression statement: an assignment, a call, {@code new}, increment. */
        EXPRESSION,
        /** A declaration, an import, or anything not recognised. */
        OTHER
    }

    private static final Set<String> CONTROL_WORDS = Set.of("for", "while", "do", "if", "try", "switch",
            "synchronized", "throw", "assert");
    private static final Set<String> EXPRESSION_WORDS = Set.of("new", "this", "super");
    private static final Set<String> DECLARATION_WORDS = Set.of("int", "long", "short", "byte", "char", "boolean",
            "float", "double", "void", "var", "final", "static", "public", "private", "protected", "abstract",
            "class", "interface", "enum", "record", "import", "sealed", "non", "strictfp", "transient", "volatile",
            "native", "default", "module", "package", "return", "break", "continue", "yield", "case", "else",
            "catch", "finally", "true", "false", "null");

    private final String s;
    private int i;

    private StatementShape(String s) {
        this.s = s;
    }

    static Kind of(String source) {
        return new StatementShape(source).classify();
    }

    private Kind classify() {
        skipBlank();
        if (i >= s.length()) {
            return Kind.OTHER;
        }
        char c = s.charAt(i);
        if (c == '{') {
            return Kind.CONTROL;
        }
        if (c == '(' || c == '"' || Character.isDigit(c)) {
            return Kind.OTHER;
        }
        if (s.startsWith("++", i) || s.startsWith("--", i)) {
            return Kind.EXPRESSION;
        }
        if (!Character.isJavaIdentifierStart(c)) {
            return Kind.OTHER;
        }
        String first = identifier();
        if (CONTROL_WORDS.contains(first)) {
            return Kind.CONTROL;
        }
        if (EXPRESSION_WORDS.contains(first)) {
            return Kind.EXPRESSION;
        }
        if (DECLARATION_WORDS.contains(first)) {
            return Kind.OTHER;
        }
        while (true) {
            skipBlank();
            if (i >= s.length()) {
                return Kind.OTHER;
            }
            c = s.charAt(i);
            if (c == '.') {
                i++;
                skipBlank();
                if (i < s.length() && s.charAt(i) == '<') {
                    return Kind.EXPRESSION; // Type.<T>method()
                }
                if (i >= s.length() || !Character.isJavaIdentifierStart(s.charAt(i))) {
                    return Kind.OTHER;
                }
                identifier();
                continue;
            }
            if (c == '(') {
                return Kind.EXPRESSION;
            }
            if (c == '[') {
                i++;
                skipBlank();
                return i < s.length() && s.charAt(i) == ']' ? Kind.OTHER : Kind.EXPRESSION;
            }
            if (s.startsWith("++", i) || s.startsWith("--", i)) {
                return Kind.EXPRESSION;
            }
            if (c == '=' && !s.startsWith("==", i)) {
                return Kind.EXPRESSION;
            }
            if ("+-*/%&|^".indexOf(c) >= 0 && i + 1 < s.length() && s.charAt(i + 1) == '=') {
                return Kind.EXPRESSION;
            }
            if ((s.startsWith("<<=", i) || s.startsWith(">>=", i) || s.startsWith(">>>=", i))) {
                return Kind.EXPRESSION;
            }
            return Kind.OTHER;
        }
    }

    private String identifier() {
        int start = i;
        while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
            i++;
        }
        return s.substring(start, i);
    }

    private void skipBlank() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else {
                return;
            }
        }
    }
}
