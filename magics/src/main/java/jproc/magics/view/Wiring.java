package jproc.magics.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jproc.ipc.trace.ChannelCounts;
import jproc.ipc.trace.ProcessTrace;
import jproc.ipc.trace.TraceEvent;

/**
 * Who used which channel, and how often: the graph behind {@code %wiring}.
 *
 * @param processes the process nodes, in start order
 * @param channels  the channel nodes, in first-use order
 * @param edges     one per (process, channel) pair that recorded events
 */
public record Wiring(List<ProcNode> processes, List<ChanNode> channels, List<Edge> edges) {
    /** Events that send data or a signal into a channel. */
    static final Set<TraceEvent> INTO = EnumSet.of(TraceEvent.PUT, TraceEvent.SEND, TraceEvent.SET,
            TraceEvent.NOTIFY, TraceEvent.SIGNAL);
    /** Events that take data or a signal out of a channel. */
    static final Set<TraceEvent> OUT_OF = EnumSet.of(TraceEvent.GET, TraceEvent.RECV, TraceEvent.WAIT);

    /**
     * A process node.
     *
     * @param name  its name
     * @param pid   its pid
     * @param state its state word, or empty
     */
    public record ProcNode(String name, long pid, String state) {
    }

    /**
     * A channel node.
     *
     * @param kind its kind
     * @param name its name
     */
    public record ChanNode(String kind, String name) {
        String key() {
            return kind + " " + name;
        }
    }

    /**
     * A process used a channel.
     *
     * @param pid     the process
     * @param channel the channel's {@code kind name}
     * @param counts  events and how often
     * @param holds   the process holds the channel now (a lock, a permit)
     * @param waiting the process waits on the channel now
     */
    public record Edge(long pid, String channel, Map<TraceEvent, Long> counts, boolean holds, boolean waiting) {
        /** True if the process sent something into the channel. */
        public boolean into() {
            return counts.keySet().stream().anyMatch(INTO::contains);
        }

        /** True if the process took something out of the channel. */
        public boolean outOf() {
            return counts.keySet().stream().anyMatch(OUT_OF::contains);
        }

        /** {@code put x5, get x3}, after {@code holds} or {@code waiting} when that is the case now. */
        public String label() {
            String c = ChannelView.counts(counts);
            String now = holds ? "holds" : waiting ? "waiting" : "";
            return now.isEmpty() ? c : c.isEmpty() ? now : now + " · " + c;
        }
    }

    /** The graph without lock owners. */
    public static Wiring of(List<ProcessTrace> traces, List<ProcessRow> rows, List<ChannelRow> known) {
        return of(traces, rows, known, List.of());
    }

    /**
     * Builds the graph from the session's traces, the process table (names, states, what each waits on now),
     * the channel snapshots (channels nobody used yet) and the lock owners (who holds what now). Any list may
     * be empty.
     */
    public static Wiring of(List<ProcessTrace> traces, List<ProcessRow> rows, List<ChannelRow> known,
                            List<LockHolding> holdings) {
        Map<Long, ProcNode> procs = new LinkedHashMap<>();
        Map<Long, ProcessRow> rowByPid = new HashMap<>();
        for (ProcessRow r : rows) {
            rowByPid.put(r.pid(), r);
        }
        Map<String, ChanNode> chans = new LinkedHashMap<>();
        var edges = new ArrayList<Edge>();
        for (ProcessTrace t : traces) {
            ProcessRow r = rowByPid.get(t.pid());
            String name = r != null ? r.name() : t.name();
            String state = r != null ? r.state() : t.exitCode() != null ? "exited " + t.exitCode() : "";
            procs.putIfAbsent(t.pid(), new ProcNode(name, t.pid(), state));
            for (ChannelCounts c : t.channels()) {
                var counts = new EnumMap<TraceEvent, Long>(TraceEvent.class);
                c.counts().forEach((e, n) -> {
                    if (n > 0 && e != TraceEvent.START && e != TraceEvent.EXIT && e != TraceEvent.UNBLOCK) {
                        counts.put(e, n);
                    }
                });
                if (counts.isEmpty() || "process".equals(c.kind())) {
                    continue;
                }
                var node = new ChanNode(c.kind(), c.name());
                chans.putIfAbsent(node.key(), node);
                edges.add(new Edge(t.pid(), node.key(), counts, false, false));
            }
        }
        for (ProcessRow r : rows) {
            procs.putIfAbsent(r.pid(), new ProcNode(r.name(), r.pid(), r.state()));
        }
        for (ChannelRow c : known) {
            var node = new ChanNode(c.kind(), c.name());
            chans.putIfAbsent(node.key(), node);
        }
        for (LockHolding h : holdings) {
            if (procs.containsKey(h.ownerPid())) {
                mark(edges, chans, h.ownerPid(), new ChanNode(h.kind(), h.name()), true);
            }
        }
        for (ProcessRow r : rows) {
            String[] ch = r.alive() ? r.blockedChannel() : null;
            if (ch != null && procs.containsKey(r.pid())) {
                mark(edges, chans, r.pid(), new ChanNode(ch[0], ch[1]), false);
            }
        }
        return new Wiring(List.copyOf(procs.values()), List.copyOf(chans.values()), List.copyOf(edges));
    }

    /** Marks the edge of a process and channel as holding or waiting now, adding it if tracing missed it. */
    private static void mark(List<Edge> edges, Map<String, ChanNode> chans, long pid, ChanNode node, boolean holds) {
        chans.putIfAbsent(node.key(), node);
        for (int i = 0; i < edges.size(); i++) {
            Edge e = edges.get(i);
            if (e.pid() == pid && e.channel().equals(node.key())) {
                edges.set(i, new Edge(pid, e.channel(), e.counts(), e.holds() || holds, e.waiting() || !holds));
                return;
            }
        }
        edges.add(new Edge(pid, node.key(), Map.of(), holds, !holds));
    }

    /** The plain-text form: one line per edge, arrows pointing the way data flows. */
    public String text() {
        var b = new StringBuilder();
        if (processes.isEmpty() && channels.isEmpty()) {
            return "No processes or channels yet.\n";
        }
        b.append("processes: ");
        for (int i = 0; i < processes.size(); i++) {
            ProcNode p = processes.get(i);
            b.append(i > 0 ? ", " : "").append(p.name()).append(" (pid ").append(p.pid());
            b.append(p.state().isEmpty() ? "" : ", " + p.state()).append(')');
        }
        b.append('\n').append("channels: ");
        for (int i = 0; i < channels.size(); i++) {
            b.append(i > 0 ? ", " : "").append(channels.get(i).key());
        }
        b.append('\n');
        Map<Long, String> names = new HashMap<>();
        processes.forEach(p -> names.put(p.pid(), p.name()));
        for (Edge e : edges) {
            String p = names.get(e.pid());
            if (e.into() && !e.outOf()) {
                b.append(p).append(" --").append(e.label()).append("--> ").append(e.channel());
            } else if (e.outOf() && !e.into()) {
                b.append(e.channel()).append(" --").append(e.label()).append("--> ").append(p);
            } else if (e.into()) {
                b.append(p).append(" <--").append(e.label()).append("--> ").append(e.channel());
            } else {
                b.append(p).append(" ---").append(e.label()).append("--- ").append(e.channel());
            }
            b.append('\n');
        }
        return b.toString();
    }
}
