package jproc.magics.core;

import jproc.kernel.display.MimeBundle;
import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicContext;
import jproc.kernel.magic.MagicUsageError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code %lsmagic}: lists every magic with its usage line. */
public final class LsMagic implements Magic {
    @Override
    public String name() {
        return "lsmagic";
    }

    @Override
    public String usage() {
        return "%lsmagic";
    }

    @Override
    public String help() {
        return """
                Lists every line magic (%name) and cell magic (%%name) with its usage.
                Example:
                    %lsmagic
                Then %help NAME or %NAME? explains one magic.""";
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) {
        if (!args.isEmpty()) {
            throw new MagicUsageError("%lsmagic takes no arguments, got: " + String.join(" ", args));
        }
        var plain = new StringBuilder("Line magics:\n");
        var html = new StringBuilder("<table><tr><th style=\"text-align:left\">magic</th>"
                + "<th style=\"text-align:left\">usage</th></tr>");
        for (Magic m : context.magics().all()) {
            if (m.isLine()) {
                plain.append("  %").append(m.name()).append("    ").append(m.usage()).append('\n');
                html.append(row("%" + m.name(), m.usage()));
            }
        }
        plain.append("Cell magics:\n");
        for (Magic m : context.magics().all()) {
            if (m.isCell()) {
                plain.append("  %%").append(m.name()).append("    ").append(m.usage()).append('\n');
                html.append(row("%%" + m.name(), m.usage()));
            }
        }
        plain.append("\n%help NAME or %NAME? explains a magic.");
        html.append("</table><p>%help NAME or %NAME? explains a magic.</p>");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", plain.toString());
        data.put("text/html", html.toString());
        return new MimeBundle(data, Map.of());
    }

    private static String row(String name, String usage) {
        return "<tr><td><code>" + esc(name) + "</code></td><td><code>" + esc(usage) + "</code></td></tr>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
