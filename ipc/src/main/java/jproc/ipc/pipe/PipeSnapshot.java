package jproc.ipc.pipe;

import java.util.List;

import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelSnapshot;

/**
 * A pipe's state read from shared memory without locking.
 *
 * @param name          pipe name
 * @param duplex        false for a one-way pipe
 * @param capacityBytes ring capacity of each direction
 * @param waitingForLeft  messages sent to the left end and not yet received
 * @param waitingForRight messages sent to the right end and not yet received (0 for one-way pipes)
 * @param sentToLeft    messages ever sent to the left end
 * @param sentToRight   messages ever sent to the right end
 * @param leftHolders   pids of live processes holding the left end
 * @param rightHolders  pids of live processes holding the right end
 * @param receivers     pids blocked in recv (either end)
 * @param head          the oldest few messages waiting for the left end, then for the right end, as text
 */
public record PipeSnapshot(String name, boolean duplex, int capacityBytes, long waitingForLeft, long waitingForRight,
                           long sentToLeft, long sentToRight, List<Long> leftHolders, List<Long> rightHolders,
                           List<Long> receivers, List<String> head) implements ChannelSnapshot {
    @Override
    public ChannelKind kind() {
        return ChannelKind.PIPE;
    }

    @Override
    public String summary() {
        return "pipe " + name + (duplex ? "" : " (one-way)") + ": " + waitingForLeft + " message(s) for left, "
                + waitingForRight + " for right; left held by " + leftHolders + ", right by " + rightHolders;
    }
}
