package jproc.ipc.codec;

/**
 * The wire format of one message: a tag (int) and a payload of {@code length} bytes, in native byte order.
 *
 * <pre>
 *   tag            payload
 *   NULL      0    (none)
 *   BOOLEAN   1    8 bytes, 0 or 1          (all primitives travel as one 8-byte word)
 *   BYTE      2    8 bytes
 *   SHORT     3    8 bytes
 *   CHAR      4    8 bytes
 *   INT       5    8 bytes
 *   LONG      6    8 bytes
 *   FLOAT     7    8 bytes, raw int bits
 *   DOUBLE    8    8 bytes, raw long bits
 *   STRING    9    UTF-8 bytes
 *   BYTES    10    the bytes of a byte[]
 *   BOOLEANS 11    one byte per element, 0 or 1
 *   SHORTS   12 .. DOUBLES 17: the elements of short[], char[], int[], long[], float[], double[]
 *   SERIALIZED 20  a Java serialization stream, read through {@link MessageFilter}
 *   RAW      21    bytes sent with {@code sendBytes}: received as byte[] by {@code recv}
 * </pre>
 *
 * Channels that store messages add their own framing (see {@code RingDescriptor}).
 */
public final class MessageTags {
    public static final int NULL = 0;
    public static final int BOOLEAN = 1;
    public static final int BYTE = 2;
    public static final int SHORT = 3;
    public static final int CHAR = 4;
    public static final int INT = 5;
    public static final int LONG = 6;
    public static final int FLOAT = 7;
    public static final int DOUBLE = 8;
    public static final int STRING = 9;
    public static final int BYTES = 10;
    public static final int BOOLEANS = 11;
    public static final int SHORTS = 12;
    public static final int CHARS = 13;
    public static final int INTS = 14;
    public static final int LONGS = 15;
    public static final int FLOATS = 16;
    public static final int DOUBLES = 17;
    public static final int SERIALIZED = 20;
    public static final int RAW = 21;
    /** Tags below this value carry one 8-byte primitive word (or nothing, for NULL). */
    public static final int PRIMITIVE_LIMIT = 9;

    private MessageTags() {
    }

    /** True for tags whose payload is one 8-byte word (or empty for NULL). */
    public static boolean isPrimitive(int tag) {
        return tag >= 0 && tag < PRIMITIVE_LIMIT;
    }

    /** A readable name of a tag. */
    public static String name(int tag) {
        return switch (tag) {
            case NULL -> "null";
            case BOOLEAN -> "boolean";
            case BYTE -> "byte";
            case SHORT -> "short";
            case CHAR -> "char";
            case INT -> "int";
            case LONG -> "long";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case STRING -> "String";
            case BYTES -> "byte[]";
            case BOOLEANS -> "boolean[]";
            case SHORTS -> "short[]";
            case CHARS -> "char[]";
            case INTS -> "int[]";
            case LONGS -> "long[]";
            case FLOATS -> "float[]";
            case DOUBLES -> "double[]";
            case SERIALIZED -> "serialized object";
            case RAW -> "raw bytes";
            default -> "unknown tag " + tag;
        };
    }
}
