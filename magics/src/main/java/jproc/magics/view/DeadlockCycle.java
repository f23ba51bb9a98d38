package jproc.magics.view;

import java.util.List;

/**
 * Processes that wait for each other in a cycle: each waits for a lock the next one holds, and the last
 * waits for one the first holds. None of them can go on.
 *
 * @param steps the wait edges in cycle order, starting at the process with the smallest pid
 */
public record DeadlockCycle(List<WaitStep> steps) {
    public DeadlockCycle {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a deadlock cycle has at least one step: steps=[]");
        }
    }

    /** True if the process with this pid is part of the cycle. */
    public boolean involves(long pid) {
        return steps.stream().anyMatch(s -> s.pid() == pid);
    }

    /** True if the channel is one of the locks of the cycle. */
    public boolean involves(String channelName) {
        return steps.stream().anyMatch(s -> s.channel().equals(channelName));
    }

    /** The cycle's names: {@code producer -> lock a -> consumer -> lock b -> producer}. */
    public String name() {
        var b = new StringBuilder();
        for (WaitStep s : steps) {
            b.append(s.process()).append(" -> ").append(s.kind()).append(' ').append(s.channel()).append(" -> ");
        }
        return b.append(steps.get(0).process()).toString();
    }

    /** A sentence a reader understands. */
    public String describe() {
        if (steps.size() == 1) {
            WaitStep s = steps.get(0);
            return "Deadlock: " + s.process() + " (pid " + s.pid() + ") waits for " + s.kind() + " " + s.channel()
                    + ", which it holds itself (not re-entrant).";
        }
        var b = new StringBuilder("Deadlock: ");
        for (int i = 0; i < steps.size(); i++) {
            WaitStep s = steps.get(i);
            if (i > 0) {
                b.append(", which ");
            } else {
                b.append(s.process()).append(" (pid ").append(s.pid()).append(") ");
            }
            b.append("waits for ").append(s.kind()).append(' ').append(s.channel()).append(" held by ")
                    .append(s.holder()).append(" (pid ").append(s.holderPid()).append(')');
        }
        return b.append(". None of them can go on: terminate or kill one of them.").toString();
    }
}
