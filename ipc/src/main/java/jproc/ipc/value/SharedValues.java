package jproc.ipc.value;

import jproc.ipc.ChannelHandle;
import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelLayoutException;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.sync.ProcessRLock;

/** Re-opening shared values, arrays and their built-in locks from handles. */
public final class SharedValues {
    private SharedValues() {
    }

    /** Re-opens what a value or array handle names: the value itself, or its built-in lock. */
    public static Object reopen(ChannelHandle h) {
        ElementType type = ElementType.ofCode(h.param(0));
        if (type == null) {
            throw new ChannelLayoutException("handle names an unknown element type: " + h);
        }
        if (h.param(SharedCells.HANDLE_LOCK_VIEW) != 0) {
            SharedFile f = SharedCells.file(h.kind(), h.name(), type, (int) h.param(1), true, null);
            return ProcessRLock.embedded(f, ValueDescriptor.LOCK_OFFSET, h.kind(),
                    new ChannelHandle(h.kind(), h.name(), h.params()));
        }
        boolean array = h.kind() == ChannelKind.ARRAY;
        return switch (type) {
            case INT -> array ? SharedIntArray.reopen(h) : SharedInt.reopen(h);
            case LONG -> array ? SharedLongArray.reopen(h) : SharedLong.reopen(h);
            case DOUBLE -> array ? SharedDoubleArray.reopen(h) : SharedDouble.reopen(h);
            case BOOLEAN -> array ? SharedBooleanArray.reopen(h) : SharedBoolean.reopen(h);
            case BYTE -> array ? SharedByteArray.reopen(h) : SharedByte.reopen(h);
        };
    }
}
