package jproc.process.pool;

import java.io.EOFException;
import java.util.IdentityHashMap;
import java.util.Map;

import jproc.process.spawn.WireReader;
import jproc.process.spawn.WireWriter;

/**
 * A task's exception as plain data (type name, message, stack frames, for it and each cause), sent by the worker
 * next to the serialized exception. The parent uses it when the serialized form cannot be read back: its class
 * is refused by the deserialization filter (or unknown in the parent), or the exception could not be serialized.
 *
 * <pre>
 *   int levels, then per level (the exception, its cause, ...):
 *     str type | str message (or null) | int frames | (str class | str method | str file (or null) | int line)*
 * </pre>
 */
final class RemoteThrowables {
    /** Most causes described; a longer (or cyclic) chain is cut. */
    static final int MAX_LEVELS = 16;
    /** Most stack frames described per level. */
    static final int MAX_FRAMES = 1024;

    private RemoteThrowables() {
    }

    /** Writes the description of {@code t} and its causes (worker side). */
    static void describe(WireWriter w, Throwable t) {
        int at = w.size();
        w.putInt(0);
        int levels = 0;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable c = t; c != null && levels < MAX_LEVELS && seen.put(c, Boolean.TRUE) == null; c = c.getCause()) {
            w.putString(c.getClass().getName());
            String message;
            try {
                message = c.getMessage();
            } catch (RuntimeException e) {
                message = "(getMessage() failed: " + e + ")";
            }
            w.putString(message);
            StackTraceElement[] frames = c.getStackTrace();
            int n = Math.min(frames.length, MAX_FRAMES);
            w.putInt(n);
            for (int i = 0; i < n; i++) {
                StackTraceElement f = frames[i];
                w.putString(f.getClassName()).putString(f.getMethodName()).putString(f.getFileName())
                        .putInt(f.getLineNumber());
            }
            levels++;
        }
        w.setInt(at, levels);
    }

    /**
     * Rebuilds a description as a chain of {@link RemoteTaskException}s (parent side), each with the remote type
     * name, message and stack trace.
     *
     * @param note appended to the outermost message (why the exception itself did not arrive)
     * @throws EOFException if the frame holds no (or a truncated) description
     */
    static RemoteTaskException rebuild(WireReader in, String note) throws EOFException {
        int levels = in.getInt();
        if (levels < 1 || levels > MAX_LEVELS) {
            throw new EOFException("corrupt exception description: " + levels + " levels");
        }
        String[] types = new String[levels];
        String[] messages = new String[levels];
        StackTraceElement[][] traces = new StackTraceElement[levels][];
        for (int l = 0; l < levels; l++) {
            types[l] = in.getString();
            messages[l] = in.getString();
            int n = in.getInt();
            if (n < 0 || n > MAX_FRAMES) {
                throw new EOFException("corrupt exception description: " + n + " frames");
            }
            traces[l] = new StackTraceElement[n];
            for (int i = 0; i < n; i++) {
                String cls = in.getString();
                String method = in.getString();
                String file = in.getString();
                traces[l][i] = new StackTraceElement(String.valueOf(cls), String.valueOf(method), file, in.getInt());
            }
        }
        RemoteTaskException cause = null;
        for (int l = levels - 1; l >= 0; l--) {
            String text = types[l] + (messages[l] != null ? ": " + messages[l] : "");
            var e = new RemoteTaskException(l == 0 ? text + " " + note : text, types[l], cause);
            e.setStackTrace(traces[l]);
            cause = e;
        }
        return cause;
    }
}
