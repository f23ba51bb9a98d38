package jproc.process.pool;

import java.io.IOException;

import jproc.ipc.codec.MessageRejectedException;
import jproc.process.spawn.ObjectStreams;
import jproc.process.spawn.ValueCodec;
import jproc.process.spawn.WireReader;

/**
 * The parent's reading of a worker's RESULT and ERROR frames. A worker is another process, so what it sends is
 * not trusted: results and exceptions are read through the channels' deserialization allow-list
 * ({@link jproc.ipc.codec.MessageFilter}).
 *
 * <ul>
 *   <li>A refused result fails its task with a {@link MessageRejectedException} naming the class and how to allow
 *       it; the frame was read whole, so the worker and the pool keep working.</li>
 *   <li>A refused exception (for example a library's exception class, or one holding a refused object) arrives as
 *       a {@link RemoteTaskException} rebuilt from the worker's plain-data description: same type name, message
 *       and stack trace, causes included; the refusal is attached as a suppressed exception.</li>
 * </ul>
 */
final class ResultDecoder {
    private ResultDecoder() {
    }

    /** Completes {@code t} from a frame of {@code w} (its type and task id already read). Never throws. */
    static void complete(WorkerHandle w, PendingTask t, int type, WireReader r) {
        try {
            if (type == PoolProtocol.RESULT) {
                t.future.complete(t.kind == PoolProtocol.KIND_MAP ? ValueCodec.readListFromChild(r)
                        : ValueCodec.readFromChild(r));
            } else if (type == PoolProtocol.ERROR) {
                int item = r.getInt();
                t.future.completeExceptionally(failure(w, item < 0 ? -1 : t.offset + item, r));
            } else {
                throw new IOException("unknown frame type " + type);
            }
        } catch (MessageRejectedException e) {
            t.future.completeExceptionally(new MessageRejectedException(e.className(), "a result from "
                    + where(w) + " was refused: " + explain(e) + "; the result was discarded and the pool keeps "
                    + "working", e));
        } catch (IOException | RuntimeException e) {
            t.future.completeExceptionally(new RemoteTaskException("cannot read a result of " + where(w) + ": " + e,
                    e.getClass().getName(), e));
        }
    }

    /** The task's exception: itself if the filter lets it through, else rebuilt from its description. */
    private static Throwable failure(WorkerHandle w, int item, WireReader r) throws IOException {
        byte[] payload = r.getBytes();
        String unserializable = r.getString();
        Throwable t = null;
        MessageRejectedException refused = null;
        if (payload.length > 0) {
            try {
                Object o = ObjectStreams.deserializeFromChild(payload);
                if (o instanceof Throwable) {
                    t = (Throwable) o;
                } else {
                    refused = new MessageRejectedException(null, "the exception of a task is a "
                            + (o == null ? "null" : o.getClass().getName()) + ", not a Throwable", null);
                }
            } catch (MessageRejectedException e) {
                refused = e;
            }
        }
        if (t == null) {
            String note = refused != null
                    ? "[the exception object did not arrive: " + explain(refused) + "]"
                    : "[the exception object did not arrive: the worker could not serialize it: " + unserializable
                            + "]";
            t = RemoteThrowables.rebuild(r, note);
            if (refused != null) {
                t.addSuppressed(refused);
            }
        }
        t.addSuppressed(new RemoteTaskException("raised in " + where(w) + (item >= 0 ? " for item " + item : ""),
                t.getClass().getName(), null));
        return t;
    }

    private static String where(WorkerHandle w) {
        return "pool worker " + w.process.name() + " (pid " + w.process.pid() + ")";
    }

    /** Why the filter refused a stream and what to do, in one sentence. */
    static String explain(MessageRejectedException e) {
        String cls = e.className();
        if (e.getCause() instanceof ClassNotFoundException) {
            return "it names class " + cls + ", which no class loader of this JVM knows (a class defined only in the "
                    + "worker cannot come back)";
        }
        if (cls == null) {
            String m = String.valueOf(e.getMessage());
            int cut = m.indexOf("; the message was discarded");
            return cut > 0 ? m.substring(0, cut) : m; // a limit (depth, size) or a corrupt stream
        }
        return "class " + cls + " is not on the deserialization allow-list (allowed: JDK value types, collections, "
                + "records, enums, exceptions of java.* and jproc.*, classes defined in the session); to receive it, "
                + "start this JVM with -Djproc.codec.allow=" + cls + " (or a package pattern such as pkg.*) or call "
                + "jproc.ipc.codec.MessageFilter.allow(\"" + cls + "\") in it";
    }
}
