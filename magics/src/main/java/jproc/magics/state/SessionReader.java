package jproc.magics.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jproc.ipc.session.Session;
import jproc.ipc.trace.ProcessTrace;
import jproc.ipc.trace.TraceEvent;
import jproc.ipc.trace.TraceReader;
import jproc.ipc.trace.TraceRecord;
import jproc.magics.view.ChannelRow;
import jproc.magics.view.Deadlocks;
import jproc.magics.view.ProcFs;
import jproc.magics.view.ProcStats;
import jproc.magics.view.ProcessRow;
import jproc.process.ChildProcess;
import jproc.process.ChildProcesses;

/**
 * Reads a {@link SessionSnapshot}: the children this kernel started ({@link ChildProcesses}), the trace files
 * of every process of the session, {@code /proc} for CPU and memory, and the channel source. Plain reads
 * only: no process is stopped, signalled or locked.
 */
public final class SessionReader {
    private final Session session;
    private final ChannelSource channels;
    private final ProcFs procFs;

    /** A reader of {@code session} with the given channel source. */
    public SessionReader(Session session, ChannelSource channels) {
        this(session, channels, new ProcFs());
    }

    SessionReader(Session session, ChannelSource channels, ProcFs procFs) {
        this.session = session;
        this.channels = channels;
        this.procFs = procFs;
    }

    /** The session as it is now. */
    public SessionSnapshot read() {
        List<ProcessTrace> traces = TraceReader.readAll(session);
        Map<Long, ProcessTrace> byPid = new HashMap<>();
        traces.forEach(t -> byPid.put(t.pid(), t));
        var rows = new ArrayList<ProcessRow>();
        Set<Long> seen = new HashSet<>();
        long self = ProcessHandle.current().pid();
        rows.add(live("main", self, byPid.get(self)));
        seen.add(self);
        Map<String, List<long[]>> runs = runs(byPid.get(self));
        Map<String, Integer> nth = new HashMap<>();
        for (ChildProcess c : ChildProcesses.children()) {
            long pid = c.pid();
            int k = nth.merge(c.name(), 1, Integer::sum) - 1;
            if (pid <= 0 || !seen.add(pid)) {
                continue;
            }
            Integer exit = c.exitCode();
            if (exit == null && c.isAlive()) {
                rows.add(live(c.name(), pid, byPid.get(pid)));
            } else {
                List<long[]> r = runs.getOrDefault(c.name(), List.of());
                long ran = k < r.size() && r.get(k)[1] > 0 ? (r.get(k)[1] - r.get(k)[0]) / 1_000_000 : -1;
                rows.add(exited(c.name(), pid, exit, ran, byPid.get(pid)));
            }
        }
        // processes started by children (grandchildren) are known from their trace files only
        for (ProcessTrace t : traces) {
            if (seen.add(t.pid())) {
                boolean alive = ProcessHandle.of(t.pid()).map(ProcessHandle::isAlive).orElse(false);
                rows.add(alive && t.exitCode() == null ? live(t.name(), t.pid(), t) : exited(t.name(), t.pid(),
                        t.exitCode(), -1, t));
            }
        }
        Map<Long, String> names = new HashMap<>();
        rows.forEach(r -> names.putIfAbsent(r.pid(), r.name()));
        var chans = channels.channels().stream().map(c -> withNames(c, names)).toList();
        var holds = channels.holdings();
        return new SessionSnapshot(List.copyOf(rows), traces, chans, holds, Deadlocks.find(rows, holds),
                System.nanoTime());
    }

    private static final Pattern PID = Pattern.compile("\\bpid (\\d+)");

    /** Writes {@code consumer (pid 42)} where a row says {@code pid 42}. */
    static ChannelRow withNames(ChannelRow c, Map<Long, String> names) {
        var facts = new LinkedHashMap<String, String>();
        c.facts().forEach((k, v) -> facts.put(k, name(v, names)));
        var waiters = c.waiters().stream().map(w -> name(w, names)).toList();
        return new ChannelRow(c.kind(), c.name(), facts, c.items(), waiters);
    }

    private static String name(String text, Map<Long, String> names) {
        Matcher m = PID.matcher(text);
        var b = new StringBuilder();
        while (m.find()) {
            String n = names.get(Long.parseLong(m.group(1)));
            m.appendReplacement(b, Matcher.quoteReplacement(n == null ? m.group() : n + " (" + m.group() + ")"));
        }
        m.appendTail(b);
        return b.toString();
    }

    private ProcessRow live(String name, long pid, ProcessTrace trace) {
        String blocked = trace == null ? null : trace.blockedOn();
        var stats = procFs.read(pid);
        if (stats.isEmpty()) {
            return new ProcessRow(name, pid, blocked != null ? "blocked" : "running", blocked, null, -1, -1, -1);
        }
        ProcStats s = stats.get();
        String state = blocked != null ? "blocked" : s.state() == 'Z' ? "exiting" : s.stateWord();
        return new ProcessRow(name, pid, state, blocked, null, s.cpuMillis(), s.rssBytes(), s.uptimeMillis());
    }

    /** An ended process: CPU time and peak memory as it recorded them when it exited (unknown after SIGKILL). */
    private static ProcessRow exited(String name, long pid, Integer exit, long ranMillis, ProcessTrace trace) {
        String state = exit == null ? "gone" : exit < 0 ? "killed" : "exited";
        long cpu = trace != null && trace.cpuNanos() >= 0 ? trace.cpuNanos() / 1_000_000 : -1;
        long rss = trace != null ? trace.peakRssBytes() : -1;
        return new ProcessRow(name, pid, state, null, exit, cpu, rss, ranMillis);
    }

    /**
     * The runs of each child the kernel started, from the start and exit marks it recorded in its own trace
     * ({@code ("process", name)}): name to [start, end] nanos in start order (end 0 while it runs).
     */
    static Map<String, List<long[]>> runs(ProcessTrace kernel) {
        Map<String, List<long[]>> runs = new HashMap<>();
        if (kernel == null) {
            return runs;
        }
        for (TraceRecord r : kernel.events()) {
            if (!"process".equals(r.kind())) {
                continue;
            }
            var list = runs.computeIfAbsent(r.channel(), k -> new ArrayList<>());
            if (r.event() == TraceEvent.START) {
                list.add(new long[] {r.nanos(), 0});
            } else if (r.event() == TraceEvent.EXIT) {
                for (long[] run : list) {
                    if (run[1] == 0) {
                        run[1] = r.nanos();
                        break;
                    }
                }
            }
        }
        return runs;
    }
}
