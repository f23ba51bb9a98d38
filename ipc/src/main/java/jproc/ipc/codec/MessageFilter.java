package jproc.ipc.codec;

import java.io.ObjectInputFilter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jproc.ipc.session.Session;

/**
 * The deserialization allow-list for messages. A class may be read if it is (after removing array dimensions)
 * a primitive, an enum, a record, one of the JDK value types (boxed primitives, {@code String},
 * {@code BigInteger}/{@code BigDecimal}, {@code java.time}, the collections and maps of {@code java.util} and
 * {@code java.util.concurrent}, {@code java.util.concurrent.atomic}), an exception of {@code java.*} or of this
 * library ({@code jproc.*}; channel handles are records), a user class of the session
 * ({@link Session#isUserClass(Class)}: classes
 * defined in notebook cells and shipped code), or matches a pattern added with {@link #allow(String)} or the
 * system property {@code jproc.codec.allow}. Nothing else: a stream naming any other class is rejected before
 * that class is instantiated. Streams are also limited in depth, array length, number of references and bytes.
 *
 * <p>One instance filters one stream and remembers what it rejected (for the error message).
 */
public final class MessageFilter implements ObjectInputFilter {
    /** Deepest object graph accepted. */
    /**
     * Deepest object graph accepted (system property {@code jproc.codec.maxDepth}, default 24). Kept low on purpose:
     * a stream of n nested hash sets costs 2^n hash computations to read (the "SerialDOS" stream), so 24 levels
     * cost milliseconds where 100 would never end.
     */
    public static final long MAX_DEPTH = Long.getLong("jproc.codec.maxDepth", 24);
    /** Largest array accepted. */
    public static final long MAX_ARRAY = 256L * 1024 * 1024;
    /** Most object references accepted in one message. */
    public static final long MAX_REFS = 10_000_000;

    private static final Set<String> JDK_CLASSES = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Character",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Number",
            "java.lang.Enum", "java.lang.StackTraceElement", "java.lang.StringBuilder", "java.lang.StringBuffer",
            "java.lang.Object", "java.math.BigInteger", "java.math.BigDecimal", "java.math.MathContext",
            "java.net.URI", "java.util.regex.Pattern");
    private static final Set<String> JDK_PACKAGES = Set.of("java.util", "java.util.concurrent",
            "java.util.concurrent.atomic", "java.util.concurrent.locks", "java.time");
    private static final List<String> PATTERNS = new CopyOnWriteArrayList<>();

    static {
        String prop = System.getProperty("jproc.codec.allow");
        if (prop != null) {
            for (String p : prop.split("[,;\\s]+")) {
                if (!p.isBlank()) {
                    PATTERNS.add(p.trim());
                }
            }
        }
    }

    private final long maxBytes;
    private final long streamLength;
    private String rejectedClass;
    private String reason;

    /** A filter for a stream of unknown length (arrays are bounded by {@link #MAX_ARRAY} only). */
    public MessageFilter(long maxBytes) {
        this(maxBytes, Long.MAX_VALUE);
    }

    /**
     * A filter for a stream of {@code streamLength} bytes: an array whose elements could not fit in the stream is
     * refused before it is allocated (a 35-byte stream claiming 250 million longs would otherwise cost 2 GB).
     */
    public MessageFilter(long maxBytes, long streamLength) {
        this.maxBytes = maxBytes;
        this.streamLength = streamLength;
    }

    /**
     * Allows more classes in this process: {@code com.example.Job} (one class), {@code com.example.*} (a
     * package) or {@code com.example.**} (a package and its sub-packages). Add the same patterns on every
     * process that receives such messages (or pass {@code -Djproc.codec.allow=...}).
     */
    public static void allow(String pattern) {
        if (pattern == null || !pattern.matches("[A-Za-z0-9_$.]+(\\.\\*\\*?)?")) {
            throw new IllegalArgumentException("an allow pattern is a class name, pkg.* or pkg.**: pattern=" + pattern);
        }
        PATTERNS.add(pattern);
    }

    /** True if messages may contain instances of this class. */
    public static boolean isAllowed(Class<?> type) {
        Class<?> c = type;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive() || c.isEnum() || Enum.class.isAssignableFrom(c) || c.isRecord()) {
            return true;
        }
        String n = c.getName();
        if (JDK_CLASSES.contains(n)) {
            return true;
        }
        if (n.startsWith("jproc.ipc.") && AutoCloseable.class.isAssignableFrom(c)) {
            return true; // a channel re-opened from its handle; channels refuse to be read directly
        }
        String pkg = c.getPackageName();
        if (JDK_PACKAGES.contains(pkg) || pkg.startsWith("java.time.")) {
            return true;
        }
        boolean ours = n.startsWith("java.") || n.startsWith("jproc.");
        if (ours && Throwable.class.isAssignableFrom(c)) {
            return true;
        }
        for (String p : PATTERNS) {
            if (matches(p, n, pkg)) {
                return true;
            }
        }
        return Session.current().isUserClass(c);
    }

    private static boolean matches(String pattern, String name, String pkg) {
        if (pattern.endsWith(".**")) {
            String base = pattern.substring(0, pattern.length() - 3);
            return pkg.equals(base) || pkg.startsWith(base + ".");
        }
        if (pattern.endsWith(".*")) {
            return pkg.equals(pattern.substring(0, pattern.length() - 2));
        }
        return name.equals(pattern);
    }

    /** The fewest bytes one element of an array of this component type takes in a serialization stream. */
    private static long minElementBytes(Class<?> component) {
        if (component == long.class || component == double.class) {
            return 8;
        }
        if (component == int.class || component == float.class) {
            return 4;
        }
        if (component == short.class || component == char.class) {
            return 2;
        }
        return 1; // byte, boolean, and a reference (TC_NULL is one byte)
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH) {
            return reject(null, "object graph deeper than " + MAX_DEPTH + " (depth=" + info.depth() + ")");
        }
        if (info.references() > MAX_REFS) {
            return reject(null, "more than " + MAX_REFS + " object references");
        }
        if (info.streamBytes() > maxBytes) {
            return reject(null, "stream longer than " + maxBytes + " bytes");
        }
        if (info.arrayLength() > MAX_ARRAY) {
            return reject(null, "array of " + info.arrayLength() + " elements exceeds " + MAX_ARRAY);
        }
        Class<?> c = info.serialClass();
        if (info.arrayLength() > 0 && c != null && c.isArray()
                && info.arrayLength() > streamLength / minElementBytes(c.getComponentType())) {
            return reject(null, "array of " + info.arrayLength() + " " + c.getComponentType().getName()
                    + " elements claimed by a stream of " + streamLength + " bytes, which cannot hold them");
        }
        if (c == null) {
            return Status.UNDECIDED;
        }
        if (!isAllowed(c)) {
            return reject(c.getName(), "class " + c.getName() + " is not on the allow-list");
        }
        return Status.ALLOWED;
    }

    private Status reject(String className, String why) {
        if (reason == null) {
            rejectedClass = className;
            reason = why;
        }
        return Status.REJECTED;
    }

    /** The class this filter rejected, or null. */
    public String rejectedClass() {
        return rejectedClass;
    }

    /** Why this filter rejected the stream, or null if it did not. */
    public String reason() {
        return reason;
    }
}
