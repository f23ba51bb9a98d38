package jproc.ipc.queue;

import java.util.List;

import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelSnapshot;

/**
 * A queue's state read from shared memory without locking.
 *
 * @param name          queue name
 * @param size          items in the queue
 * @param usedBytes     ring bytes those items occupy
 * @param capacityBytes ring capacity
 * @param maxItems      item bound (0: none)
 * @param puts          items ever put
 * @param gets          items ever taken
 * @param unfinished    items put but not marked done (joinable use)
 * @param getWaiters    pids of processes blocked in get (0 for waiters beyond the table)
 * @param putWaiters    pids of processes blocked in put
 * @param producerPid   pid holding the producer lock right now, 0 if none
 * @param takeovers     times a producer took over from a producer that died holding the lock
 * @param attachedPids  live processes that have the queue open
 * @param head          the oldest few items rendered as text, not consumed
 */
public record QueueSnapshot(String name, long size, long usedBytes, int capacityBytes, int maxItems, long puts,
                            long gets, long unfinished, List<Long> getWaiters, List<Long> putWaiters,
                            long producerPid, long takeovers, List<Long> attachedPids, List<String> head)
        implements ChannelSnapshot {
    @Override
    public ChannelKind kind() {
        return ChannelKind.QUEUE;
    }

    @Override
    public String summary() {
        return "queue " + name + ": " + size + " item(s), " + puts + " put, " + gets + " got, " + getWaiters.size()
                + " waiting to get, " + putWaiters.size() + " waiting to put";
    }
}
