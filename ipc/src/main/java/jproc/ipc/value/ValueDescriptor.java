package jproc.ipc.value;

import static jproc.ipc.shm.ShmAccess.INTS;
import static jproc.ipc.shm.ShmAccess.LONGS;

import java.nio.ByteBuffer;
import java.util.ArrayList;

import jproc.ipc.ChannelKind;
import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.sync.LockCore;
import jproc.ipc.sync.LockDescriptor;

/**
 * Layout of a shared value file {@code jproc-<session>-value-<name>} or array file
 * {@code jproc-<session>-array-<name>}.
 *
 * <pre>
 *   0      common header (HeaderDescriptor); parameters: [0] element type code, [1] length, [2] has lock (1/0),
 *          [3] layout
 *   4096   built-in re-entrant lock (LockDescriptor, 256 bytes; unused without a lock)
 *   4352   change counter (long, statistics)
 *   4480   elements: length x size (int 4, long 8, double 8 as raw bits, boolean 1 as 0/1, byte 1)
 * </pre>
 *
 * Elements are read and written with volatile semantics; int and long elements use the processor's atomic
 * add and compare-and-set, double elements a compare-and-set loop on their bits, byte and boolean elements a
 * compare-and-set loop on the aligned int that contains them.
 */
public final class ValueDescriptor {
    public static final int LAYOUT = 1;
    public static final int PARAM_TYPE = 0;
    public static final int PARAM_LENGTH = 1;
    public static final int PARAM_LOCK = 2;
    public static final int LOCK_OFFSET = HeaderDescriptor.BODY_OFFSET;
    public static final int DATA_OFFSET = LOCK_OFFSET + LockDescriptor.BYTES;
    public static final int SNAPSHOT_ELEMENTS = 64;
    public static final int MAX_LENGTH = 1 << 27;

    private ValueDescriptor() {
    }

    /** Body bytes for {@code length} elements of {@code type}. */
    public static long bodyBytes(ElementType type, int length) {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("a shared array holds 1.." + MAX_LENGTH + " elements: length=" + length);
        }
        return (DATA_OFFSET - HeaderDescriptor.BODY_OFFSET) + (((long) length * type.size() + 7) & ~7L);
    }

    /** Checks a value or array mapping; null if valid, else the broken rule with the values. */
    public static String validate(ByteBuffer b) {
        long code = (long) LONGS.get(b, HeaderDescriptor.paramOffset(PARAM_TYPE));
        long length = (long) LONGS.get(b, HeaderDescriptor.paramOffset(PARAM_LENGTH));
        ElementType type = ElementType.ofCode(code);
        if (type == null) {
            return "unknown element type code: type=" + code;
        }
        if (length < 1 || length > MAX_LENGTH) {
            return "length must be in [1, " + MAX_LENGTH + "]: length=" + length;
        }
        return SharedFile.checkBodyLength(b, bodyBytes(type, (int) length));
    }

    /** Reads element {@code i} boxed. */
    public static Object element(ByteBuffer b, ElementType type, int i) {
        int at = DATA_OFFSET + i * type.size();
        return switch (type) {
            case INT -> (int) INTS.getVolatile(b, at);
            case LONG -> (long) LONGS.getVolatile(b, at);
            case DOUBLE -> Double.longBitsToDouble((long) LONGS.getVolatile(b, at));
            case BOOLEAN -> b.get(at) != 0;
            case BYTE -> b.get(at);
        };
    }

    /** Reads a value's or array's state without locking. */
    public static ValueSnapshot snapshot(ChannelKind kind, String name, ByteBuffer b) {
        String problem = validate(b);
        if (problem != null) {
            throw new jproc.ipc.ChannelLayoutException(kind.word() + " '" + name + "': " + problem);
        }
        ElementType type = ElementType.ofCode((long) LONGS.get(b, HeaderDescriptor.paramOffset(PARAM_TYPE)));
        int length = (int) (long) LONGS.get(b, HeaderDescriptor.paramOffset(PARAM_LENGTH));
        boolean lock = (long) LONGS.get(b, HeaderDescriptor.paramOffset(PARAM_LOCK)) != 0;
        var values = new ArrayList<Object>();
        for (int i = 0; i < Math.min(length, SNAPSHOT_ELEMENTS); i++) {
            values.add(element(b, type, i));
        }
        return new ValueSnapshot(kind, name, type, length, values,
                lock ? LockCore.snapshot(kind, name, b, LOCK_OFFSET) : null);
    }
}
