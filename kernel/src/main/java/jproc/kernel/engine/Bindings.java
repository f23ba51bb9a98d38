package jproc.kernel.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands Java objects from the kernel to a JShell snippet that declares a notebook variable; see
 * {@link JShellEngine#declare(String, String, Object)}. Public only because snippet code reads it.
 */
public final class Bindings {
    private static final Map<String, Object> VALUES = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT = new AtomicLong();

    private Bindings() {
    }

    static String put(Object value) {
        String key = "b" + NEXT.incrementAndGet();
        VALUES.put(key, value == null ? NULL : value);
        return key;
    }

    /** Removes and returns a value put by the kernel; called by the declaring snippet. */
    public static Object take(String key) {
        Object v = VALUES.remove(key);
        return v == NULL ? null : v;
    }

    static void discard(String key) {
        VALUES.remove(key);
    }

    private static final Object NULL = new Object();
}
