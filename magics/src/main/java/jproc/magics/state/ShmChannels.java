package jproc.magics.state;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelSnapshot;
import jproc.ipc.pipe.PipeDescriptor;
import jproc.ipc.pipe.PipeSnapshot;
import jproc.ipc.queue.QueueDescriptor;
import jproc.ipc.queue.QueueSnapshot;
import jproc.ipc.session.Session;
import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.sync.BarrierSnapshot;
import jproc.ipc.sync.ConditionDescriptor;
import jproc.ipc.sync.ConditionSnapshot;
import jproc.ipc.sync.EventSnapshot;
import jproc.ipc.sync.LockCore;
import jproc.ipc.sync.LockSnapshot;
import jproc.ipc.sync.ProcessBarrier;
import jproc.ipc.sync.ProcessEvent;
import jproc.ipc.sync.SemaphoreSnapshot;
import jproc.ipc.value.ValueDescriptor;
import jproc.ipc.value.ValueSnapshot;
import jproc.magics.view.ChannelRow;
import jproc.magics.view.LockHolding;
import jproc.magics.view.Markup;

/**
 * Channel rows from the channels' own snapshots: each channel file of the session is mapped read-only
 * ({@link SharedFile#peek}) and decoded by its layout's descriptor, without attaching to the channel or
 * taking its locks. Kinds without a snapshot decoder yet show their file only.
 */
public final class ShmChannels implements ChannelSource {
    private final Session session;
    private final SessionFiles files;
    private volatile List<LockHolding> holdings = List.of();

    /** Reads the channels of {@code session}. */
    public ShmChannels(Session session) {
        this.session = session;
        this.files = new SessionFiles(session);
    }

    /** Reads every channel; also refreshes {@link #holdings()} from the same snapshots. */
    @Override
    public List<ChannelRow> channels() {
        var out = new ArrayList<ChannelRow>();
        var held = new ArrayList<LockHolding>();
        for (ChannelRow f : files.channels()) {
            ChannelSnapshot s = snapshot(f.kind(), f.name());
            out.add(s == null ? f : SnapshotRows.row(s));
            LockSnapshot l = s instanceof LockSnapshot ls ? ls : s instanceof ValueSnapshot v ? v.lock()
                    : s instanceof ConditionSnapshot c ? c.lock() : null;
            if (l != null && l.ownerPid() != 0) {
                held.add(new LockHolding(f.kind(), f.name(), l.ownerPid()));
            }
            if (s instanceof SemaphoreSnapshot sem) {
                sem.holders().keySet().forEach(pid -> held.add(new LockHolding(f.kind(), f.name(), pid)));
            }
        }
        holdings = List.copyOf(held);
        return out;
    }

    /** Who held which lock at the last {@link #channels()} call. */
    @Override
    public List<LockHolding> holdings() {
        return holdings;
    }

    /** The snapshot of one channel, or null if it has no decoder or cannot be read now. */
    ChannelSnapshot snapshot(String kind, String name) {
        ByteBuffer b;
        try {
            b = SharedFile.peek(session.file(kind, name));
        } catch (RuntimeException e) {
            return null;
        }
        if (b == null) {
            return null;
        }
        try {
            return switch (kind) {
                case "queue" -> QueueDescriptor.snapshot(name, b);
                case "pipe" -> PipeDescriptor.snapshot(name, b);
                case "lock" -> LockCore.snapshot(ChannelKind.LOCK, name, b, HeaderDescriptor.BODY_OFFSET);
                case "rlock" -> LockCore.snapshot(ChannelKind.RLOCK, name, b, HeaderDescriptor.BODY_OFFSET);
                case "value" -> ValueDescriptor.snapshot(ChannelKind.VALUE, name, b);
                case "array" -> ValueDescriptor.snapshot(ChannelKind.ARRAY, name, b);
                case "semaphore" -> SemaphoreSnapshots.read(name, b);
                case "event" -> ProcessEvent.snapshot(name, b);
                case "condition" -> ConditionDescriptor.snapshot(name, b);
                case "barrier" -> ProcessBarrier.snapshot(name, b);
                default -> null;
            };
        } catch (RuntimeException e) {
            return null; // changed shape while we read it: show the file row this time
        }
    }
}
