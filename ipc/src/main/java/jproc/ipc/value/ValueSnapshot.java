package jproc.ipc.value;

import java.util.List;

import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelSnapshot;
import jproc.ipc.sync.LockSnapshot;

/**
 * A shared value's or array's contents and lock state, read without locking.
 *
 * @param kind     value or array
 * @param name     the name
 * @param type     element type
 * @param length   number of elements (1 for a value)
 * @param values   the first {@link ValueDescriptor#SNAPSHOT_ELEMENTS} elements, boxed
 * @param lock     the built-in lock's state, or null if created without a lock
 */
public record ValueSnapshot(ChannelKind kind, String name, ElementType type, int length, List<Object> values,
                            LockSnapshot lock) implements ChannelSnapshot {
    @Override
    public String summary() {
        String v = kind == ChannelKind.VALUE && !values.isEmpty() ? String.valueOf(values.get(0))
                : values + (length > values.size() ? "..." : "");
        return kind.word() + " " + name + " (" + type.javaName() + (kind == ChannelKind.ARRAY ? "[" + length + "]" : "")
                + ") = " + v + (lock == null ? "" : "; lock " + (lock.ownerPid() == 0 ? "free" : "held by pid "
                + lock.ownerPid()) + ", " + lock.waiters().size() + " waiting");
    }
}
