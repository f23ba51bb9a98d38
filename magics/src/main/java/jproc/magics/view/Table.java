package jproc.magics.view;

import java.util.ArrayList;
import java.util.List;

/**
 * A simple table rendered as aligned plain text and as an HTML table. A row may carry a CSS class
 * ({@code deadlock}, {@code exited}) that the HTML form colours.
 */
public final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> rowClasses = new ArrayList<>();

    /** A table with these column headers. */
    public Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    /** Adds a row; missing cells are blank, null cells read {@code -}. */
    public Table row(List<String> cells) {
        return row(cells, null);
    }

    /** Adds a row with a CSS class for its HTML form ({@code warn}, {@code dim}). */
    public Table row(List<String> cells, String cssClass) {
        if (cells.size() > headers.size()) {
            throw new IllegalArgumentException("a row has at most one cell per column: cells=" + cells.size()
                    + ", columns=" + headers.size());
        }
        var r = new ArrayList<String>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            r.add(c == null ? "-" : c);
        }
        rows.add(r);
        rowClasses.add(cssClass);
        return this;
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    /** Aligned columns separated by two spaces, a dashed rule under the header. */
    public String text() {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = headers.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        var b = new StringBuilder();
        line(b, headers, w);
        var rule = new ArrayList<String>();
        for (int x : w) {
            rule.add("-".repeat(x));
        }
        line(b, rule, w);
        for (List<String> r : rows) {
            line(b, r, w);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells, int[] w) {
        var l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                l.append("  ");
            }
            l.append(cells.get(i));
            if (i < cells.size() - 1) {
                l.append(" ".repeat(w[i] - cells.get(i).length()));
            }
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    /** An HTML table; cells are escaped. */
    public String html() {
        var b = new StringBuilder("<table class=\"jproc-table\" style=\"border-collapse:collapse;font-size:90%\">");
        b.append("<thead><tr>");
        for (String h : headers) {
            b.append("<th style=\"text-align:left;padding:2px 8px;border-bottom:1px solid #888\">")
                    .append(Markup.escape(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (int i = 0; i < rows.size(); i++) {
            String cls = rowClasses.get(i);
            b.append("<tr");
            if (cls != null) {
                b.append(" class=\"").append(Markup.escape(cls)).append("\" style=\"").append(style(cls)).append('"');
            }
            b.append('>');
            for (String c : rows.get(i)) {
                b.append("<td style=\"text-align:left;padding:2px 8px;font-family:monospace\">")
                        .append(Markup.escape(c)).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private static String style(String cls) {
        return switch (cls) {
            case "warn" -> "background:#fde2e1";
            case "dim" -> "color:#777";
            case "busy" -> "background:#fff4d6";
            default -> "";
        };
    }
}
