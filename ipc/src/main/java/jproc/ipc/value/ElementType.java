package jproc.ipc.value;

/** The element types of shared values and arrays, with their size in shared memory and header code. */
public enum ElementType {
    INT(4), LONG(8), DOUBLE(8), BOOLEAN(1), BYTE(1);

    private static final ElementType[] VALUES = values();
    private final int size;

    ElementType(int size) {
        this.size = size;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** Header code. */
    public int code() {
        return ordinal() + 1;
    }

    /** The type with this header code, or null. */
    public static ElementType ofCode(long code) {
        return code >= 1 && code <= VALUES.length ? VALUES[(int) code - 1] : null;
    }

    /** Lower-case Java name ({@code int}, {@code long}...). */
    public String javaName() {
        return name().toLowerCase();
    }
}
