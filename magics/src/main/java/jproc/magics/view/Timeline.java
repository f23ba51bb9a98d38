package jproc.magics.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jproc.ipc.trace.ChannelCounts;
import jproc.ipc.trace.ProcessTrace;
import jproc.ipc.trace.TraceDescriptor;
import jproc.ipc.trace.TraceEvent;
import jproc.ipc.trace.TraceRecord;

/**
 * The events of every process laid on one time line: the model behind {@code %timeline}.
 *
 * @param lanes      one per process, in start order
 * @param startNanos the left edge ({@link System#nanoTime()} of the earliest start)
 * @param endNanos   the right edge (now, or the last exit when every process is done)
 */
public record Timeline(List<Lane> lanes, long startNanos, long endNanos) {
    /** The trace channel kind of process start/exit marks: {@code ("process", childName)}. */
    static final String PROCESS = "process";
    /** Kinds whose acquire/release pairs are drawn as "holding" bars. */
    static final Set<String> LOCK_KINDS = Set.of("lock", "rlock", "semaphore", "boundedsemaphore",
            "bounded-semaphore", "condition");

    /**
     * One process's lane.
     *
     * @param name       process name
     * @param pid        process id
     * @param startNanos when it started
     * @param endNanos   when it ended, or the chart's end while it runs
     * @param running    true while it runs
     * @param exitCode   its exit code, or null
     * @param events     its events, oldest first
     * @param held       intervals during which it held a lock-like channel
     * @param blocked    intervals during which it waited
     */
    public record Lane(String name, long pid, long startNanos, long endNanos, boolean running, Integer exitCode,
                       List<TraceRecord> events, List<Span> held, List<Span> blocked) {
    }

    /**
     * An interval of a lane.
     *
     * @param from    start ({@link System#nanoTime()})
     * @param to      end
     * @param channel {@code kind name}
     * @param label   what to write on it ({@code holding lock a}, {@code blocked: acquire lock b})
     */
    public record Span(long from, long to, String channel, String label) {
    }

    /**
     * Builds the timeline.
     *
     * @param traces    the session's traces
     * @param rows      the process table (names, exit codes, run time of exited processes), may be empty
     * @param nowNanos  {@link System#nanoTime()} now: the right edge while anything runs
     */
    public static Timeline of(List<ProcessTrace> traces, List<ProcessRow> rows, long nowNanos) {
        Map<Long, ProcessRow> byPid = new HashMap<>();
        rows.forEach(r -> byPid.put(r.pid(), r));
        var lanes = new ArrayList<Lane>();
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        Map<String, List<Long>> parentExits = new HashMap<>();
        Map<String, List<Long>> parentStarts = new HashMap<>();
        for (ProcessTrace t : traces) {
            for (TraceRecord r : t.events()) {
                if (PROCESS.equals(r.kind()) && !r.channel().equals(t.name())) {
                    var into = r.event() == TraceEvent.EXIT ? parentExits : r.event() == TraceEvent.START
                            ? parentStarts : null;
                    if (into != null) {
                        into.computeIfAbsent(r.channel(), k -> new ArrayList<>()).add(r.nanos());
                    }
                }
            }
        }
        for (ProcessTrace t : traces) {
            ProcessRow row = byPid.get(t.pid());
            Integer exit = row != null && row.exitCode() != null ? row.exitCode() : t.exitCode();
            boolean running = exit == null && (row == null || row.alive());
            List<TraceRecord> ev = t.events();
            long ownStart = Long.MAX_VALUE;
            long firstEvent = Long.MAX_VALUE;
            long ownExit = -1;
            for (TraceRecord r : ev) {
                if (PROCESS.equals(r.kind()) && r.channel().equals(t.name())) {
                    if (r.event() == TraceEvent.START) {
                        ownStart = Math.min(ownStart, r.nanos());
                    } else if (r.event() == TraceEvent.EXIT) {
                        ownExit = r.nanos();
                    }
                } else if (!PROCESS.equals(r.kind())) {
                    firstEvent = Math.min(firstEvent, r.nanos());
                }
            }
            long start = startOf(t, ownStart, firstEvent, parentStarts.getOrDefault(t.name(), List.of()));
            long last = ev.stream().mapToLong(TraceRecord::nanos).max().orElse(start);
            long end;
            if (running) {
                end = Math.max(nowNanos, last);
            } else if (ownExit >= 0) {
                end = ownExit;
            } else {
                // killed before it could mark its exit: the parent marked when it reaped it
                long reaped = -1;
                for (long x : parentExits.getOrDefault(t.name(), List.of())) {
                    if (x >= start && (reaped < 0 || x < reaped)) {
                        reaped = x;
                    }
                }
                end = Math.max(last, reaped);
                if (reaped < 0 && row != null && row.uptimeMillis() >= 0) {
                    end = Math.max(last, start + row.uptimeMillis() * 1_000_000L);
                }
            }
            String name = row != null ? row.name() : t.name();
            lanes.add(new Lane(name, t.pid(), start, end, running, exit, ev, held(t, ev, end),
                    blocked(t, ev, end, running)));
            t0 = Math.min(t0, start);
            t1 = Math.max(t1, end);
        }
        if (lanes.isEmpty()) {
            return new Timeline(List.of(), nowNanos, nowNanos + 1_000_000);
        }
        return new Timeline(List.copyOf(lanes), t0, Math.max(t1, t0 + 1_000_000));
    }

