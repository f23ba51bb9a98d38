package jproc.magics.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jproc.ipc.trace.TraceEvent;
import jproc.ipc.trace.TraceRecord;

/**
 * The {@code %timeline} chart: one lane per process, time to the right. A lane's grey bar is the
 * process's life (a triangle where it started, a square where it exited, red for a non-zero exit);
 * coloured ticks are its events; an amber bar above the line is a lock it held, a red bar below it a
 * wait. The text form shows the same lanes as rows of characters.
 */
public final class TimelineChart {
    private static final double LABEL_W = 170;
    private static final double PLOT_W = 720;
    private static final double LANE_H = 38;
    private static final double TOP = 34;
    private static final int TEXT_COLS = 64;
    static final Map<TraceEvent, String> COLORS = new EnumMap<>(TraceEvent.class);
    private static final Set<TraceEvent> TICKS = EnumSet.of(TraceEvent.PUT, TraceEvent.GET, TraceEvent.SEND,
            TraceEvent.RECV, TraceEvent.ACQUIRE, TraceEvent.RELEASE, TraceEvent.WAIT, TraceEvent.NOTIFY,
            TraceEvent.SET, TraceEvent.SIGNAL, TraceEvent.OWNER_DIED);

    static {
        COLORS.put(TraceEvent.PUT, "#3465a4");
        COLORS.put(TraceEvent.GET, "#4e9a06");
        COLORS.put(TraceEvent.SEND, "#204a87");
        COLORS.put(TraceEvent.RECV, "#8ae234");
        COLORS.put(TraceEvent.ACQUIRE, "#f57900");
        COLORS.put(TraceEvent.RELEASE, "#75507b");
        COLORS.put(TraceEvent.WAIT, "#888a85");
        COLORS.put(TraceEvent.NOTIFY, "#06989a");
        COLORS.put(TraceEvent.SET, "#06989a");
        COLORS.put(TraceEvent.SIGNAL, "#c4a000");
        COLORS.put(TraceEvent.OWNER_DIED, "#a40000");
    }

    private TimelineChart() {
    }

    /** Renders the timeline, with deadlock cycles (may be empty) named above the lanes. */
    public static View render(Timeline t, List<DeadlockCycle> cycles) {
        return View.svg(text(t, cycles), svg(t, cycles));
    }

    static String svg(Timeline t, List<DeadlockCycle> cycles) {
        int n = t.lanes().size();
        var bannerLines = new ArrayList<String>();
        for (DeadlockCycle c : cycles) {
            bannerLines.addAll(wrap(c.describe(), (int) ((LABEL_W + PLOT_W) / Svg.CHAR_W)));
        }
        double banner = bannerLines.size() * 16;
        double plotTop = TOP + banner;
        double height = plotTop + Math.max(1, n) * LANE_H + 36 + 44;
        var svg = new Svg(LABEL_W + PLOT_W + 30, height, "process timeline");
        svg.text(8, 18, "timeline: " + n + " processes, " + Markup.duration(span(t) / 1_000_000), "start",
                "font-weight=\"bold\"");
        for (int i = 0; i < bannerLines.size(); i++) {
            svg.text(8, TOP + 4 + i * 16, bannerLines.get(i), "start", "fill=\"#a40000\" font-weight=\"bold\"");
        }
        if (n == 0) {
            svg.text(8, plotTop + 20, "No events recorded yet (is tracing on? %trace on).", "start", null);
        }
        double x0 = LABEL_W;
        double axisY = plotTop + n * LANE_H + 6;
        axis(svg, t, x0, plotTop, axisY);
        Set<TraceEvent> seen = EnumSet.noneOf(TraceEvent.class);
        // one tick per kind per bucket of pixels; wider buckets with many lanes keep the document small
        double bucket = Math.max(1, n / 8.0);
        boolean anyHeld = false;
        boolean anyBlocked = false;
        for (int i = 0; i < n; i++) {
            Timeline.Lane lane = t.lanes().get(i);
            double y = plotTop + i * LANE_H + LANE_H / 2;
            if (i % 2 == 1) {
                svg.rect(0, y - LANE_H / 2, LABEL_W + PLOT_W + 30, LANE_H, 0, "#f6f6f6", "none", null);
            }
            svg.text(8, y + 4, Markup.shorten(lane.name(), 14) + " " + lane.pid(), "start", null);
            double xs = x(t, lane.startNanos());
            double xe = Math.max(xs + 1, x(t, lane.endNanos()));
            svg.rect(xs, y - 2, xe - xs, 4, 0, "#babdb6", "none", null);
            for (Timeline.Span s : lane.held()) {
                anyHeld = true;
                span(svg, t, s, y - 13, "#fcaf3e");
            }
            for (Timeline.Span s : lane.blocked()) {
                anyBlocked = true;
                span(svg, t, s, y + 5, "#ef2929");
            }
            var done = new HashSet<String>();
            for (TraceRecord r : lane.events()) {
                if (!TICKS.contains(r.event())) {
                    continue;
                }
                double ex = x(t, r.nanos());
                if (done.add(r.event().ordinal() + ":" + Math.round(ex / bucket))) {
                    seen.add(r.event());
                    svg.line(ex, y - 7, ex, y + 7, COLORS.get(r.event()), 1.5, null);
                }
            }
            svg.polygon("#4e9a06", xs, y - 7, xs + 8, y, xs, y + 7);
            if (!lane.running()) {
                boolean bad = lane.exitCode() != null && lane.exitCode() != 0;
                svg.group("exit " + (lane.exitCode() == null ? "?" : ProcessTable.exit(lane.exitCode())));
                svg.rect(xe - 4, y - 6, 8, 12, 0, bad ? "#cc0000" : "#2e3436", "none", null);
                svg.end();
            }
        }
        legend(svg, seen, anyHeld, anyBlocked, axisY + 34);
        return svg.close();
    }

