package jproc.ipc.codec;

import static jproc.ipc.codec.MessageTags.BOOLEAN;
import static jproc.ipc.codec.MessageTags.BOOLEANS;
import static jproc.ipc.codec.MessageTags.BYTE;
import static jproc.ipc.codec.MessageTags.BYTES;
import static jproc.ipc.codec.MessageTags.CHAR;
import static jproc.ipc.codec.MessageTags.CHARS;
import static jproc.ipc.codec.MessageTags.DOUBLE;
import static jproc.ipc.codec.MessageTags.DOUBLES;
import static jproc.ipc.codec.MessageTags.FLOAT;
import static jproc.ipc.codec.MessageTags.FLOATS;
import static jproc.ipc.codec.MessageTags.INT;
import static jproc.ipc.codec.MessageTags.INTS;
import static jproc.ipc.codec.MessageTags.LONG;
import static jproc.ipc.codec.MessageTags.LONGS;
import static jproc.ipc.codec.MessageTags.NULL;
import static jproc.ipc.codec.MessageTags.RAW;
import static jproc.ipc.codec.MessageTags.SERIALIZED;
import static jproc.ipc.codec.MessageTags.SHORT;
import static jproc.ipc.codec.MessageTags.SHORTS;
import static jproc.ipc.codec.MessageTags.STRING;
import static jproc.ipc.codec.MessageTags.isPrimitive;
import static jproc.ipc.codec.MessageTags.name;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import jproc.ipc.session.Session;

/**
 * Turns values into messages and back (format: {@link MessageTags}). Boxed primitives travel as one 8-byte word
 * without allocation on the sending side; strings, byte arrays and primitive arrays are copied as raw bytes;
 * everything else goes through Java serialization, read back through {@link MessageFilter} with classes resolved
 * by {@link Session#resolveClass(String)}.
 *
 * <p>Errors: a value that cannot be serialized fails in the sender ({@link MessageNotSerializableException}); a
 * message that the filter refuses or that is corrupt fails in the receiver ({@link MessageRejectedException})
 * after it was consumed, so the channel keeps working. Stateless and thread-safe.
 */
public final class MessageCodec {
    private static final long MAX_BYTES = Long.getLong("jproc.codec.maxBytes", 512L * 1024 * 1024);

    private MessageCodec() {
    }

    /** The largest message accepted (property {@code jproc.codec.maxBytes}, default 512 MiB). */
    public static long maxMessageBytes() {
        return MAX_BYTES;
    }

    /** The tag of a value that travels as one primitive word (boxed primitive or null), or -1. */
    public static int primitiveTag(Object v) {
        if (v == null) {
            return NULL;
        }
        Class<?> c = v.getClass();
        if (c == Long.class) {
            return LONG;
        } else if (c == Integer.class) {
            return INT;
        } else if (c == Double.class) {
            return DOUBLE;
        } else if (c == Boolean.class) {
            return BOOLEAN;
        } else if (c == Byte.class) {
            return BYTE;
        } else if (c == Short.class) {
            return SHORT;
        } else if (c == Character.class) {
            return CHAR;
        } else if (c == Float.class) {
            return FLOAT;
        }
        return -1;
    }

    /** The word carrying a primitive value of the given tag. */
    public static long primitiveBits(Object v, int tag) {
        return switch (tag) {
            case NULL -> 0L;
            case LONG -> (Long) v;
            case INT -> (Integer) v;
            case DOUBLE -> Double.doubleToRawLongBits((Double) v);
            case BOOLEAN -> ((Boolean) v) ? 1L : 0L;
            case BYTE -> (Byte) v;
            case SHORT -> (Short) v;
            case CHAR -> (Character) v;
            case FLOAT -> Float.floatToRawIntBits((Float) v);
            default -> throw new IllegalArgumentException("not a primitive tag: tag=" + tag);
        };
    }

    /** The value a primitive word stands for. */
    public static Object primitiveValue(int tag, long bits) {
        return switch (tag) {
            case NULL -> null;
            case LONG -> bits;
            case INT -> (int) bits;
            case DOUBLE -> Double.longBitsToDouble(bits);
            case BOOLEAN -> bits != 0;
            case BYTE -> (byte) bits;
            case SHORT -> (short) bits;
            case CHAR -> (char) bits;
            case FLOAT -> Float.intBitsToFloat((int) bits);
            default -> throw new MessageRejectedException(null, "corrupt message: primitive tag " + tag, null);
        };
    }

