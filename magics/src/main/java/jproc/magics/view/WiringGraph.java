package jproc.magics.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code %wiring} picture. Layout, deterministic for a given graph: processes that only take from
 * channels (consumers) in a right column, all other processes in a left column, in start order; channels
 * in the middle column, each placed near the processes it connects (by the mean row of its neighbours).
 * Edges are horizontal-tangent curves whose arrowheads point the way data flows (no arrowhead for
 * acquire/release), labelled with the event counts; a thick edge is a lock held now, a red one a wait now.
 */
public final class WiringGraph {
    private static final double MARGIN = 16;
    private static final double NODE_H = 42;
    private static final double ROW = 64;
    private static final double GAP = 230;
    private static final double MIN_W = 110;

    private WiringGraph() {
    }

    /** Renders the graph as SVG with its text form as fallback. */
    public static View render(Wiring w) {
        return View.svg(w.text(), svg(w));
    }

    /** The SVG document. */
    static String svg(Wiring w) {
        Map<Long, Boolean> right = new HashMap<>();
        for (Wiring.ProcNode p : w.processes()) {
            boolean anyInto = false;
            boolean anyOut = false;
            for (Wiring.Edge e : w.edges()) {
                if (e.pid() == p.pid()) {
                    anyInto |= e.into() || !e.outOf();
                    anyOut |= e.outOf();
                }
            }
            right.put(p.pid(), anyOut && !anyInto);
        }
        var left = w.processes().stream().filter(p -> !right.get(p.pid())).toList();
        var rightCol = w.processes().stream().filter(p -> right.get(p.pid())).toList();
        int rows = Math.max(1, Math.max(Math.max(left.size(), rightCol.size()), w.channels().size()));
        double colH = rows * ROW;

        Map<Long, Double> procY = new HashMap<>();
        place(left, colH, procY);
        place(rightCol, colH, procY);
        var chanOrder = orderChannels(w, procY);
        Map<String, Double> chanY = new HashMap<>();
        double top = MARGIN + 22 + (colH - chanOrder.size() * ROW) / 2;
        for (int i = 0; i < chanOrder.size(); i++) {
            chanY.put(chanOrder.get(i).key(), top + i * ROW + (ROW - NODE_H) / 2);
        }

        double lw = width(left.stream().flatMap(p -> procLabel(p).stream()).toList());
        double cw = width(w.channels().stream().map(c -> List.of(c.kind(), c.name())).flatMap(List::stream).toList());
        double rw = width(rightCol.stream().flatMap(p -> procLabel(p).stream()).toList());
        double lx = MARGIN;
        double cx = left.isEmpty() ? MARGIN : lx + lw + GAP;
        double rx = cx + cw + GAP;
        double totalW = (rightCol.isEmpty() ? cx + cw : rx + rw) + MARGIN;
        double totalH = MARGIN + 22 + colH + MARGIN;
        var svg = new Svg(Math.max(totalW, 240), totalH, "process and channel wiring");
        svg.text(MARGIN, MARGIN + 6, "wiring: " + w.processes().size() + " processes, " + w.channels().size()
                + " channels", "start", "font-weight=\"bold\"");
        if (w.processes().isEmpty() && w.channels().isEmpty()) {
            svg.text(MARGIN, MARGIN + 30, "No processes or channels yet.", "start", null);
            return svg.close();
        }

        Map<Long, Double> procX = new HashMap<>();
        Map<Long, Double> procW = new HashMap<>();
        left.forEach(p -> {
            procX.put(p.pid(), lx);
            procW.put(p.pid(), lw);
        });
        rightCol.forEach(p -> {
            procX.put(p.pid(), rx);
            procW.put(p.pid(), rw);
        });
        drawEdges(svg, w, right, procX, procW, procY, cx, cw, chanY);
        for (Wiring.ProcNode p : w.processes()) {
            boolean done = p.state().startsWith("exited") || p.state().startsWith("killed");
            svg.group(p.name() + " pid " + p.pid() + (p.state().isEmpty() ? "" : " " + p.state()));
            svg.rect(procX.get(p.pid()), procY.get(p.pid()), procW.get(p.pid()), NODE_H, 8,
                    done ? "#eeeeee" : "#fff4d6", done ? "#999999" : "#b8860b", null);
            double mx = procX.get(p.pid()) + procW.get(p.pid()) / 2;
            svg.text(mx, procY.get(p.pid()) + 17, p.name(), "middle", "font-weight=\"bold\"");
            svg.text(mx, procY.get(p.pid()) + 33, procSub(p), "middle", "fill=\"#555555\" font-size=\"11\"");
            svg.end();
        }
        for (Wiring.ChanNode c : w.channels()) {
            double y = chanY.get(c.key());
            svg.group(c.key());
            svg.rect(cx, y, cw, NODE_H, 2, "#e3efff", "#3465a4", null);
            svg.text(cx + cw / 2, y + 16, c.kind(), "middle", "fill=\"#3465a4\" font-size=\"11\"");
            svg.text(cx + cw / 2, y + 33, c.name(), "middle", "font-weight=\"bold\"");
            svg.end();
        }
        return svg.close();
    }

