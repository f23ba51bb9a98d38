package jproc.process.agent;

/**
 * Who this JVM is, when it is a child started by JProc; set once by {@link ChildAgent} before the target runs.
 * In a parent that is not a child, {@link #isChild()} is false.
 */
public final class ChildContext {
    private static volatile boolean child;
    private static volatile String name;
    private static volatile String identity;
    private static volatile long parentPid;
    private static volatile String parentName;
    private static volatile boolean daemon;
    private static volatile Object current;

    private ChildContext() {
    }

    static void set(String name, String identity, long parentPid, String parentName, boolean daemon) {
        ChildContext.name = name;
        ChildContext.identity = identity;
        ChildContext.parentPid = parentPid;
        ChildContext.parentName = parentName;
        ChildContext.daemon = daemon;
        ChildContext.child = true;
    }

    static void setCurrent(Object process) {
        current = process;
    }

    /** True in a JVM started by JProc as a child. */
    public static boolean isChild() {
        return child;
    }

    /** This child's name, or null in a root process. */
    public static String name() {
        return name;
    }

    /** This child's identity ({@code 3}, {@code 2:1}), used to name its own children; null in a root process. */
    public static String identity() {
        return identity;
    }

    /** The parent's pid, or -1 in a root process. */
    public static long parentPid() {
        return child ? parentPid : -1;
    }

    /** The parent's name, or null in a root process. */
    public static String parentName() {
        return parentName;
    }

    /** This child's daemon flag. */
    public static boolean daemon() {
        return daemon;
    }

    /** The process object this child runs (a {@code ChildProcess}), or null in a root process. */
    public static Object current() {
        return current;
    }
}
