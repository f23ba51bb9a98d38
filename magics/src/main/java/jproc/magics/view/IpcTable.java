package jproc.magics.view;

import java.util.List;

/** The {@code %ipc} view: every process and every channel of the session in one table. */
public final class IpcTable {
    private IpcTable() {
    }

    /** Processes first (in start order), then channels (by kind, then name). */
    public static View render(List<ProcessRow> processes, List<ChannelRow> channels, List<DeadlockCycle> cycles) {
        var t = new Table(List.of("kind", "name", "pid", "state", "details"));
        for (ProcessRow p : processes) {
            boolean dead = cycles.stream().anyMatch(c -> c.involves(p.pid()));
            String details = p.blockedOn() != null ? "blocked on " + p.blockedOn()
                    : p.alive() ? "" : "exit " + ProcessTable.exit(p.exitCode());
            if (p.cpuMillis() >= 0) {
                details = (details.isEmpty() ? "" : details + ", ") + "cpu " + Markup.duration(p.cpuMillis());
            }
            if (p.rssBytes() >= 0) {
                details += ", rss " + Markup.bytes(p.rssBytes());
            }
            t.row(List.of("process", p.name(), Long.toString(p.pid()), dead ? "deadlocked" : p.state(), details),
                    dead ? "warn" : p.alive() ? null : "dim");
        }
        var sorted = channels.stream()
                .sorted((a, b) -> a.kind().equals(b.kind()) ? a.name().compareTo(b.name()) : a.kind().compareTo(b.kind()))
                .toList();
        for (ChannelRow c : sorted) {
            boolean dead = cycles.stream().anyMatch(d -> d.involves(c.name()));
            t.row(List.of(c.kind(), c.name(), "", dead ? "deadlocked" : "", c.summary()), dead ? "warn" : null);
        }
        var text = new StringBuilder();
        var html = new StringBuilder("<div class=\"jproc-ipc\">");
        for (String line : ProcessTable.banners(cycles)) {
            text.append(line).append('\n');
            html.append(ProcessTable.banner(line));
        }
        if (t.size() == 0) {
            text.append("No processes or channels yet.\n");
            html.append("<p>No processes or channels yet.</p>");
        } else {
            text.append(t.text());
            html.append(t.html());
        }
        return View.html(text.toString(), html.append("</div>").toString());
    }
}
