package jproc.ipc;

import jproc.ipc.pipe.MappedPipeConnection;
import jproc.ipc.queue.MappedProcessQueue;
import jproc.ipc.sync.ProcessBarrier;
import jproc.ipc.sync.ProcessCondition;
import jproc.ipc.sync.ProcessEvent;
import jproc.ipc.sync.ProcessLock;
import jproc.ipc.sync.ProcessRLock;
import jproc.ipc.sync.ProcessSemaphore;
import jproc.ipc.value.SharedValues;

/**
 * The table of contents of the channel library: re-opening handles, listing the session's channels and reading
 * their snapshots.
 */
public final class Channels {
    private Channels() {
    }

    /** Re-opens the channel a handle names (called when a handle is deserialized). */
    public static Object reopen(ChannelHandle h) {
        return switch (h.kind()) {
            case QUEUE -> MappedProcessQueue.reopen(h);
            case PIPE -> MappedPipeConnection.reopen(h);
            case VALUE, ARRAY -> SharedValues.reopen(h);
            case LOCK -> ProcessLock.reopen(h);
            case RLOCK -> ProcessRLock.reopen(h);
            case SEMAPHORE -> ProcessSemaphore.reopen(h);
            case EVENT -> ProcessEvent.reopen(h);
            case CONDITION -> ProcessCondition.reopen(h);
            case BARRIER -> ProcessBarrier.reopen(h);
        };
    }
}
