package jproc.magics.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds processes waiting for each other in a cycle of locks. What a process waits for comes from its
 * trace (blocked-on); who holds a lock comes from the lock snapshots (owner pid). Neither read disturbs
 * the processes.
 */
public final class Deadlocks {
    private Deadlocks() {
    }

    /** Every cycle of the wait-for graph, each once, sorted by its smallest pid. */
    public static List<DeadlockCycle> find(List<ProcessRow> processes, List<LockHolding> holdings) {
        Map<Long, ProcessRow> byPid = new HashMap<>();
        for (ProcessRow p : processes) {
            if (p.alive()) {
                byPid.put(p.pid(), p);
            }
        }
        Map<String, List<Long>> owners = new HashMap<>();
        for (LockHolding h : holdings) {
            owners.computeIfAbsent(h.kind() + " " + h.name(), k -> new ArrayList<>()).add(h.ownerPid());
        }
        Map<Long, List<WaitStep>> edges = new HashMap<>();
        for (ProcessRow p : byPid.values()) {
            String[] ch = p.blockedChannel();
            if (ch == null) {
                continue;
            }
            for (long owner : owners.getOrDefault(ch[0] + " " + ch[1], List.of())) {
                ProcessRow holder = byPid.get(owner);
                if (holder != null) {
                    edges.computeIfAbsent(p.pid(), k -> new ArrayList<>())
                            .add(new WaitStep(p.name(), p.pid(), ch[0], ch[1], holder.name(), holder.pid()));
                }
            }
        }
        var found = new ArrayList<DeadlockCycle>();
        var seen = new HashSet<String>();
        var starts = new ArrayList<>(edges.keySet());
        starts.sort(Comparator.naturalOrder());
        for (long start : starts) {
            walk(start, start, edges, new LinkedHashSet<>(), new ArrayList<>(), found, seen);
        }
        found.sort(Comparator.comparingLong(c -> c.steps().get(0).pid()));
        return found;
    }

    private static void walk(long start, long at, Map<Long, List<WaitStep>> edges, Set<Long> onPath,
                             List<WaitStep> path, List<DeadlockCycle> found, Set<String> seen) {
        onPath.add(at);
        for (WaitStep e : edges.getOrDefault(at, List.of())) {
            path.add(e);
            if (e.holderPid() == start) {
                record(path, found, seen);
            } else if (!onPath.contains(e.holderPid()) && e.holderPid() > start) {
                // only cycles whose smallest pid is the start: each cycle is found from one start
                walk(start, e.holderPid(), edges, onPath, path, found, seen);
            }
            path.remove(path.size() - 1);
        }
        onPath.remove(at);
    }

    private static void record(List<WaitStep> path, List<DeadlockCycle> found, Set<String> seen) {
        var key = new StringBuilder();
        for (WaitStep s : path) {
            key.append(s.pid()).append('>').append(s.kind()).append(' ').append(s.channel()).append(';');
        }
        if (seen.add(key.toString())) {
            found.add(new DeadlockCycle(path));
        }
    }
}