    /** Splits {@code s} at spaces into lines of at most {@code cols} characters. */
    static List<String> wrap(String s, int cols) {
        var out = new ArrayList<String>();
        var line = new StringBuilder();
        for (String word : s.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > cols) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    private static long span(Timeline t) {
        return t.endNanos() - t.startNanos();
    }

    private static double x(Timeline t, long nanos) {
        double f = (double) (nanos - t.startNanos()) / Math.max(1, span(t));
        return LABEL_W + Math.max(0, Math.min(1, f)) * PLOT_W;
    }

    private static void span(Svg svg, Timeline t, Timeline.Span s, double y, String color) {
        double a = x(t, s.from());
        double b = Math.max(a + 2, x(t, s.to()));
        svg.group(s.label() + " for " + Markup.duration((s.to() - s.from()) / 1_000_000));
        svg.rect(a, y, b - a, 8, 1, color, "none", "fill-opacity=\"0.85\"");
        if (b - a > Svg.textWidth(s.label()) * 0.85 + 6) {
            svg.text(a + 3, y + 7, s.label(), "start", "font-size=\"9\" fill=\"#2e3436\"");
        }
        svg.end();
    }

    private static void axis(Svg svg, Timeline t, double x0, double top, double axisY) {
        svg.line(x0, axisY, x0 + PLOT_W, axisY, "#555753", 1, null);
        double spanMs = span(t) / 1e6;
        double step = niceStep(spanMs / 8);
        for (double v = 0; v <= spanMs + 1e-9; v += step) {
            double px = x0 + v / spanMs * PLOT_W;
            svg.line(px, top, px, axisY, "#d3d7cf", 0.6, null);
            svg.line(px, axisY, px, axisY + 4, "#555753", 1, null);
            svg.text(px, axisY + 16, tickLabel(v, step, spanMs), "middle", "font-size=\"10\"");
        }
    }

    /** A step from the 1-2-5 series at or above {@code raw}. */
    static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** A tick label in seconds once the chart spans a second, in milliseconds below, as precise as the step. */
    static String tickLabel(double ms, double step, double spanMs) {
        boolean seconds = spanMs >= 1000;
        double v = seconds ? ms / 1000 : ms;
        double st = seconds ? step / 1000 : step;
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(st) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f %s", v, seconds ? "s" : "ms");
    }

    private static void legend(Svg svg, Set<TraceEvent> seen, boolean held, boolean blocked, double y) {
        double x = 8;
        svg.polygon("#4e9a06", x, y - 6, x + 8, y, x, y + 6);
        svg.text(x + 12, y + 4, "start", "start", null);
        x += 60;
        svg.rect(x, y - 6, 8, 12, 0, "#2e3436", "none", null);
        svg.text(x + 12, y + 4, "exit", "start", null);
        x += 52;
        for (TraceEvent e : TICKS) {
            if (!seen.contains(e)) {
                continue;
            }
            String label = ChannelView.label(e);
            svg.line(x, y - 7, x, y + 7, COLORS.get(e), 2, null);
            svg.text(x + 6, y + 4, label, "start", null);
            x += 14 + Svg.textWidth(label);
        }
        if (held) {
            svg.rect(x, y - 4, 18, 8, 1, "#fcaf3e", "none", null);
            svg.text(x + 22, y + 4, "holding", "start", null);
            x += 30 + Svg.textWidth("holding");
        }
        if (blocked) {
            svg.rect(x, y - 4, 18, 8, 1, "#ef2929", "none", null);
            svg.text(x + 22, y + 4, "blocked", "start", null);
        }
    }

    /** The lanes as rows of characters; see the legend line for the symbols. */
    static String text(Timeline t, List<DeadlockCycle> cycles) {
        var b = new StringBuilder();
        for (DeadlockCycle c : cycles) {
            b.append(c.describe()).append('\n');
        }
        if (t.lanes().isEmpty()) {
            return b.append("No events recorded yet (is tracing on? %trace on).\n").toString();
        }
        int w = t.lanes().stream().mapToInt(l -> (l.name() + " " + l.pid()).length()).max().orElse(8);
        double perCol = (double) span(t) / TEXT_COLS;
        for (Timeline.Lane lane : t.lanes()) {
            char[] row = new char[TEXT_COLS];
            for (int c = 0; c < TEXT_COLS; c++) {
                long mid = t.startNanos() + (long) ((c + 0.5) * perCol);
                boolean alive = mid >= lane.startNanos() && mid <= lane.endNanos();
                row[c] = !alive ? ' ' : inAny(lane.blocked(), mid) ? 'B' : inAny(lane.held(), mid) ? '=' : '-';
            }
            Map<Integer, Character> marks = new LinkedHashMap<>();
            for (TraceRecord r : lane.events()) {
                char ch = symbol(r.event());
                if (ch != 0) {
                    marks.put(col(t, r.nanos(), perCol), ch);
                }
            }
            marks.forEach((c, ch) -> row[c] = ch);
            row[col(t, lane.startNanos(), perCol)] = '>';
            if (!lane.running()) {
                row[col(t, lane.endNanos(), perCol)] = '|';
            }
            String label = lane.name() + " " + lane.pid();
            b.append(label).append(" ".repeat(w - label.length())).append(" ").append(new String(row).stripTrailing());
            if (!lane.running()) {
                b.append("  exit ").append(lane.exitCode() == null ? "?" : ProcessTable.exit(lane.exitCode()));
            }
            if (!lane.blocked().isEmpty() && lane.running()) {
                var last = lane.blocked().get(lane.blocked().size() - 1);
                if (last.to() == lane.endNanos()) {
                    b.append("  ").append(last.label());
                }
            }
            b.append('\n');
        }
        b.append(" ".repeat(w + 1)).append("0").append(" ".repeat(TEXT_COLS - 1 - Markup.duration(span(t) / 1_000_000)
                .length())).append(Markup.duration(span(t) / 1_000_000)).append('\n');
        b.append("> start  | exit  P put  G get  S send  R recv  a acquire  u release  w wait  n notify/set/signal  "
                + "= holding  B blocked  - alive\n");
        return b.toString();
    }

    private static int col(Timeline t, long nanos, double perCol) {
        return (int) Math.max(0, Math.min(TEXT_COLS - 1, (nanos - t.startNanos()) / perCol));
    }

    private static boolean inAny(List<Timeline.Span> spans, long t) {
        for (Timeline.Span s : spans) {
            if (t >= s.from() && t <= s.to()) {
                return true;
            }
        }
        return false;
    }

    private static char symbol(TraceEvent e) {
        return switch (e) {
            case PUT -> 'P';
            case GET -> 'G';
            case SEND -> 'S';
            case RECV -> 'R';
            case ACQUIRE -> 'a';
            case RELEASE -> 'u';
            case WAIT -> 'w';
            case NOTIFY, SET, SIGNAL -> 'n';
            case OWNER_DIED -> '!';
            default -> 0;
        };
    }
}
