package jproc.ipc.sync;

import java.util.List;
import java.util.Map;

import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelSnapshot;

/**
 * A semaphore's state read without locking.
 *
 * @param name         the name
 * @param permits      permits available now
 * @param bound        the bound of a bounded semaphore, 0 if unbounded
 * @param holders      pid to permits held, for live processes
 * @param acquisitions times a permit was acquired
 * @param ownerDeaths  times permits of a dead process were recovered
 * @param waiters      pids blocked in acquire
 */
public record SemaphoreSnapshot(String name, long permits, long bound, Map<Long, Integer> holders, long acquisitions,
                                long ownerDeaths, List<Long> waiters) implements ChannelSnapshot {
    @Override
    public ChannelKind kind() {
        return ChannelKind.SEMAPHORE;
    }

    @Override
    public String summary() {
        return "semaphore " + name + ": " + permits + " permit(s) free" + (bound > 0 ? " of " + bound : "")
                + ", held by " + holders + ", " + waiters.size() + " waiting";
    }
}
