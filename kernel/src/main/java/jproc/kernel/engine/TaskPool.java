package jproc.kernel.engine;

import javax.tools.DiagnosticListener;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * javac's reusable compiler contexts ({@code com.sun.tools.javac.api.JavacTaskPool}, the pool JShell uses): a
 * compilation in a warm context costs a fraction of a fresh one. The class is not exported by {@code jdk.compiler};
 * it is reached by reflection and needs {@code --add-exports jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED}
 * (the kernelspec passes it). Without it, {@link #create()} returns null and JShell compiles everything.
 */
final class TaskPool {
    private static final Logger LOG = Logger.getLogger(TaskPool.class.getName());

    private final Object pool;
    private final Method getTask;
    private final Object worker;

    private TaskPool(Object pool, Method getTask, Object worker) {
        this.pool = pool;
        this.getTask = getTask;
        this.worker = worker;
    }

    /** The pool, or null if javac's pool cannot be reached. */
    static TaskPool create() {
        try {
            Class<?> poolClass = Class.forName("com.sun.tools.javac.api.JavacTaskPool");
            Class<?> workerClass = Class.forName("com.sun.tools.javac.api.JavacTaskPool$Worker");
            Object pool = poolClass.getConstructor(int.class).newInstance(1);
            Method getTask = poolClass.getMethod("getTask", Writer.class, JavaFileManager.class,
                    DiagnosticListener.class, Iterable.class, Iterable.class, Iterable.class, workerClass);
            Object worker = Proxy.newProxyInstance(TaskPool.class.getClassLoader(), new Class<?>[]{workerClass},
                    (proxy, method, args) -> {
                        if (method.getName().equals("withTask")) {
                            return ((com.sun.source.util.JavacTask) args[0]).call();
                        }
                        if (method.getName().equals("toString")) {
                            return "jproc-compile-worker";
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
            return new TaskPool(pool, getTask, worker);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.INFO, "javac's task pool is not accessible (" + e + "); every snippet goes through JShell."
                    + " Add --add-exports jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED for faster statements");
            return null;
        }
    }

    /** Compiles the units in a pooled context; true if there was no error. */
    boolean compile(JavaFileManager files, DiagnosticListener<? super JavaFileObject> diagnostics,
                    List<String> options, List<? extends JavaFileObject> units) {
        try {
            Object ok = getTask.invoke(pool, null, files, diagnostics, options, null, units, worker);
            return Boolean.TRUE.equals(ok);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