    private static List<String> procLabel(Wiring.ProcNode p) {
        return List.of(p.name(), procSub(p));
    }

    private static String procSub(Wiring.ProcNode p) {
        return "pid " + p.pid() + (p.state().isEmpty() ? "" : " · " + p.state());
    }

    private static double width(List<String> labels) {
        double m = MIN_W;
        for (String s : labels) {
            m = Math.max(m, Svg.textWidth(s) + 20);
        }
        return m;
    }

    private static void place(List<Wiring.ProcNode> col, double colH, Map<Long, Double> y) {
        double top = MARGIN + 22 + (colH - col.size() * ROW) / 2;
        for (int i = 0; i < col.size(); i++) {
            y.put(col.get(i).pid(), top + i * ROW + (ROW - NODE_H) / 2);
        }
    }

    private static List<Wiring.ChanNode> orderChannels(Wiring w, Map<Long, Double> procY) {
        Map<String, Double> bary = new HashMap<>();
        Map<String, Integer> firstUse = new HashMap<>();
        for (int i = 0; i < w.channels().size(); i++) {
            Wiring.ChanNode c = w.channels().get(i);
            firstUse.put(c.key(), i);
            double sum = 0;
            int n = 0;
            for (Wiring.Edge e : w.edges()) {
                if (e.channel().equals(c.key())) {
                    sum += procY.get(e.pid());
                    n++;
                }
            }
            bary.put(c.key(), n == 0 ? Double.MAX_VALUE : sum / n);
        }
        var out = new ArrayList<>(w.channels());
        out.sort(Comparator.<Wiring.ChanNode>comparingDouble(c -> bary.get(c.key()))
                .thenComparingInt(c -> firstUse.get(c.key())));
        return out;
    }

