package jproc.ipc.sync;

import java.util.List;

import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelSnapshot;

/**
 * A condition's state read without locking.
 *
 * @param name    the name
 * @param lockRef {@code own} or the kind and name of the lock it shares
 * @param lock    that lock's state (null if it cannot be read)
 * @param waiting pids waiting to be signalled
 * @param signals signals sent
 */
public record ConditionSnapshot(String name, String lockRef, LockSnapshot lock, List<Long> waiting, long signals)
        implements ChannelSnapshot {
    @Override
    public ChannelKind kind() {
        return ChannelKind.CONDITION;
    }

    @Override
    public String summary() {
        return "condition " + name + ": " + waiting.size() + " waiting, lock " + (lock == null ? lockRef
                : lock.ownerPid() == 0 ? "free" : "held by pid " + lock.ownerPid()) + ", " + signals + " signals";
    }
}
