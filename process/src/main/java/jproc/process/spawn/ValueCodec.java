package jproc.process.spawn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Compact encoding of values: primitives, boxed primitives, strings and lists of them without Java
 * serialization; anything else as one Java-serialized blob. Lists of one boxed type (10 000 Integers) are
 * written as a primitive run, so a pool's items cost a few bytes each.
 *
 * <p>Two ways to read: {@link #read}/{@link #readList} for what a parent sent to its child (trusted, see
 * {@link ObjectStreams}), and {@link #readFromChild}/{@link #readListFromChild} for what a child sent to its
 * parent, whose Java-serialized blobs pass the channels' allow-list filter.
 */
public final class ValueCodec {
    static final byte NULL = 0;
    static final byte INT = 1;
    static final byte LONG = 2;
    static final byte DOUBLE = 3;
    static final byte BOOL = 4;
    static final byte STRING = 5;
    static final byte BYTES = 6;
    static final byte SERIAL = 7;
    static final byte LIST_INT = 20;
    static final byte LIST_LONG = 21;
    static final byte LIST_DOUBLE = 22;
    static final byte LIST_STRING = 23;
    static final byte LIST_MIXED = 24;
    static final byte LIST_SERIAL = 25;

    private ValueCodec() {
    }

    /**
     * Writes one value.
     *
     * @throws IOException (a {@link java.io.NotSerializableException}) if the value needs Java serialization and
     *                     is not serializable
     */
    public static void write(WireWriter out, Object v) throws IOException {
        if (v == null) {
            out.putByte(NULL);
        } else if (v instanceof Integer) {
            out.putByte(INT).putInt((Integer) v);
        } else if (v instanceof Long) {
            out.putByte(LONG).putLong((Long) v);
        } else if (v instanceof Double) {
            out.putByte(DOUBLE).putLong(Double.doubleToRawLongBits((Double) v));
        } else if (v instanceof Boolean) {
            out.putByte(BOOL).putBoolean((Boolean) v);
        } else if (v instanceof String) {
            out.putByte(STRING).putString((String) v);
        } else if (v instanceof byte[]) {
            out.putByte(BYTES).putBytes((byte[]) v);
        } else {
            out.putByte(SERIAL).putBytes(ObjectStreams.serialize(v));
        }
    }

    /**
     * Reads one value sent by this process's parent; classes of serialized values are looked up through
     * {@code loader} first.
     */
    public static Object read(WireReader in, ClassLoader loader) throws IOException, ClassNotFoundException {
        return read(in, loader, false);
    }

    /**
     * Reads one value sent by a child: a serialized value passes the deserialization allow-list.
     *
     * @throws jproc.ipc.codec.MessageRejectedException naming the class if the filter refuses the value
     * @throws IOException                              if the bytes are not a value (corrupt frame)
     */
    public static Object readFromChild(WireReader in) throws IOException {
        try {
            return read(in, null, true);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("unreachable: filtered reads report unknown classes as rejected", e);
        }
    }

    private static Object read(WireReader in, ClassLoader loader, boolean filtered)
            throws IOException, ClassNotFoundException {
        int tag = in.getByte();
        switch (tag) {
            case NULL:
                return null;
            case INT:
                return in.getInt();
            case LONG:
                return in.getLong();
            case DOUBLE:
                return Double.longBitsToDouble(in.getLong());
            case BOOL:
                return in.getBoolean();
            case STRING:
                return in.getString();
            case BYTES:
                return in.getBytes();
            case SERIAL:
                return blob(in.getBytes(), loader, filtered);
            default:
                throw new IOException("unknown value tag " + tag + " (parent and child run different JProc versions?)");
        }
    }

    /** Writes a list; see the class comment for the compact forms. */
    public static void writeList(WireWriter out, Collection<?> items) throws IOException {
        int n = items.size();
        Class<?> common = commonType(items);
        if (common == Integer.class) {
            out.putByte(LIST_INT).putInt(n);
            for (Object o : items) {
                out.putInt((Integer) o);
            }
        } else if (common == Long.class) {
            out.putByte(LIST_LONG).putInt(n);
            for (Object o : items) {
                out.putLong((Long) o);
            }
        } else if (common == Double.class) {
            out.putByte(LIST_DOUBLE).putInt(n);
            for (Object o : items) {
                out.putLong(Double.doubleToRawLongBits((Double) o));
            }
        } else if (common == String.class) {
            out.putByte(LIST_STRING).putInt(n);
            for (Object o : items) {
                out.putString((String) o);
            }
        } else if (common == Object.class) {
            out.putByte(LIST_SERIAL).putBytes(ObjectStreams.serialize(new ArrayList<>(items)));
        } else {
            out.putByte(LIST_MIXED).putInt(n);
            for (Object o : items) {
                write(out, o);
            }
        }
    }

    /** Null for mixed simple values, Object.class if any needs Java serialization, else the one common type. */
    private static Class<?> commonType(Collection<?> items) {
        Class<?> common = null;
        boolean mixed = false;
        for (Object o : items) {
            Class<?> c = o == null ? null : o.getClass();
            if (c != Integer.class && c != Long.class && c != Double.class && c != String.class
                    && c != Boolean.class && c != byte[].class && c != null) {
                return Object.class;
            }
            if (common == null && !mixed) {
                common = c;
                mixed = c == null;
            } else if (c != common) {
                mixed = true;
            }
        }
        if (mixed || common == Boolean.class || common == byte[].class) {
            return null;
        }
        return common == null ? Integer.class : common;
    }

    private static Object blob(byte[] b, ClassLoader loader, boolean filtered)
            throws IOException, ClassNotFoundException {
        return filtered ? ObjectStreams.deserializeFromChild(b) : ObjectStreams.deserialize(b, loader);
    }

    /** Reads a list written by {@link #writeList} and sent by this process's parent. */
    public static List<Object> readList(WireReader in, ClassLoader loader) throws IOException, ClassNotFoundException {
        return readList(in, loader, false);
    }

    /**
     * Reads a list written by {@link #writeList} and sent by a child: serialized parts pass the deserialization
     * allow-list.
     *
     * @throws jproc.ipc.codec.MessageRejectedException naming the class if the filter refuses an element
     * @throws IOException                              if the bytes are not a list (corrupt frame)
     */
    public static List<Object> readListFromChild(WireReader in) throws IOException {
        try {
            return readList(in, null, true);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("unreachable: filtered reads report unknown classes as rejected", e);
        }
    }

    private static List<Object> readList(WireReader in, ClassLoader loader, boolean filtered)
            throws IOException, ClassNotFoundException {
        int tag = in.getByte();
        if (tag == LIST_SERIAL) {
            Object o = blob(in.getBytes(), loader, filtered);
            if (!(o instanceof List)) {
                throw new IOException("corrupt list: a serialized " + (o == null ? "null" : o.getClass().getName())
                        + " where a list was expected");
            }
            @SuppressWarnings("unchecked")
            var list = (List<Object>) o;
            return list;
        }
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            // every element takes at least one byte: a larger count is a corrupt (or hostile) frame, not a reason to
            // allocate a list of that size
            throw new IOException("corrupt list: " + n + " elements in " + in.remaining() + " bytes");
        }
        var list = new ArrayList<Object>(n);
        switch (tag) {
            case LIST_INT:
                for (int i = 0; i < n; i++) {
                    list.add(in.getInt());
                }
                break;
            case LIST_LONG:
                for (int i = 0; i < n; i++) {
                    list.add(in.getLong());
                }
                break;
            case LIST_DOUBLE:
                for (int i = 0; i < n; i++) {
                    list.add(Double.longBitsToDouble(in.getLong()));
                }
                break;
            case LIST_STRING:
                for (int i = 0; i < n; i++) {
                    list.add(in.getString());
                }
                break;
            case LIST_MIXED:
                for (int i = 0; i < n; i++) {
                    list.add(read(in, loader, filtered));
                }
                break;
            default:
                throw new IOException("unknown list tag " + tag + " (parent and child run different JProc versions?)");
        }
        return list;
    }
}
