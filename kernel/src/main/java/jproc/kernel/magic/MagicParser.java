package jproc.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds magics in a cell. A cell magic must be the first line of the cell ({@code %%name args}); line magics are
 * lines of their own ({@code %name args}, leading blanks allowed). {@code %name?} asks for help. Other lines are
 * Java code; a {@code %} elsewhere (the remainder operator) is code.
 */
public final class MagicParser {
    private static final Pattern CELL = Pattern.compile("%%([A-Za-z][A-Za-z0-9_.\\-]*)(\\?)?(.*)");
    private static final Pattern LINE = Pattern.compile("[ \\t]*%([A-Za-z][A-Za-z0-9_.\\-]*)(\\?)?(.*)");

    private MagicParser() {
    }

    /** Cuts a cell into code and magic calls. */
    public static CellPlan parse(String cell) {
        int firstNl = cell.indexOf('\n');
        String firstLine = stripCr(firstNl < 0 ? cell : cell.substring(0, firstNl));
        Matcher cm = CELL.matcher(firstLine);
        if (cm.matches()) {
            String body = firstNl < 0 ? "" : cell.substring(firstNl + 1);
            return new CellPlan(List.of(call(cm, true, body, 1)));
        }
        var segments = new ArrayList<CellPlan.Segment>();
        var code = new StringBuilder();
        boolean hasCode = false;
        String[] lines = cell.split("\n", -1);
        int inTextBlock = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = stripCr(lines[i]);
            Matcher lm = LINE.matcher(line);
            if (inTextBlock == 0 && lm.matches() && !line.stripLeading().startsWith("%%")) {
                if (hasCode) {
                    segments.add(new CellPlan.Code(code.toString()));
                }
                segments.add(call(lm, false, null, i + 1));
                code.setLength(0);
                code.append("\n".repeat(i + 1));
                hasCode = false;
            } else {
                code.append(lines[i]);
                if (i < lines.length - 1) {
                    code.append('\n');
                }
                hasCode |= !line.isBlank();
                inTextBlock = (inTextBlock + count(line, "\"\"\"")) % 2;
            }
        }
        if (hasCode) {
            segments.add(new CellPlan.Code(code.toString()));
        }
        return new CellPlan(segments);
    }

    private static CellPlan.MagicCall call(Matcher m, boolean cell, String body, int line) {
        String raw = m.group(3).strip();
        return new CellPlan.MagicCall(m.group(1), cell, m.group(2) != null, split(raw), raw, body, line);
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    /**
     * Splits arguments like a POSIX shell: blanks separate words, single quotes keep text as is, double quotes
     * group words and allow {@code \"}, a backslash outside quotes escapes the next character.
     *
     * @throws MagicUsageError if a quote is not closed
     */
    public static List<String> split(String args) {
        var words = new ArrayList<String>();
        var cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < args.length() && "\"\\".indexOf(args.charAt(i + 1)) >= 0) {
                    cur.append(args.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < args.length()) {
                cur.append(args.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new MagicUsageError("unclosed " + (quote == '"' ? "double" : "single") + " quote in arguments: "
                    + args);
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }
}
