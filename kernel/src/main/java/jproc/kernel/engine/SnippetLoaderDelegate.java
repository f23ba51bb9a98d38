package jproc.kernel.engine;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

import java.io.File;
import java.net.MalformedURLException;
import java.nio.file.Paths;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads snippet classes into the {@link SnippetClassLoader}: records the compiler's bytes in {@link SnippetClasses}
 * and defines the {@link Instrumenter instrumented} version.
 */
final class SnippetLoaderDelegate implements LoaderDelegate {
    private static final Logger LOG = Logger.getLogger(SnippetLoaderDelegate.class.getName());

    private final SnippetClassLoader loader;
    private final SnippetClasses classes;

    SnippetLoaderDelegate(ClassLoader parent, SnippetClasses classes) {
        this.loader = new SnippetClassLoader(parent);
        this.classes = classes;
    }

    SnippetClassLoader loader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        boolean[] installed = new boolean[cbcs.length];
        for (ClassBytecodes cbc : cbcs) {
            loader.declare(cbc.name(), instrumentOrKeep(cbc));
        }
        for (int i = 0; i < cbcs.length; i++) {
            try {
                Class<?> c = loader.loadClass(cbcs[i].name());
                c.getDeclaredMethods(); // links the class now, so that a broken class fails here, not in a cell
                classes.record(cbcs[i].name(), cbcs[i].bytecodes());
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ClassInstallException("loading snippet class " + cbcs[i].name() + " failed: " + e,
                        installed);
            }
        }
    }

    private static byte[] instrumentOrKeep(ClassBytecodes cbc) {
        try {
            return Instrumenter.instrument(cbc.bytecodes());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot instrument " + cbc.name() + "; it will not be interruptible", e);
            return cbc.bytecodes();
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        for (ClassBytecodes cbc : cbcs) {
            classes.record(cbc.name(), cbc.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        for (String element : path.split(File.pathSeparator)) {
            if (element.isBlank()) {
                continue;
            }
            try {
                loader.addURL(Paths.get(element).toUri().toURL());
            } catch (MalformedURLException | RuntimeException e) {
                throw new InternalException("classpath element is not a valid path: " + element + " (" + e + ")");
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        return Class.forName(name, false, loader);
    }
}
