package jproc.ipc.sync;

import java.util.List;

import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelSnapshot;

/**
 * A lock's state read from shared memory without locking.
 *
 * @param kind         lock or re-entrant lock (or the value that embeds the lock)
 * @param name         the name
 * @param ownerPid     pid of the owner, 0 when free
 * @param ownerThread  thread index of the owner within its process, 0 when free
 * @param holdCount    re-entrant hold count
 * @param acquisitions times acquired
 * @param ownerDeaths  times a dead owner was recovered
 * @param lastDeadPid  pid of the last owner that died, 0 if none
 * @param waiters      pids of blocked acquirers
 */
public record LockSnapshot(ChannelKind kind, String name, long ownerPid, long ownerThread, int holdCount,
                           long acquisitions, long ownerDeaths, long lastDeadPid, List<Long> waiters)
        implements ChannelSnapshot {
    @Override
    public String summary() {
        return kind.word() + " " + name + ": " + (ownerPid == 0 ? "free" : "held by pid " + ownerPid
                + (holdCount > 1 ? " (" + holdCount + " times)" : "")) + ", " + waiters.size() + " waiting, "
                + acquisitions + " acquisitions";
    }
}
