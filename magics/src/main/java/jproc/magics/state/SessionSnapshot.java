package jproc.magics.state;

import java.util.ArrayList;
import java.util.List;

import jproc.ipc.trace.ProcessTrace;
import jproc.magics.view.ChannelRow;
import jproc.magics.view.DeadlockCycle;
import jproc.magics.view.LockHolding;
import jproc.magics.view.ProcessRow;

/**
 * Everything the views need, read at one moment without disturbing any process.
 *
 * @param processes the kernel first, then every child in start order
 * @param traces    the trace of every process that recorded events
 * @param channels  every channel of the session
 * @param holdings  who holds which lock-like channel
 * @param cycles    deadlock cycles found in the above
 * @param nanos     {@link System#nanoTime()} when it was read
 */
public record SessionSnapshot(List<ProcessRow> processes, List<ProcessTrace> traces, List<ChannelRow> channels,
                              List<LockHolding> holdings, List<DeadlockCycle> cycles, long nanos) {

    /** True if any child still runs (the kernel itself does not count). */
    public boolean anyChildAlive() {
        long self = ProcessHandle.current().pid();
        return processes.stream().anyMatch(p -> p.pid() != self && p.alive());
    }

    /** The names of every process. */
    public List<String> processNames() {
        return processes.stream().map(ProcessRow::name).distinct().toList();
    }

    /** The names of every channel. */
    public List<String> channelNames() {
        return channels.stream().map(ChannelRow::name).distinct().toList();
    }

    /** Process and channel names together (for suggestions). */
    public List<String> allNames() {
        var all = new ArrayList<>(processNames());
        channelNames().stream().filter(n -> !all.contains(n)).forEach(all::add);
        return all;
    }
}
