package jproc.ipc.shm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Atomic access to mapped memory: VarHandles over a {@link ByteBuffer} in native byte order. Every offset used
 * with them must be aligned to the access size (mapped files are page aligned, so aligned offsets suffice).
 */
public final class ShmAccess {
    /** long[] view: getAcquire, setRelease, compareAndSet, getAndAdd on 8-byte aligned offsets. */
    public static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    /** int[] view: same operations on 4-byte aligned offsets. */
    public static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private ShmAccess() {
    }

    /** Rounds {@code n} up to a multiple of 8. */
    public static int align8(int n) {
        return (n + 7) & ~7;
    }

    /** Writes ASCII text NUL-padded into {@code max} bytes (at most max - 1 characters are kept). */
    public static void putAscii(ByteBuffer b, int off, String s, int max) {
        for (int i = 0; i < max; i++) {
            b.put(off + i, i < s.length() && i < max - 1 ? (byte) s.charAt(i) : 0);
        }
    }

    /** Reads NUL-padded ASCII text of at most {@code max} bytes. */
    public static String getAscii(ByteBuffer b, int off, int max) {
        var sb = new StringBuilder();
        for (int i = 0; i < max; i++) {
            byte c = b.get(off + i);
            if (c == 0) {
                break;
            }
            sb.append((char) (c & 0x7f));
        }
        return sb.toString();
    }
}
