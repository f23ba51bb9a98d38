package jproc.kernel.output;

import jproc.kernel.display.MimeBundle;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Output that arrives for a cell after it finished, kept in one display (a display id) under that cell and
 * re-rendered in full on every update: text/plain, and HTML with stderr in red and each child's lines tagged
 * with its name. Guarded by the owning {@link CellContext}'s monitor.
 */
final class LateOutput {
    static final int MAX_LINES = 2000;

    private record Line(String source, boolean stderr, StringBuilder text, boolean[] complete) {
    }

    final CellContext cell;
    final String displayId;
    private final ArrayDeque<Line> lines = new ArrayDeque<>();
    private long dropped;
    long version;
    long renderedVersion;
    long foreignVersion;
    boolean scheduled;

    LateOutput(CellContext cell, String displayId) {
        this.cell = cell;
        this.displayId = displayId;
    }

    /** Appends text; {@code source} is a child's name or null for the cell's own threads. */
    void append(String source, boolean stderr, String text) {
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            String piece = nl < 0 ? text.substring(start) : text.substring(start, nl);
            Line last = lastOpen(source, stderr);
            if (last != null) {
                last.text.append(piece);
            } else if (!piece.isEmpty() || nl >= 0) {
                last = new Line(source, stderr, new StringBuilder(piece), new boolean[1]);
                lines.add(last);
            }
            if (nl < 0) {
                break;
            }
            if (last != null) {
                last.complete[0] = true;
            }
            start = nl + 1;
        }
        while (lines.size() > MAX_LINES) {
            lines.removeFirst();
            dropped++;
        }
        version++;
    }

    private Line lastOpen(String source, boolean stderr) {
        var it = lines.descendingIterator();
        while (it.hasNext()) {
            Line l = it.next();
            if (!l.complete[0] && l.stderr == stderr && java.util.Objects.equals(l.source, source)) {
                return l;
            }
        }
        return null;
    }

    /** The whole late output as a bundle. */
    MimeBundle render() {
        var plain = new StringBuilder();
        var html = new StringBuilder("<pre class=\"jproc-late-output\" style=\"margin:0\">");
        if (dropped > 0) {
            plain.append("... ").append(dropped).append(" earlier lines not shown\n");
            html.append("<i>... ").append(dropped).append(" earlier lines not shown</i>\n");
        }
        for (Line l : lines) {
            String tag = l.source == null ? (l.stderr ? "[stderr] " : "") : "[" + l.source + (l.stderr ? " stderr] " : "] ");
            plain.append(tag).append(l.text).append('\n');
            if (l.stderr) {
                html.append("<span style=\"color:#c00\">");
            }
            if (l.source != null) {
                html.append("<b>[").append(escape(l.source)).append("]</b> ");
            }
            html.append(escape(l.text.toString()));
            if (l.stderr) {
                html.append("</span>");
            }
            html.append('\n');
        }
        html.append("</pre>");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", plain.toString());
        data.put("text/html", html.toString());
        return new MimeBundle(data, Map.of());
    }

    static String escape(String s) {
        var sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
