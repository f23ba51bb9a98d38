package jproc.bench.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.ToolProvider;

/**
 * Classes an attacker would like a receiver to deserialize, compiled at run time into a directory outside every
 * allowed package ({@code evil}): {@code evil.Canary} creates a marker file from {@code readObject} and from
 * {@code invoke} (it is also an {@code InvocationHandler}), {@code evil.CanaryException} does the same as an
 * exception, and both mark their class initialisation in {@code -Dcanary.dir}. A marker file proves that code
 * named by a message ran.
 */
final class CanaryClasses {
    private static final String CANARY = """
            package evil;
            public class Canary implements java.io.Serializable, java.lang.reflect.InvocationHandler {
                private static final long serialVersionUID = 1L;
                static { Mark.init("Canary"); }
                public String marker;
                public Canary(String marker) { this.marker = marker; }
                private void readObject(java.io.ObjectInputStream in) throws java.io.IOException,
                        ClassNotFoundException {
                    in.defaultReadObject();
                    Mark.touch(marker);
                }
                public Object invoke(Object proxy, java.lang.reflect.Method m, Object[] args) {
                    Mark.touch(marker + ".invoke");
                    return 0;
                }
            }
            """;
    private static final String EXCEPTION = """
            package evil;
            public class CanaryException extends RuntimeException {
                private static final long serialVersionUID = 1L;
                static { Mark.init("CanaryException"); }
                public String marker;
                public CanaryException(String marker) { super("canary"); this.marker = marker; }
                private void readObject(java.io.ObjectInputStream in) throws java.io.IOException,
                        ClassNotFoundException {
                    in.defaultReadObject();
                    Mark.touch(marker);
                }
            }
            """;
    private static final String MARK = """
            package evil;
            public final class Mark {
                private Mark() { }
                static void init(String what) {
                    String d = System.getProperty("canary.dir");
                    if (d != null) {
                        touch(d + "/static-init-" + what + "-" + ProcessHandle.current().pid());
                    }
                }
                public static void touch(String path) {
                    try {
                        java.nio.file.Files.writeString(java.nio.file.Path.of(path), "code ran");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            """;

    private CanaryClasses() {
    }

    /** Compiles the canary classes into {@code dir} and returns it. */
    static Path compile(Path dir) {
        var javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the deserialization attacks need a JDK (javax.tools); run the suite with a"
                    + " JDK's java, not a JRE: java.home=" + System.getProperty("java.home"));
        }
        try {
            Path src = Files.createDirectories(dir.resolve("src/evil"));
            Path out = Files.createDirectories(dir.resolve("classes"));
            Files.writeString(src.resolve("Canary.java"), CANARY);
            Files.writeString(src.resolve("CanaryException.java"), EXCEPTION);
            Files.writeString(src.resolve("Mark.java"), MARK);
            var args = List.of("--release", "17", "-d", out.toString(), src.resolve("Canary.java").toString(),
                    src.resolve("CanaryException.java").toString(), src.resolve("Mark.java").toString());
            int rc = javac.run(null, null, null, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("javac failed on the canary classes (status " + rc + ")");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the canary classes under " + dir, e);
        }
    }

    /** A loader that sees the canary classes (and, through its parent, everything else). */
    static URLClassLoader loader(Path classes) {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, CanaryClasses.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad canary class directory " + classes, e);
        }
    }
}