    private static void drawEdges(Svg svg, Wiring w, Map<Long, Boolean> right, Map<Long, Double> procX,
                                  Map<Long, Double> procW, Map<Long, Double> procY, double cx, double cw,
                                  Map<String, Double> chanY) {
        // spread the attachment points of a node side over its height, in the order of the other ends
        Map<String, List<Wiring.Edge>> bySide = new HashMap<>();
        for (Wiring.Edge e : w.edges()) {
            boolean r = right.get(e.pid());
            bySide.computeIfAbsent("p" + e.pid(), k -> new ArrayList<>()).add(e);
            bySide.computeIfAbsent((r ? "cr " : "cl ") + e.channel(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Double> attach = new HashMap<>();
        bySide.forEach((side, list) -> {
            boolean procSide = side.startsWith("p");
            list.sort(Comparator.comparingDouble(e -> procSide ? chanY.get(e.channel()) : procY.get(e.pid())));
            double base = procSide ? procY.get(list.get(0).pid()) : chanY.get(list.get(0).channel());
            for (int i = 0; i < list.size(); i++) {
                double y = base + NODE_H * (i + 1) / (list.size() + 1);
                attach.put(side + "|" + list.get(i).pid() + "|" + list.get(i).channel(), y);
            }
        });
        var placed = new ArrayList<double[]>();
        var labels = new ArrayList<Runnable>();
        for (Wiring.Edge e : w.edges()) {
            boolean r = right.get(e.pid());
            double px = r ? procX.get(e.pid()) : procX.get(e.pid()) + procW.get(e.pid());
            double py = attach.get("p" + e.pid() + "|" + e.pid() + "|" + e.channel());
            double qx = r ? cx + cw : cx;
            double qy = attach.get((r ? "cr " : "cl ") + e.channel() + "|" + e.pid() + "|" + e.channel());
            double mid = (px + qx) / 2;
            String d = "M" + Svg.n(px) + "," + Svg.n(py) + " C" + Svg.n(mid) + "," + Svg.n(py) + " " + Svg.n(mid)
                    + "," + Svg.n(qy) + " " + Svg.n(qx) + "," + Svg.n(qy);
            boolean neutral = !e.into() && !e.outOf();
            String color = e.waiting() ? "#cc0000" : neutral ? "#c17d11" : e.outOf() && !e.into() ? "#4e9a06"
                    : "#3465a4";
            svg.group(e.label());
            svg.path(d, color, e.holds() ? 3 : 1.6, neutral && !e.holds() ? "stroke-dasharray=\"5,3\"" : null);
            double dir = qx > px ? 1 : -1; // +1: the channel is to the right of the process
            if (e.into()) {
                arrow(svg, qx, qy, dir, color);
            }
            if (e.outOf()) {
                arrow(svg, px, py, -dir, color);
            }
            svg.end();
            String label = e.label();
            double lw = Svg.textWidth(label) + 6;
            double[] at = labelPlace(px, py, mid, qx, qy, lw, placed);
            labels.add(() -> {
                svg.group(label);
                svg.rect(at[0] - lw / 2, at[1] - 9, lw, 15, 3, "#ffffff", "none", "fill-opacity=\"0.85\"");
                svg.text(at[0], at[1] + 3, label, "middle", "fill=\"" + color + "\" font-size=\"11\"");
                svg.end();
            });
        }
        labels.forEach(Runnable::run);
    }

    /**
     * Where an edge's label goes: the first point along the curve, from the middle outwards, whose box
     * overlaps no label placed before (else the point of least overlap).
     */
    private static double[] labelPlace(double px, double py, double mid, double qx, double qy, double lw,
                                       List<double[]> placed) {
        double[] best = null;
        double bestOverlap = Double.MAX_VALUE;
        for (int k = 0; k <= 14; k++) {
            double t = 0.5 + (k % 2 == 0 ? 1 : -1) * 0.025 * ((k + 1) / 2); // 0.5, 0.475, 0.525, 0.45...
            double u = 1 - t;
            double x = u * u * u * px + 3 * u * t * mid + t * t * t * qx;
            double y = (u * u * u + 3 * u * u * t) * py + (3 * u * t * t + t * t * t) * qy;
            double[] box = {x - lw / 2, y - 9, x + lw / 2, y + 6};
            double overlap = 0;
            for (double[] o : placed) {
                double w = Math.min(box[2], o[2]) - Math.max(box[0], o[0]);
                double h = Math.min(box[3], o[3]) - Math.max(box[1], o[1]);
                if (w > 0 && h > 0) {
                    overlap += w * h;
                }
            }
            if (overlap < bestOverlap) {
                bestOverlap = overlap;
                best = new double[] {x, y, box[0], box[1], box[2], box[3]};
                if (overlap == 0) {
                    break;
                }
            }
        }
        placed.add(new double[] {best[2], best[3], best[4], best[5]});
        return new double[] {best[0], best[1]};
    }

    /** A head at ({@code x},{@code y}) pointing in direction {@code dir} (+1 right, -1 left). */
    private static void arrow(Svg svg, double x, double y, double dir, String color) {
        svg.polygon(color, x, y, x - dir * 9, y - 4.5, x - dir * 9, y + 4.5);
    }
}
