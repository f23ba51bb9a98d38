package jproc.kernel.engine;

import jdk.jshell.execution.DirectExecutionControl;

import java.lang.reflect.Method;

/**
 * Runs snippets in the kernel JVM, on the thread that evaluates them (the cell thread), and keeps the last
 * value object so that the kernel can render it richly (HTML, images) instead of only as a string.
 */
final class SnippetExecutionControl extends DirectExecutionControl {
    private final SnippetLoaderDelegate delegate;
    private volatile Object lastValue;
    private volatile Throwable lastFailure;
    private volatile long invocations;

    SnippetExecutionControl(SnippetLoaderDelegate delegate) {
        super(delegate);
        this.delegate = delegate;
    }

    SnippetLoaderDelegate delegate() {
        return delegate;
    }

    /** The number of snippet invocations so far; compare before and after an eval to see if code ran. */
    long invocations() {
        return invocations;
    }

    /** The value the last invocation returned (null for statements). */
    Object lastValue() {
        return lastValue;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        lastFailure = null;
        invocations++;
        Object result;
        try {
            // checked before user code starts: an interrupt that arrived while the snippet compiled stops it here
            CellInterrupts.poll();
            result = doitMethod.invoke(null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            lastFailure = e.getCause();
            throw e;
        } catch (CellInterruptedError e) {
            lastFailure = e;
            throw new java.lang.reflect.InvocationTargetException(e);
        }
        lastValue = result;
        return valueString(result);
    }

    /** What the last invocation threw (null if it returned). */
    Throwable lastFailure() {
        return lastFailure;
    }

    /** JShell's text form of a value: strings and chars quoted, arrays listed. */
    static String text(Object value) {
        return valueString(value);
    }

    private final Object userCodeLock = new Object();
    private Thread userThread;

    @Override
    protected void clientCodeEnter() {
        synchronized (userCodeLock) {
            userThread = Thread.currentThread();
        }
    }

    @Override
    protected void clientCodeLeave() {
        synchronized (userCodeLock) {
            userThread = null;
            // an interrupt aimed at user code must not reach the compiler (it would close its jar channels)
            Thread.interrupted();
        }
    }

    /** Interrupts the thread running user code, if user code is running; never a thread inside the compiler. */
    void interruptUserCode() {
        synchronized (userCodeLock) {
            if (userThread != null) {
                userThread.interrupt();
            }
        }
    }

    @Override
    public void stop() {
        // interrupts are delivered by the engine (CellInterrupts and Thread.interrupt), not by Thread.stop
    }
}