    /**
     * Encodes a value that is not a boxed primitive.
     *
     * @throws MessageNotSerializableException if the value cannot be sent (nothing is sent)
     * @throws MessageTooLargeException        if it encodes to more than {@link #maxMessageBytes()}
     */
    public static Encoded encode(Object v) {
        Encoded e = encodeRaw(v);
        if (e.bytes().length > MAX_BYTES) {
            throw new MessageTooLargeException(e.bytes().length, MAX_BYTES);
        }
        return e;
    }

    private static Encoded encodeRaw(Object v) {
        if (v instanceof String s) {
            return new Encoded(STRING, s.getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof byte[] b) {
            return new Encoded(BYTES, b.clone());
        } else if (v instanceof int[] a) {
            ByteBuffer b = alloc(a.length, 4);
            b.asIntBuffer().put(a);
            return new Encoded(INTS, b.array());
        } else if (v instanceof long[] a) {
            ByteBuffer b = alloc(a.length, 8);
            b.asLongBuffer().put(a);
            return new Encoded(LONGS, b.array());
        } else if (v instanceof double[] a) {
            ByteBuffer b = alloc(a.length, 8);
            b.asDoubleBuffer().put(a);
            return new Encoded(DOUBLES, b.array());
        } else if (v instanceof float[] a) {
            ByteBuffer b = alloc(a.length, 4);
            b.asFloatBuffer().put(a);
            return new Encoded(FLOATS, b.array());
        } else if (v instanceof short[] a) {
            ByteBuffer b = alloc(a.length, 2);
            b.asShortBuffer().put(a);
            return new Encoded(SHORTS, b.array());
        } else if (v instanceof char[] a) {
            ByteBuffer b = alloc(a.length, 2);
            b.asCharBuffer().put(a);
            return new Encoded(CHARS, b.array());
        } else if (v instanceof boolean[] a) {
            byte[] b = new byte[a.length];
            for (int i = 0; i < a.length; i++) {
                b[i] = (byte) (a[i] ? 1 : 0);
            }
            return new Encoded(BOOLEANS, b);
        }
        int p = primitiveTag(v);
        if (p >= 0) {
            ByteBuffer b = alloc(1, 8);
            b.putLong(0, primitiveBits(v, p));
            return new Encoded(p, b.array());
        }
        return new Encoded(SERIALIZED, serialize(v));
    }

    private static ByteBuffer alloc(long n, int size) {
        long bytes = n * size;
        if (bytes > MAX_BYTES || bytes > Integer.MAX_VALUE - 16) {
            throw new MessageTooLargeException(bytes, MAX_BYTES);
        }
        return ByteBuffer.allocate((int) bytes).order(ByteOrder.nativeOrder());
    }

    private static byte[] serialize(Object v) {
        String type = v.getClass().getName();
        if (!(v instanceof Serializable) && !v.getClass().isRecord()) {
            throw new MessageNotSerializableException(type, "cannot send a value of type " + type
                    + ": it does not implement java.io.Serializable; make it a record or a Serializable class, or "
                    + "send its fields as primitives, strings, arrays or collections", null);
        }
        var out = new ByteArrayOutputStream(256);
        try (var oos = new CheckingOutputStream(out)) {
            oos.writeObject(v);
        } catch (NotSerializableException e) {
            throw new MessageNotSerializableException(type, "cannot send a value of type " + type + ": it refers to a "
                    + e.getMessage() + ", which is not java.io.Serializable; make that class Serializable or mark "
                    + "the field transient", e);
        } catch (RefusedClassException e) {
            throw new MessageNotSerializableException(type, "cannot send a value of type " + type + ": it contains "
                    + e.getMessage() + ", which receivers refuse (deserialization allow-list); use JDK value types, "
                    + "collections, records or classes defined in the notebook, or allow it with "
                    + "-Djproc.codec.allow=<class or package.*>", e);
        } catch (IOException | RuntimeException e) {
            throw new MessageNotSerializableException(type, "cannot send a value of type " + type + ": "
                    + "serialization failed: " + e, e);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a message.
     *
     * @throws MessageRejectedException if the filter refuses it or it is corrupt
     */
    public static Object decode(int tag, byte[] b) {
        if (isPrimitive(tag)) {
            if (tag == NULL) {
                return null;
            }
            if (b.length != 8) {
                throw new MessageRejectedException(null, "corrupt message: " + name(tag) + " of " + b.length + " bytes",
                        null);
            }
            return primitiveValue(tag, ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getLong(0));
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        switch (tag) {
            case STRING:
                return new String(b, StandardCharsets.UTF_8);
            case BYTES:
            case RAW:
                return b;
            case BOOLEANS: {
                boolean[] a = new boolean[b.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = b[i] != 0;
                }
                return a;
            }
            case SHORTS: {
                short[] a = new short[b.length / 2];
                bb.asShortBuffer().get(a);
                return a;
            }
            case CHARS: {
                char[] a = new char[b.length / 2];
                bb.asCharBuffer().get(a);
                return a;
            }
            case INTS: {
                int[] a = new int[b.length / 4];
                bb.asIntBuffer().get(a);
                return a;
            }
            case LONGS: {
                long[] a = new long[b.length / 8];
                bb.asLongBuffer().get(a);
                return a;
            }
            case FLOATS: {
                float[] a = new float[b.length / 4];
                bb.asFloatBuffer().get(a);
                return a;
            }
            case DOUBLES: {
                double[] a = new double[b.length / 8];
                bb.asDoubleBuffer().get(a);
                return a;
            }
            case SERIALIZED:
                return deserialize(b);
            default:
                throw new MessageRejectedException(null, "corrupt message: unknown tag " + tag, null);
        }
    }

    private static Object deserialize(byte[] b) {
        var filter = new MessageFilter(Math.max(MAX_BYTES, b.length), b.length);
        try (var in = new FilteredInputStream(new ByteArrayInputStream(b), filter)) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new MessageRejectedException(e.getMessage(), "message rejected: it names class " + e.getMessage()
                    + ", which no class loader of this process knows; the message was discarded", e);
        } catch (IOException | RuntimeException e) {
            if (filter.reason() != null) {
                String cls = filter.rejectedClass();
                throw new MessageRejectedException(cls, "message rejected by the deserialization filter: "
                        + filter.reason() + "; allowed are primitives, strings, arrays, JDK value types, collections, "
                        + "records, enums and classes defined in the session (add more with -Djproc.codec.allow="
                        + "<class or package.*>); the message was discarded and the channel keeps working", e);
            }
            throw new MessageRejectedException(null, "message rejected: corrupt serialization stream: " + e
                    + "; the message was discarded", e);
        }
    }

    /** Thrown inside serialization when a class would be refused by receivers. */
    private static final class RefusedClassException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedClassException(String className) {
            super(className);
        }
    }

    private static final class CheckingOutputStream extends ObjectOutputStream {
        CheckingOutputStream(ByteArrayOutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) throws IOException {
            if (obj != null && !(obj instanceof Serializable) && obj.getClass().isRecord()) {
                return RecordProxy.of((Record) obj);
            }
            return obj;
        }

        @Override
        protected void annotateClass(Class<?> cl) throws IOException {
            if (!MessageFilter.isAllowed(cl)) {
                throw new RefusedClassException(cl.getName());
            }
        }

        @Override
        protected void annotateProxyClass(Class<?> cl) throws IOException {
            throw new RefusedClassException("proxy class " + cl.getName());
        }
    }

    private static final class FilteredInputStream extends ObjectInputStream {
        FilteredInputStream(ByteArrayInputStream in, MessageFilter filter) throws IOException {
            super(in);
            setObjectInputFilter(filter);
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object obj) throws IOException {
            return obj instanceof RecordProxy p ? p.rebuild() : obj;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Session.current().resolveClass(desc.getName());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc); // primitive type names
            }
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
            throw new InvalidClassException(String.join(",", interfaces), "proxy classes are not allowed in messages");
        }
    }
}
