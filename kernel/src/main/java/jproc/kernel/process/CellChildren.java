package jproc.kernel.process;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jproc.kernel.output.CellContext;

/**
 * Which cell started which child (by pid), recorded when a child's output is opened under a cell and forgotten when
 * its output closes (the child ended). The kernel's interrupt uses it to signal only the interrupted cell's
 * children ({@link InterruptScope#CELL}).
 */
public final class CellChildren {
    private static final Map<Long, CellContext> BY_PID = new ConcurrentHashMap<>();

    private CellChildren() {
    }

    static void record(long pid, CellContext cell) {
        BY_PID.put(pid, cell);
    }

    static void forget(long pid, CellContext cell) {
        BY_PID.remove(pid, cell);
    }

    /** The pids of live children the cell started (children whose output is still open). */
    public static List<Long> of(CellContext cell) {
        return BY_PID.entrySet().stream().filter(e -> e.getValue() == cell).map(Map.Entry::getKey).sorted().toList();
    }
}
