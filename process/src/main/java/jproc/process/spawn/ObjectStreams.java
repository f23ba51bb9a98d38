package jproc.process.spawn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;

import jproc.ipc.session.Session;

/**
 * Java serialization with class lookup through the loader that holds shipped or notebook classes. Used only
 * between a parent and the children it started (authenticated by the pipes it owns).
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