    /**
     * Where a lane starts: the parent's start mark for this child (recorded at {@code start()}, the last one
     * before the child did anything), else the earlier of the child's own start mark (recorded a little late,
     * off the target's path) and its first event, else (the kernel, a process started outside JProc) when its
     * trace began.
     */
    private static long startOf(ProcessTrace t, long ownStart, long firstEvent, List<Long> parentStarts) {
        long own = Math.min(ownStart, firstEvent);
        long best = -1;
        for (long s : parentStarts) {
            if (s <= own && s > best) {
                best = s;
            }
        }
        if (best >= 0) {
            return best;
        }
        return ownStart != Long.MAX_VALUE ? own : t.startNanos();
    }

    private static List<Span> held(ProcessTrace t, List<TraceRecord> ev, long end) {
        var out = new ArrayList<Span>();
        Map<String, Integer> depth = new HashMap<>();
        Map<String, Long> since = new HashMap<>();
        for (TraceRecord r : ev) {
            if (!LOCK_KINDS.contains(r.kind()) || sampled(t, r.kind(), r.channel())) {
                continue;
            }
            String key = r.kind() + " " + r.channel();
            if (r.event() == TraceEvent.ACQUIRE) {
                int d = depth.merge(key, 1, Integer::sum);
                if (d == 1) {
                    since.put(key, r.nanos());
                }
            } else if (r.event() == TraceEvent.RELEASE && depth.getOrDefault(key, 0) > 0) {
                int d = depth.merge(key, -1, Integer::sum);
                if (d == 0) {
                    out.add(new Span(since.remove(key), r.nanos(), key, "holding " + key));
                }
            }
        }
        since.forEach((key, from) -> out.add(new Span(from, end, key, "holding " + key)));
        out.sort((a, b) -> Long.compare(a.from(), b.from()));
        return out;
    }

    /** True once a channel passed the full-record threshold: pairs can no longer be matched. */
    private static boolean sampled(ProcessTrace t, String kind, String name) {
        for (ChannelCounts c : t.channels()) {
            if (c.kind().equals(kind) && c.name().equals(name)) {
                return c.counts().getOrDefault(TraceEvent.ACQUIRE, 0L) > TraceDescriptor.FULL_RECORD_EVENTS
                        || c.counts().getOrDefault(TraceEvent.RELEASE, 0L) > TraceDescriptor.FULL_RECORD_EVENTS;
            }
        }
        return false;
    }

    private static List<Span> blocked(ProcessTrace t, List<TraceRecord> ev, long end, boolean running) {
        var out = new ArrayList<Span>();
        for (int i = 0; i < ev.size(); i++) {
            TraceRecord r = ev.get(i);
            if (r.event() != TraceEvent.BLOCK) {
                continue;
            }
            String key = r.kind() + " " + r.channel();
            long to = -1;
            for (int j = i + 1; j < ev.size(); j++) {
                TraceRecord n = ev.get(j);
                if (n.channel().equals(r.channel()) && n.kind().equals(r.kind()) && n.event() != TraceEvent.BLOCK) {
                    to = n.nanos();
                    break;
                }
            }
            String what = t.blockedOn() != null && t.blockedOn().endsWith(" " + key) ? t.blockedOn() : "wait " + key;
            if (to < 0 && running && t.blockedOn() != null && t.blockedOn().endsWith(" " + key)) {
                to = end;
            }
            if (to >= 0) {
                out.add(new Span(r.nanos(), to, key, "blocked: " + what));
            }
            // a later BLOCK on the same channel before the matching event is the same wait: skip it
            while (i + 1 < ev.size() && ev.get(i + 1).event() == TraceEvent.BLOCK
                    && ev.get(i + 1).channel().equals(r.channel()) && ev.get(i + 1).nanos() <= (to < 0 ? 0 : to)) {
                i++;
            }
        }
        boolean shown = out.stream().anyMatch(s -> s.to() == end);
        if (running && t.blockedOn() != null && !shown && t.blockedNanos() > 0) {
            String[] p = t.blockedOn().split(" ", 2);
            out.add(new Span(Math.min(t.blockedNanos(), end), end, p.length > 1 ? p[1] : t.blockedOn(),
                    "blocked: " + t.blockedOn()));
        }
        return out;
    }
}
