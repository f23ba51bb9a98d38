package jproc.ipc.trace;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Records this process's events. Per-channel counters per event kind, and the blocked-on status of
 * each thread. (Backed by process memory; the shared-memory form readable by other processes is
 * described in {@code TraceDescriptor} once present.)
 */
public class TraceRecorder {
    private final long pid = ProcessHandle.current().pid();
    private volatile String blockedOn;

    static TraceRecorder forThisProcess() {
        return new TraceRecorder();
    }

    /** The process id this recorder belongs to. */
    public long pid() {
        return pid;
    }

    /** What a thread of this process waits for right now, or null. */
    public String blockedOn() {
        return blockedOn;
    }

    TraceChannel channel(String kind, String name) {
        return new Counting(kind, name);
    }

    private final class Counting implements TraceChannel {
        private final String kind;
        private final String name;
        private final AtomicLongArray counts = new AtomicLongArray(TraceEvent.values().length);

        Counting(String kind, String name) {
            this.kind = kind;
            this.name = name;
        }

        @Override
        public void event(TraceEvent event) {
            if (Trace.enabled()) {
                counts.getAndIncrement(event.ordinal());
            }
        }

        @Override
        public void blocked(TraceEvent op) {
            blockedOn = op.name().toLowerCase() + " " + kind + " " + name;
        }

        @Override
        public void unblocked() {
            blockedOn = null;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
