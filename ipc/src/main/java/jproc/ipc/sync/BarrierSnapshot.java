package jproc.ipc.sync;

import java.util.List;

import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelSnapshot;

/**
 * A barrier's state read without locking.
 *
 * @param name    the name
 * @param parties parties per round
 * @param arrived parties waiting in the current round
 * @param broken  whether the barrier is broken
 * @param rounds  rounds completed
 * @param waiters pids waiting
 */
public record BarrierSnapshot(String name, int parties, int arrived, boolean broken, long rounds, List<Long> waiters)
        implements ChannelSnapshot {
    @Override
    public ChannelKind kind() {
        return ChannelKind.BARRIER;
    }

    @Override
    public String summary() {
        return "barrier " + name + ": " + arrived + " of " + parties + " arrived" + (broken ? ", broken" : "") + ", "
                + rounds + " round(s) completed";
    }
}
