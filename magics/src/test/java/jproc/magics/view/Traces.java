package jproc.magics.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jproc.ipc.trace.ChannelCounts;
import jproc.ipc.trace.ProcessTrace;
import jproc.ipc.trace.TraceEvent;
import jproc.ipc.trace.TraceRecord;

/** Builds process traces for view tests: times are milliseconds after a fixed origin. */
final class Traces {
    static final long T0 = 1_000_000_000_000L;

    private final String name;
    private final long pid;
    private final long start;
    private final List<TraceRecord> events = new ArrayList<>();
    private final Map<String, EnumMap<TraceEvent, Long>> counts = new LinkedHashMap<>();
    private String blockedOn;
    private long blockedNanos;
    private Integer exit;

    private Traces(String name, long pid, long startMs) {
        this.name = name;
        this.pid = pid;
        this.start = T0 + startMs * 1_000_000;
    }

    static Traces process(String name, long pid, long startMs) {
        return new Traces(name, pid, startMs);
    }

    static long at(long ms) {
        return T0 + ms * 1_000_000;
    }

    Traces event(long ms, String kind, String channel, TraceEvent e) {
        events.add(new TraceRecord(at(ms), kind, channel, e));
        counts.computeIfAbsent(kind + " " + channel, k -> new EnumMap<>(TraceEvent.class)).merge(e, 1L, Long::sum);
        return this;
    }

    /** {@code n} events of one kind every {@code everyMs} from {@code fromMs}. */
    Traces events(long fromMs, long everyMs, int n, String kind, String channel, TraceEvent e) {
        for (int i = 0; i < n; i++) {
            event(fromMs + i * everyMs, kind, channel, e);
        }
        return this;
    }

    Traces blockedOn(String what, long sinceMs) {
        this.blockedOn = what;
        this.blockedNanos = at(sinceMs);
        return this;
    }

    Traces exit(int code) {
        this.exit = code;
        return this;
    }

    ProcessTrace build() {
        var cc = new ArrayList<ChannelCounts>();
        counts.forEach((k, v) -> {
            String[] p = k.split(" ", 2);
            cc.add(new ChannelCounts(p[0], p[1], v));
        });
        var sorted = new ArrayList<>(events);
        sorted.sort(java.util.Comparator.comparingLong(TraceRecord::nanos));
        return new ProcessTrace(pid, name, 0, start, blockedOn, blockedNanos, exit, cc, List.copyOf(sorted));
    }

    static ProcessRow running(String name, long pid) {
        return new ProcessRow(name, pid, "running", null, null, 120, 30L << 20, 2500);
    }

    static ProcessRow blocked(String name, long pid, String on) {
        return new ProcessRow(name, pid, "blocked", on, null, 50, 30L << 20, 2500);
    }

    static ProcessRow exited(String name, long pid, int code) {
        return new ProcessRow(name, pid, "exited", null, code, 80, -1, -1);
    }
}
