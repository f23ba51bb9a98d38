package jproc.process.spawn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Compact encoding of values: primitives, boxed primitives, strings and lists of them without Java
 * serialization; anything else as one Java-serialized blob. Lists of one boxed type (10 000 Integers) are
 * written as a primitive run, so a pool's items cost a few bytes each.
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

    /** Reads one value; classes of serialized values are looked up through {@code loader} first. */
    public static Object read(WireReader in, ClassLoader loader) throws IOException, ClassNotFoundException {
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
                return ObjectStreams.deserialize(in.getBytes(), loader);
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

    /** Reads a list written by {@link #writeList}. */
    public static List<Object> readList(WireReader in, ClassLoader loader) throws IOException, ClassNotFoundException {
        int tag = in.getByte();
        if (tag == LIST_SERIAL) {
            @SuppressWarnings("unchecked")
            var list = (List<Object>) ObjectStreams.deserialize(in.getBytes(), loader);
            return list;
        }
        int n = in.getInt();
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
                    list.add(read(in, loader));
                }
                break;
            default:
                throw new IOException("unknown list tag " + tag + " (parent and child run different JProc versions?)");
        }
        return list;
    }
}
