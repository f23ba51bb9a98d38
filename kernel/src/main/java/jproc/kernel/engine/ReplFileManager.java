package jproc.kernel.engine;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files {@link FastStatements} compiles against: the JDK and the kernel's classpath (plus {@code %classpath}
 * entries) from the standard file manager, and the notebook's snippet classes (package {@code REPL}) from memory.
 * Compiled classes stay in memory. Used by one thread at a time (the engine's lock).
 */
final class ReplFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final SnippetClasses classes;
    private final Map<String, ClassFile> inputs = new HashMap<>();
    private final Map<String, byte[]> output = new LinkedHashMap<>();
    private final List<File> classPath = new ArrayList<>();

    ReplFileManager(StandardJavaFileManager std, SnippetClasses classes) throws IOException {
        super(std);
        this.classes = classes;
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                classPath.add(new File(e));
            }
        }
        std.setLocation(StandardLocation.CLASS_PATH, classPath);
    }

    /** Adds classpath entries (a path-separated list). */
    void addToClassPath(String path) throws IOException {
        for (String e : path.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                classPath.add(new File(e));
            }
        }
        fileManager.setLocation(StandardLocation.CLASS_PATH, classPath);
    }

    /** The classes compiled since the last call, by binary name. */
    Map<String, byte[]> takeOutput() {
        var copy = new LinkedHashMap<>(output);
        output.clear();
        return copy;
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                         boolean recurse) throws IOException {
        Iterable<JavaFileObject> std = super.list(location, packageName, kinds, recurse);
        if (location != StandardLocation.CLASS_PATH || !packageName.equals("REPL")
                || !kinds.contains(JavaFileObject.Kind.CLASS)) {
            return std;
        }
        var all = new ArrayList<JavaFileObject>();
        std.forEach(all::add);
        for (Map.Entry<String, byte[]> e : classes.view().entrySet()) {
            String name = e.getKey();
            if (name.startsWith("REPL.") && name.indexOf('.', 5) < 0 && !name.startsWith("REPL.$JProc$")) {
                ClassFile f = inputs.get(name);
                if (f == null || f.bytes != e.getValue()) {
                    f = new ClassFile(name, e.getValue());
                    inputs.put(name, f);
                }
                all.add(f);
            }
        }
        return all;
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        if (file instanceof ClassFile c) {
            return c.binaryName;
        }
        return super.inferBinaryName(location, file);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        if (a instanceof ClassFile || b instanceof ClassFile || a instanceof Output || b instanceof Output) {
            return a == b;
        }
        return super.isSameFile(a, b);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                               FileObject sibling) {
        return new Output(className);
    }

    /** A snippet class in memory. */
    private static final class ClassFile extends SimpleJavaFileObject {
        final String binaryName;
        final byte[] bytes;

        ClassFile(String binaryName, byte[] bytes) {
            super(URI.create("mem:///" + binaryName.replace('.', '/') + ".class"), Kind.CLASS);
            this.binaryName = binaryName;
            this.bytes = bytes;
        }

        @Override
        public InputStream openInputStream() {
            return new ByteArrayInputStream(bytes);
        }
    }

    /** A compiled class, kept in memory. */
    private final class Output extends SimpleJavaFileObject {
        private final String binaryName;

        Output(String binaryName) {
            super(URI.create("mem:///" + binaryName.replace('.', '/') + ".class"), Kind.CLASS);
            this.binaryName = binaryName;
        }

        @Override
        public OutputStream openOutputStream() {
            return new ByteArrayOutputStream() {
                @Override
                public void close() throws IOException {
                    super.close();
                    output.put(binaryName, toByteArray());
                }
            };
        }
    }

    /** A source in memory. */
    static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String binaryName, String code) {
            super(URI.create("string:///" + binaryName.replace('.', '/') + ".java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
