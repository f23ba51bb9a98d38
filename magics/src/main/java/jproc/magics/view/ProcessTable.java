package jproc.magics.view;

import java.util.ArrayList;
import java.util.List;

/** The {@code %ps} view: one row per process, deadlock cycles named above the table. */
public final class ProcessTable {
    private static final List<String> HEADERS =
            List.of("name", "pid", "state", "blocked on", "exit", "CPU", "memory", "uptime");

    private ProcessTable() {
    }

    /** Renders the processes; those in a deadlock cycle read {@code deadlocked} and are highlighted. */
    public static View render(List<ProcessRow> processes, List<DeadlockCycle> cycles) {
        var t = new Table(HEADERS);
        for (ProcessRow p : processes) {
            boolean dead = cycles.stream().anyMatch(c -> c.involves(p.pid()));
            String state = dead ? "deadlocked" : p.state();
            String cls = dead ? "warn" : p.alive() ? (p.blockedOn() != null ? "busy" : null) : "dim";
            t.row(List.of(p.name(), Long.toString(p.pid()), state, orDash(p.blockedOn()), exit(p.exitCode()),
                    p.cpuMillis() < 0 ? "-" : Markup.duration(p.cpuMillis()), Markup.bytes(p.rssBytes()),
                    Markup.duration(p.uptimeMillis())), cls);
        }
        var text = new StringBuilder();
        var html = new StringBuilder("<div class=\"jproc-ps\">");
        for (String line : banners(cycles)) {
            text.append(line).append('\n');
            html.append(banner(line));
        }
        if (processes.isEmpty()) {
            text.append("No processes.\n");
            html.append("<p>No processes.</p>");
        } else {
            text.append(t.text());
            html.append(t.html());
        }
        return View.html(text.toString(), html.append("</div>").toString());
    }

    /** One sentence per deadlock cycle. */
    static List<String> banners(List<DeadlockCycle> cycles) {
        var out = new ArrayList<String>();
        for (DeadlockCycle c : cycles) {
            out.add(c.describe());
            out.add("  cycle: " + c.name());
        }
        return out;
    }

    static String banner(String line) {
        return "<div style=\"color:#a40000;font-weight:bold;font-family:monospace\">" + Markup.escape(line) + "</div>";
    }

    /** An exit code for people: {@code 0}, {@code -9 (SIGKILL)}, {@code running} when null. */
    public static String exitText(Integer code) {
        return code == null ? "running" : exit(code);
    }

    static String exit(Integer code) {
        if (code == null) {
            return "";
        }
        if (code < 0) {
            return code + " (" + Signals.name(-code) + ")";
        }
        return code.toString();
    }

    static String orDash(String s) {
        return s == null || s.isEmpty() ? "" : s;
    }
}
