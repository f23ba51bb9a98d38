package jproc.process.spawn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;

import jproc.ipc.codec.MessageCodec;
import jproc.ipc.codec.MessageRejectedException;
import jproc.ipc.codec.MessageTags;
import jproc.ipc.session.Session;

/**
 * Java serialization with class lookup through the loader that holds shipped or notebook classes.
 *
 * <p>Trust: {@link #deserialize} reads only what a parent sent to a child it started, on the child's stdin (a pipe
 * only the parent holds). The parent also ships the bytecode the child defines and runs, so that stream is as
 * trusted as the code itself and is not class-filtered (targets may be lambdas and classes of any classpath).
 * Anything going the other way, from a child to its parent (pool results and exceptions), is read with
 * {@link #deserializeFromChild}: the channels' allow-list ({@link jproc.ipc.codec.MessageFilter}).
 */
public final class ObjectStreams {
    private ObjectStreams() {
    }

    /**
     * Serializes one object.
     *
     * @throws java.io.NotSerializableException (as thrown by Java serialization) naming the offending class
     */
    public static byte[] serialize(Object value) throws IOException {
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /**
     * Deserializes one object.
     *
     * @param loader where classes are looked up first; null means the session's user loaders, then the
     *               library's loader
     */
    public static Object deserialize(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        try (var in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return in.readObject();
        }
    }

    /**
     * Deserializes one object that a child sent to this process, through the channels' deserialization filter
     * ({@link jproc.ipc.codec.MessageFilter}: JDK value types, collections, records, enums, exceptions of
     * {@code java.*} and {@code jproc.*}, classes of the session's user loaders, {@code -Djproc.codec.allow};
     * depth at most {@code jproc.codec.maxDepth}). A stream naming any other class is refused before that class
     * is instantiated.
     *
     * @throws MessageRejectedException naming the refused class (or the broken limit) if the filter refuses the
     *                                  stream, or if it is corrupt
     */
    public static Object deserializeFromChild(byte[] bytes) {
        return MessageCodec.decode(MessageTags.SERIALIZED, bytes);
    }

    /** {@link #deserialize} with failures unchecked. */
    public static Object deserializeUnchecked(byte[] bytes, ClassLoader loader) {
        try {
            return deserialize(bytes, loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("class of a copied value not found: " + e.getMessage()
                    + " (is it defined only in the parent and no CodeProvider ships it?)", e);
        }
    }

    /** An object stream that resolves classes through a given loader, then the session's user loaders. */
    static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            String name = desc.getName();
            if (loader != null) {
                try {
                    return Class.forName(name, false, loader);
                } catch (ClassNotFoundException ignored) {
                    // primitives and arrays of primitives: the default handles them
                }
            } else {
                try {
                    return Session.current().resolveClass(name);
                } catch (ClassNotFoundException ignored) {
                    // fall through
                }
            }
            return super.resolveClass(desc);
        }
    }
}
