package jproc.process;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java source in memory and defines the classes in a loader of their own, the way JShell holds notebook
 * code: the classes exist only in this JVM's memory, on no classpath.
 */
public final class InMemoryCompiler {
    private InMemoryCompiler() {
    }

    /** Compiled classes: the bytes and a loader that defines them. */
    public record Compiled(Map<String, byte[]> bytes, ClassLoader loader) {
    }

    public static Compiled compile(Map<String, String> sources) {
        var compiler = ToolProvider.getSystemJavaCompiler();
        var out = new HashMap<String, byte[]>();
        StandardJavaFileManager std = compiler.getStandardFileManager(null, null, null);
        JavaFileManager fm = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() {
                                out.put(className, toByteArray());
                            }
                        };
                    }
                };
            }
        };
        var units = sources.entrySet().stream().map(e -> new SimpleJavaFileObject(
                URI.create("string:///" + e.getKey().replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return e.getValue();
            }
        }).toList();
        var options = List.of("-classpath", System.getProperty("java.class.path") + java.io.File.pathSeparator
                + ChildProcess.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        if (!compiler.getTask(null, fm, null, options, null, units).call()) {
            throw new IllegalStateException("test sources do not compile");
        }
        var loader = new ClassLoader("in-memory", InMemoryCompiler.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = out.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
        return new Compiled(Map.copyOf(out), loader);
    }
}
