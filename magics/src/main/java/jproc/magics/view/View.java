package jproc.magics.view;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rendered view: always a {@code text/plain} form (terminal clients, nbconvert), plus HTML or SVG.
 *
 * @param text plain text, never null
 * @param html an HTML fragment, or null
 * @param svg  a standalone SVG document, or null
 */
public record View(String text, String html, String svg) {
    public View {
        if (text == null) {
            throw new IllegalArgumentException("a view must have a text/plain form: text=null");
        }
    }

    /** A view with a text and an HTML form. */
    public static View html(String text, String html) {
        return new View(text, html, null);
    }

    /** A view with a text and an SVG form. */
    public static View svg(String text, String svg) {
        return new View(text, null, svg);
    }

    /** The view as a Jupyter MIME bundle, richest form first. */
    public Map<String, String> mimeBundle() {
        var m = new LinkedHashMap<String, String>();
        if (svg != null) {
            m.put("image/svg+xml", svg);
        }
        if (html != null) {
            m.put("text/html", html);
        }
        m.put("text/plain", text);
        return m;
    }

    /** Both views one after the other (the HTML form wraps an SVG part inline). */
    public View then(View next) {
        String t = text + "\n" + next.text;
        String h = htmlOrSvg() + next.htmlOrSvg();
        return new View(t, h, null);
    }

    private String htmlOrSvg() {
        if (html != null) {
            return html;
        }
        if (svg != null) {
            return "<div>" + svg + "</div>";
        }
        return "<pre>" + Markup.escape(text) + "</pre>";
    }
}
