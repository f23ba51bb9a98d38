package jproc.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jproc.ipc.pipe.MappedPipeConnection;
import jproc.ipc.pipe.PipeDescriptor;
import jproc.ipc.queue.MappedProcessQueue;
import jproc.ipc.queue.QueueDescriptor;
import jproc.ipc.session.Session;
import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.shm.SessionFiles;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.sync.BarrierDescriptor;
import jproc.ipc.sync.ConditionDescriptor;
import jproc.ipc.sync.EventDescriptor;
import jproc.ipc.sync.LockDescriptor;
import jproc.ipc.sync.LockCore;
import jproc.ipc.sync.ProcessBarrier;
import jproc.ipc.sync.ProcessCondition;
import jproc.ipc.sync.ProcessEvent;
import jproc.ipc.sync.ProcessLock;
import jproc.ipc.sync.ProcessRLock;
import jproc.ipc.sync.ProcessSemaphore;
import jproc.ipc.sync.SemaphoreDescriptor;
import jproc.ipc.value.SharedValues;
import jproc.ipc.value.ValueDescriptor;

/**
 * The table of contents of the channel library beyond the factories of each primitive ({@code ProcessQueue.of},
 * {@code ProcessPipe.of}, {@code SharedInt.of}, {@code ProcessLock.of}...): re-opening handles, listing the
 * session's channels and reading their snapshots from any process without attaching to them or taking their locks.
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

    /** The channels of this process's session, from the files in its directory, sorted by kind and name. */
    public static List<ChannelInfo> list() {
        Session s = Session.current();
        var out = new ArrayList<ChannelInfo>();
        for (Path p : SessionFiles.list(s)) {
            String rest = p.getFileName().toString().substring(s.filePrefix().length());
            int dash = rest.indexOf('-');
            ChannelKind kind = dash > 0 ? ChannelKind.ofWord(rest.substring(0, dash)) : null;
            if (kind == null) {
                continue;
            }
            ByteBuffer b = SharedFile.peek(p);
            if (b == null) {
                continue;
            }
            long size;
            try {
                size = Files.size(p);
            } catch (IOException e) {
                continue;
            }
            out.add(new ChannelInfo(kind, rest.substring(dash + 1), p, size, SharedFile.attachedPids(b)));
        }
        return out;
    }

    /**
     * Reads the state of a channel of the session without attaching to it or taking its locks.
     *
     * @throws ChannelNotFoundException if the session has no such channel
     */
    public static ChannelSnapshot snapshot(ChannelKind kind, String name) {
        Path p = Session.current().file(kind.word(), name);
        ByteBuffer b = SharedFile.peek(p);
        if (b == null) {
            throw new ChannelNotFoundException(kind.word(), name, p.toString());
        }
        String problem = switch (kind) {
            case QUEUE -> QueueDescriptor.validate(b);
            case PIPE -> PipeDescriptor.validate(b);
            case VALUE, ARRAY -> ValueDescriptor.validate(b);
            case LOCK, RLOCK -> LockDescriptor.validate(b);
            case SEMAPHORE -> SemaphoreDescriptor.validate(b);
            case EVENT -> EventDescriptor.validate(b);
            case CONDITION -> ConditionDescriptor.validate(b);
            case BARRIER -> BarrierDescriptor.validate(b);
        };
        if (problem != null) {
            throw new ChannelLayoutException(kind.word() + " '" + name + "' has an invalid layout: " + problem);
        }
        return switch (kind) {
            case QUEUE -> QueueDescriptor.snapshot(name, b);
            case PIPE -> PipeDescriptor.snapshot(name, b);
            case VALUE, ARRAY -> ValueDescriptor.snapshot(kind, name, b);
            case LOCK, RLOCK -> LockCore.snapshot(kind, name, b, HeaderDescriptor.BODY_OFFSET);
            case SEMAPHORE -> ProcessSemaphore.snapshot(name, b);
            case EVENT -> ProcessEvent.snapshot(name, b);
            case CONDITION -> ConditionDescriptor.snapshot(name, b);
            case BARRIER -> ProcessBarrier.snapshot(name, b);
        };
    }

    /**
     * Reads the state of the channel with this name, whatever its kind (the first kind in {@link ChannelKind}
     * order if several kinds share the name).
     *
     * @throws ChannelNotFoundException if no channel of the session has that name
     */
    public static ChannelSnapshot snapshot(String name) {
        for (ChannelKind k : ChannelKind.values()) {
            if (Files.exists(Session.current().file(k.word(), name))) {
                try {
                    return snapshot(k, name);
                } catch (ChannelNotFoundException e) {
                    // removed meanwhile: keep looking
                }
            }
        }
        throw new ChannelNotFoundException("channel", name, Session.current().directory() + "/"
                + Session.current().filePrefix() + "<kind>-" + name);
    }
}
