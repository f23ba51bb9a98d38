package jproc.magics.state;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;

import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.sync.SemaphoreSnapshot;

/**
 * Decodes a semaphore file. The IPC library has the decoder but does not export it as a public static (unlike
 * the other kinds' descriptors); until it does, it is reached here, read-only, and a missing decoder makes the
 * semaphore show its file row only.
 */
final class SemaphoreSnapshots {
    private static final Method DECODER = find();

    private SemaphoreSnapshots() {
    }

    private static Method find() {
        try {
            Method m = Class.forName("jproc.ipc.sync.SemaphoreCore").getDeclaredMethod("snapshot", String.class,
                    ByteBuffer.class, int.class);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The semaphore's snapshot, or null if it cannot be decoded. */
    static SemaphoreSnapshot read(String name, ByteBuffer b) {
        if (DECODER == null) {
            return null;
        }
        try {
            return (SemaphoreSnapshot) DECODER.invoke(null, name, b, HeaderDescriptor.BODY_OFFSET);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
