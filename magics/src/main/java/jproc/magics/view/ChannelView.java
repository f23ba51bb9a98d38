package jproc.magics.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jproc.ipc.trace.ChannelCounts;
import jproc.ipc.trace.ProcessTrace;
import jproc.ipc.trace.TraceEvent;

/** The {@code %inspect CHANNEL} view: the snapshot's facts, peeked items, waiters and who did what. */
public final class ChannelView {
    private ChannelView() {
    }

    /** Renders one channel with the per-process event counts of the traces. */
    public static View render(ChannelRow ch, List<ProcessTrace> traces, List<DeadlockCycle> cycles) {
        var text = new StringBuilder();
        var html = new StringBuilder("<div class=\"jproc-inspect\">");
        String title = ch.kind() + " " + ch.name();
        text.append(title).append('\n');
        html.append("<div style=\"font-weight:bold\">").append(Markup.escape(title)).append("</div>");
        for (DeadlockCycle c : cycles) {
            if (c.involves(ch.name())) {
                for (String line : ProcessTable.banners(List.of(c))) {
                    text.append(line).append('\n');
                    html.append(ProcessTable.banner(line));
                }
            }
        }
        var facts = new Table(List.of("property", "value"));
        ch.facts().forEach((k, v) -> facts.row(List.of(k, v)));
        if (!ch.waiters().isEmpty()) {
            facts.row(List.of("waiters", String.join(", ", ch.waiters())));
        }
        if (facts.size() > 0) {
            text.append(facts.text());
            html.append(facts.html());
        }
        if (!ch.items().isEmpty()) {
            text.append("next items (oldest first, not consumed):\n");
            html.append("<div>next items (oldest first, not consumed):</div><ol>");
            for (String item : ch.items()) {
                text.append("  ").append(item).append('\n');
                html.append("<li><code>").append(Markup.escape(item)).append("</code></li>");
            }
            html.append("</ol>");
        }
        Table who = usage(ch, traces);
        if (who.size() > 0) {
            text.append("who used it:\n").append(who.text());
            html.append("<div>who used it:</div>").append(who.html());
        }
        return View.html(text.toString(), html.append("</div>").toString());
    }

    /** One row per process that touched the channel: its name, pid and event counts. */
    static Table usage(ChannelRow ch, List<ProcessTrace> traces) {
        var t = new Table(List.of("process", "pid", "events"));
        for (ProcessTrace p : traces) {
            for (ChannelCounts c : p.channels()) {
                if (c.name().equals(ch.name()) && c.kind().equals(ch.kind()) && !c.counts().isEmpty()) {
                    t.row(List.of(p.name(), Long.toString(p.pid()), counts(c.counts())));
                }
            }
        }
        return t;
    }

    /** {@code put x120, get x118}: counts in the enum's order, start/exit left out. */
    public static String counts(Map<TraceEvent, Long> counts) {
        var parts = new ArrayList<String>();
        for (TraceEvent e : TraceEvent.values()) {
            Long n = counts.get(e);
            if (n != null && n > 0 && e != TraceEvent.START && e != TraceEvent.EXIT && e != TraceEvent.UNBLOCK) {
                parts.add(label(e) + " x" + Markup.count(n));
            }
        }
        return String.join(", ", parts);
    }

    /** The lower-case name of an event ({@code blocked} for BLOCK). */
    public static String label(TraceEvent e) {
        return e == TraceEvent.BLOCK ? "blocked" : e.name().toLowerCase().replace('_', ' ');
    }
}
