package jproc.process.spawn;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.lang.invoke.SerializedLambda;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jproc.process.CodeSnapshot;
import jproc.process.NotCopyableException;
import jproc.process.StaticValue;

/**
 * Both halves of the spawn protocol between a parent and the child agent it launched.
 *
 * <pre>
 *  parent                                   child (jproc.process.agent.ChildAgent)
 *  ------                                   -----
 *  java [opts] -cp CP ChildAgent [--spare]  boots; a spare also warms its code paths, then
 *  &lt;------ stderr: READY line (spares)      writes READY; the parent hands out ready spares only
 *  stdin:  frame SPAWN ------------------&gt;  reads it, defines shipped classes, restores statics,
 *                                           builds the target, runs it
 *  stdin:  (pool workers: task frames) --&gt;  one reader thread; EOF on stdin = parent died: halt
 *  &lt;------ stdout, stderr: user lines      pumped line by line by the parent
 *  &lt;------ stderr: EXIT MARKER LINE        last line: how the child ended (see below)
 * </pre>
 *
 * <p>A frame is a 4-byte big-endian length and that many bytes; the first byte is the frame type. The SPAWN
 * frame, after its type byte:
 *
 * <pre>
 *  int version | str secret | str name | str identity | long parentPid | str parentName | bool daemon
 *  int n, str classpath entry * n
 *  int n, (str binaryName, bytes classFile) * n
 *  int n, (str className, str field, value) * n          values in {@link ValueCodec} form
 *  byte targetKind
 *    TARGET_LAMBDA: byte arity (0 run, 1 accept(a), 2 accept(a, b)) | str name of the process class
 *                   | lambda parts ({@link LambdaShipping}) | list args ({@link ValueCodec})
 *    TARGET_OBJECT: bytes = the Java-serialized {@code ChildProcess} (a subclass, or a non-lambda target)
 * </pre>
 *
 * <p>Strings are length-prefixed UTF-8 ({@link WireWriter}). The exit marker is one line written to the raw
 * stderr of the child just before it exits: {@code "\0jproc-exit " + secret + " " + kind + " " + number};
 * kind {@code exit} means the JVM exits on its own account (the number is the code if the agent knows it, else
 * -1), kind {@code signal} means it ends because of that signal number. No marker means the JVM was killed
 * (SIGKILL, a crash, {@code Runtime.halt}). The secret (random per child, sent only on the child's private
 * stdin) keeps user output from forging a marker.
 */
public final class SpawnProtocol {
    /** Protocol version; parent and child come from the same jar, this guards against stale agents. */
    public static final int VERSION = 1;
    /** Largest frame accepted (256 MiB). */
    public static final int MAX_FRAME = 256 << 20;
    /** Frame type: start the target. */
    public static final byte SPAWN = 1;
    /** Frame types from this value up belong to the pool protocol. */
    public static final byte FIRST_POOL_FRAME = 16;
    /** Target kind: a lambda shipped as its parts. */
    public static final byte TARGET_LAMBDA = 1;
    /** Target kind: a Java-serialized process object. */
    public static final byte TARGET_OBJECT = 2;
    /** The line a warm spare writes on its stderr when it has warmed up and waits for its SPAWN frame. */
    public static final String READY = "\0jproc-ready";
    /** Start of the exit marker line (after the leading NUL). */
    public static final String MARKER = "\0jproc-exit ";

    private SpawnProtocol() {
    }

    // ------------------------------------------------------------------------------------------ parent half

    /** What the parent knows about the child it starts. */
    public record Header(String secret, String name, String identity, long parentPid, String parentName,
                         boolean daemon, List<String> classpath) {
    }

    /**
     * Encodes a SPAWN frame body (without the length prefix) for a lambda target.
     *
     * @throws NotCopyableException if a static, a captured value or an argument cannot be copied
     */
    public static byte[] encodeLambda(Header h, CodeSnapshot code, int arity, String processClass,
                                      SerializedLambda lambda, List<?> args) {
        WireWriter w = header(h, code);
        try {
            w.putByte(TARGET_LAMBDA).putByte(arity).putString(processClass);
            LambdaShipping.write(w, lambda);
            writeArgs(w, args);
        } catch (IOException e) {
            throw new NotCopyableException("the target", lambda.getImplMethodName(), e.toString(), e);
        }
        return w.toByteArray();
    }

    /** Encodes a SPAWN frame body whose target is a Java-serialized process object (already serialized). */
    public static byte[] encodeObject(Header h, CodeSnapshot code, byte[] serializedProcess) {
        WireWriter w = header(h, code);
        w.putByte(TARGET_OBJECT).putBytes(serializedProcess);
        return w.toByteArray();
    }

    private static void writeArgs(WireWriter w, List<?> args) throws IOException {
        w.putInt(args.size());
        for (int i = 0; i < args.size(); i++) {
            Object v = args.get(i);
            try {
                ValueCodec.write(w, v);
            } catch (NotSerializableException e) {
                throw new NotCopyableException("argument " + (i + 1), v.getClass().getName(),
                        "it holds a " + e.getMessage() + ", which is not Serializable", e);
            }
        }
    }

