package jproc.ipc.sync;

import java.util.List;

import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelSnapshot;

/**
 * An event's state read without locking.
 *
 * @param name    the name
 * @param set     whether the flag is set
 * @param sets    times it was set
 * @param waiters pids blocked in await
 */
public record EventSnapshot(String name, boolean set, long sets, List<Long> waiters) implements ChannelSnapshot {
    @Override
    public ChannelKind kind() {
        return ChannelKind.EVENT;
    }

    @Override
    public String summary() {
        return "event " + name + ": " + (set ? "set" : "clear") + ", " + waiters.size() + " waiting";
    }
}
