package jproc.magics.view;

import java.util.Locale;

/**
 * A small SVG writer: escapes every text and attribute, writes numbers with at most one decimal, and
 * uses no element ids (several charts on one page, or a chart replaced in place, cannot collide).
 */
final class Svg {
    /** Width of one character of the 12 px monospace font the views use. */
    static final double CHAR_W = 7.3;

    private final StringBuilder b = new StringBuilder();
    private final double width;
    private final double height;

    Svg(double width, double height, String title) {
        this.width = width;
        this.height = height;
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(width)).append("\" height=\"")
                .append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" font-family=\"monospace\" font-size=\"12\">");
        b.append("<title>").append(Markup.escape(title)).append("</title>");
        b.append("<rect x=\"0\" y=\"0\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                .append("\" fill=\"#ffffff\"/>");
    }

    static String n(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static double textWidth(String s) {
        return s.length() * CHAR_W;
    }

    Svg rect(double x, double y, double w, double h, double radius, String fill, String stroke, String extra) {
        b.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append('"');
        if (radius > 0) {
            b.append(" rx=\"").append(n(radius)).append('"');
        }
        b.append(" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append('"');
        if (extra != null) {
            b.append(' ').append(extra);
        }
        b.append("/>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String extra) {
        b.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(n(strokeWidth)).append('"');
        if (extra != null) {
            b.append(' ').append(extra);
        }
        b.append("/>");
        return this;
    }

    Svg path(String d, String stroke, double strokeWidth, String extra) {
        b.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(n(strokeWidth)).append('"');
        if (extra != null) {
            b.append(' ').append(extra);
        }
        b.append("/>");
        return this;
    }

    Svg polygon(String fill, double... xy) {
        b.append("<polygon points=\"");
        for (int i = 0; i < xy.length; i += 2) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(n(xy[i])).append(',').append(n(xy[i + 1]));
        }
        b.append("\" fill=\"").append(fill).append("\"/>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill) {
        b.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append("\"/>");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end; {@code extra} more attributes or null. */
    Svg text(double x, double y, String s, String anchor, String extra) {
        b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
        if (!"start".equals(anchor)) {
            b.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (extra != null) {
            b.append(' ').append(extra);
        }
        b.append('>').append(Markup.escape(s)).append("</text>");
        return this;
    }

    /** Opens a group with a tooltip. */
    Svg group(String tooltip) {
        b.append("<g>");
        if (tooltip != null) {
            b.append("<title>").append(Markup.escape(tooltip)).append("</title>");
        }
        return this;
    }

    Svg end() {
        b.append("</g>");
        return this;
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    String close() {
        return b.append("</svg>").toString();
    }
}