    private static WireWriter header(Header h, CodeSnapshot code) {
        WireWriter w = new WireWriter(4096);
        w.putInt(0); // frame length, set below
        w.putByte(SPAWN).putInt(VERSION).putString(h.secret()).putString(h.name()).putString(h.identity())
                .putLong(h.parentPid()).putString(h.parentName()).putBoolean(h.daemon());
        w.putInt(h.classpath().size());
        for (String e : h.classpath()) {
            w.putString(e);
        }
        w.putInt(code.classes().size());
        for (var e : code.classes().entrySet()) {
            w.putString(e.getKey()).putBytes(e.getValue());
        }
        w.putInt(code.statics().size());
        for (StaticValue s : code.statics()) {
            w.putString(s.className()).putString(s.field());
            try {
                ValueCodec.write(w, s.value());
            } catch (NotSerializableException e) {
                throw new NotCopyableException("variable " + s.field() + " (static field of " + s.className() + ")",
                        s.value().getClass().getName(), "it holds a " + e.getMessage() + ", which is not Serializable",
                        e);
            } catch (ObjectStreamException e) {
                throw new NotCopyableException("variable " + s.field(), s.value().getClass().getName(),
                        e.toString(), e);
            } catch (IOException e) {
                throw new IllegalStateException("cannot encode variable " + s.field(), e);
            }
        }
        return w;
    }

    /** Turns an encoded body into a frame: fills in the length prefix. */
    public static byte[] frame(byte[] encoded) {
        int len = encoded.length - 4;
        encoded[0] = (byte) (len >>> 24);
        encoded[1] = (byte) (len >>> 16);
        encoded[2] = (byte) (len >>> 8);
        encoded[3] = (byte) len;
        return encoded;
    }

    /** Parses an exit marker line; returns null if {@code line} holds none for this secret. */
    public static ExitReport parseMarker(String line, String secret) {
        int at = line.indexOf(MARKER);
        if (at < 0 || !line.startsWith(secret + " ", at + MARKER.length())) {
            return null;
        }
        String[] parts = line.substring(at + MARKER.length() + secret.length() + 1).trim().split(" ");
        try {
            int n = Integer.parseInt(parts[1]);
            return new ExitReport("signal".equals(parts[0]), n, line.substring(0, at));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * What the exit marker said.
     *
     * @param signal true if the child ends because of signal {@code number}
     * @param number the signal number, or the exit code (-1 if the agent did not know it)
     * @param before user text printed on the same line before the marker (a line without newline)
     */
    public record ExitReport(boolean signal, int number, String before) {
    }

    // ------------------------------------------------------------------------------------------- child half

    /** The marker line the child writes, as bytes. */
    public static byte[] marker(String secret, boolean signal, int number) {
        String s = MARKER + secret + (signal ? " signal " : " exit ") + number + "\n";
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A SPAWN frame being read by the child, in the order the fields must be consumed. */
    public static final class Incoming {
        private final WireReader in;
        /** The random secret of the exit marker. */
        public final String secret;
        /** The child's name. */
        public final String name;
        /** The child's identity ({@code 3}, {@code 2:1}). */
        public final String identity;
        /** The parent's pid. */
        public final long parentPid;
        /** The parent's name. */
        public final String parentName;
        /** The daemon flag. */
        public final boolean daemon;
        /** The parent's effective classpath. */
        public final List<String> classpath;
        /** Shipped class files by binary name. */
        public final Map<String, byte[]> classes;

        /** Reads the header and the classes of a SPAWN frame. */
        public Incoming(byte[] frame) throws IOException {
            in = new WireReader(frame);
            int type = in.getByte();
            if (type != SPAWN) {
                throw new IOException("expected a SPAWN frame, got type " + type);
            }
            int version = in.getInt();
            if (version != VERSION) {
                throw new IOException("spawn protocol version " + version + " from the parent, this agent speaks "
                        + VERSION + ": parent and child must use the same JProc jar");
            }
            secret = in.getString();
            name = in.getString();
            identity = in.getString();
            parentPid = in.getLong();
            parentName = in.getString();
            daemon = in.getBoolean();
            int n = in.getInt();
            classpath = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                classpath.add(in.getString());
            }
            n = in.getInt();
            classes = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                classes.put(in.getString(), in.getBytes());
            }
        }

        /** Reads the static values; call after the class loader exists. */
        public List<StaticValue> statics(ClassLoader loader) throws IOException, ClassNotFoundException {
            int n = in.getInt();
            var list = new ArrayList<StaticValue>(n);
            for (int i = 0; i < n; i++) {
                String c = in.getString();
                String f = in.getString();
                list.add(new StaticValue(c, f, ValueCodec.read(in, loader)));
            }
            return list;
        }

        /** The target kind, {@link #TARGET_LAMBDA} or {@link #TARGET_OBJECT}; call after {@link #statics}. */
        public int targetKind() throws IOException {
            return in.getByte();
        }

        /** For {@link #TARGET_LAMBDA}: the arity byte. */
        public int arity() throws IOException {
            return in.getByte();
        }

        /** For {@link #TARGET_LAMBDA}: the name of the process class (informational). */
        public String processClass() throws IOException {
            return in.getString();
        }

        /** For {@link #TARGET_LAMBDA}: the lambda. */
        public LambdaShipping.Call lambda(ClassLoader loader) throws IOException, ClassNotFoundException {
            return LambdaShipping.read(in, loader);
        }

        /** For {@link #TARGET_LAMBDA}: the arguments. */
        public Object[] args(ClassLoader loader) throws IOException, ClassNotFoundException {
            int n = in.getInt();
            Object[] a = new Object[n];
            for (int i = 0; i < n; i++) {
                a[i] = ValueCodec.read(in, loader);
            }
            return a;
        }

        /** For {@link #TARGET_OBJECT}: the serialized process object. */
        public byte[] object() throws IOException {
            return in.getBytes();
        }
    }
}
