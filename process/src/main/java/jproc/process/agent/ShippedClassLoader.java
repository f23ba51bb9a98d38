package jproc.process.agent;

import java.util.Map;

/**
 * Defines the classes the parent shipped (JShell snippets, classes compiled at run time) on first use. Parent
 * first: a class on the classpath wins over a shipped class of the same name.
 */
public final class ShippedClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    /**
     * @param classes binary name to class file bytes; entries are removed as they are defined
     * @param parent  the classpath loader
     */
    public ShippedClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super("jproc-shipped", parent);
        this.classes = classes;
    }

    /**
     * Shipped classes first: they exist only in the parent's memory (JShell snippets), so asking the classpath
     * first would only open every jar on it to find nothing. Other names go to the parent as usual.
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        boolean shipped;
        synchronized (classes) {
            shipped = classes.containsKey(name);
        }
        if (!shipped) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b;
        synchronized (classes) {
            b = classes.remove(name);
        }
        if (b == null) {
            throw new ClassNotFoundException(name + " is neither on the child's classpath nor shipped by the parent");
        }
        return defineClass(name, b, 0, b.length);
    }
}
