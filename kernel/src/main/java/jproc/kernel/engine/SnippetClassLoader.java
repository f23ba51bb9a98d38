package jproc.kernel.engine;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defines the notebook's snippet classes (instrumented bytes) and the jars and directories added with
 * {@code %classpath}. Its parent is the kernel's class loader, so notebook code sees the JProc API.
 */
final class SnippetClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

    SnippetClassLoader(ClassLoader parent) {
        super("jproc-snippets", new URL[0], parent);
    }

    void declare(String binaryName, byte[] bytes) {
        declared.put(binaryName, bytes);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = declared.remove(name);
        if (bytes != null) {
            return defineClass(name, bytes, 0, bytes.length);
        }
        return super.findClass(name);
    }

    @Override
    public void addURL(URL url) {
        super.addURL(url);
    }
}
