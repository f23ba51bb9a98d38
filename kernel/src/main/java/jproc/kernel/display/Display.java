package jproc.kernel.display;

import jproc.kernel.output.CellContext;
import jproc.kernel.output.CellOutput;

import java.util.Base64;
import java.util.Objects;

/**
 * Rich display helpers, imported statically into every notebook:
 * <pre>
 * var id = display(html("&lt;b&gt;working&lt;/b&gt;"));
 * updateDisplay(id, html("&lt;b&gt;done&lt;/b&gt;"));
 * display(svg(svgText)); display(png(bytes)); display(markdown("# Title"));
 * </pre>
 * A cell whose last expression is one of these values shows it the same way.
 */
public final class Display {
    private static volatile Renderer renderer = new Renderer(String::valueOf);

    private Display() {
    }

    /** Sets the renderer (the kernel installs one that formats values like JShell). */
    public static void setRenderer(Renderer r) {
        renderer = Objects.requireNonNull(r, "renderer");
    }

    /** The renderer in use. */
    public static Renderer renderer() {
        return renderer;
    }

    /**
     * Shows a value under the current cell (or the cell that started the calling thread).
     *
     * @return the display id, for {@link #updateDisplay(DisplayId, Object)}
     */
    public static DisplayId display(Object value) {
        CellOutput out = CellOutput.instance();
        CellContext cell = out.current();
        String id = out.newDisplayId();
        if (cell != null) {
            out.display(cell, renderer.render(value), id);
        }
        return new DisplayId(id);
    }

    /** Replaces a display shown earlier (in any cell, from any thread) with a new value. */
    public static void updateDisplay(DisplayId displayId, Object value) {
        updateDisplay(displayId.id(), value);
    }

    /** Replaces the display with this Jupyter display id with a new value. */
    public static void updateDisplay(String displayId, Object value) {
        CellOutput.instance().updateDisplay(displayId, renderer.render(value));
    }

    /** HTML content. */
    public static Rich html(String html) {
        return new Rich("text/html", html, "[HTML]");
    }

    /** SVG content (the {@code <svg>} element). */
    public static Rich svg(String svg) {
        return new Rich("image/svg+xml", svg, "[SVG image]");
    }

    /** A PNG image from its bytes. */
    public static Rich png(byte[] png) {
        return new Rich("image/png", Base64.getEncoder().encodeToString(png), "[PNG image, " + png.length + " bytes]");
    }

    /** Markdown text. */
    public static Rich markdown(String markdown) {
        return new Rich("text/markdown", markdown, markdown);
    }
}
