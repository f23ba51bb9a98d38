package jproc.process.spawn;

import java.util.Locale;

import jproc.process.UnsupportedSignalException;

/** Signal names JProc sends and handles, and their Linux numbers. */
public final class Signals {
    /** SIGHUP. */
    public static final int HUP = 1;
    /** SIGINT. */
    public static final int INT = 2;
    /** SIGKILL. */
    public static final int KILL = 9;
    /** SIGUSR1. */
    public static final int USR1 = 10;
    /** SIGTERM. */
    public static final int TERM = 15;

    private Signals() {
    }

    /** The bare upper-case name ({@code "sigusr1"} gives {@code "USR1"}). */
    public static String normalize(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        return n.startsWith("SIG") ? n.substring(3) : n;
    }

    /**
     * The number of a signal JProc sends: USR1, HUP, INT, TERM, KILL.
     *
     * @throws UnsupportedSignalException for QUIT, USR2 and unknown names
     */
    public static int number(String name) {
        switch (normalize(name)) {
            case "HUP":
                return HUP;
            case "INT":
                return INT;
            case "KILL":
                return KILL;
            case "USR1":
                return USR1;
            case "TERM":
                return TERM;
            default:
                throw unsupported(name);
        }
    }

    static UnsupportedSignalException unsupported(String name) {
        switch (normalize(name)) {
            case "QUIT":
                return new UnsupportedSignalException("signal QUIT is refused: HotSpot uses SIGQUIT to print a thread"
                        + " dump and cannot hand it to Java code. Use USR1, HUP, INT or TERM.");
            case "USR2":
                return new UnsupportedSignalException("signal USR2 is refused: HotSpot uses SIGUSR2 internally to"
                        + " suspend and resume threads, and handling it breaks profilers such as JFR. Use USR1, HUP,"
                        + " INT or TERM.");
            default:
                return new UnsupportedSignalException("unknown or unsupported signal: " + name
                        + ". Supported: USR1, HUP, INT, TERM (handlers can be installed), and KILL.");
        }
    }

    /**
     * Installs a handler in this JVM for USR1, HUP, INT or TERM (sun.misc.Signal); the JVM keeps running after
     * the handler returns.
     *
     * @throws UnsupportedSignalException for KILL, QUIT, USR2 and unknown names
     */
    public static void handle(String name, Runnable handler) {
        String n = normalize(name);
        if ("KILL".equals(n)) {
            throw new UnsupportedSignalException("signal KILL cannot be handled: the kernel ends the process at"
                    + " once. Handle TERM to clean up before exiting.");
        }
        number(n);
        synchronized (USER_HANDLED) {
            USER_HANDLED.add(n);
            sun.misc.Signal.handle(new sun.misc.Signal(n), new HandlerAdapter(handler));
        }
    }

    private static final java.util.Set<String> USER_HANDLED = new java.util.HashSet<>();

    /**
     * Installs a handler of JProc's own (the child's exit reporter) unless user code already installed one for
     * that signal; returns false if the signal is the user's or cannot be handled.
     */
    public static boolean handleUnlessUserDid(String name, sun.misc.SignalHandler handler) {
        synchronized (USER_HANDLED) {
            if (USER_HANDLED.contains(name)) {
                return false;
            }
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), handler);
                return true;
            } catch (IllegalArgumentException e) {
                return false; // -Xrs, or the signal is in use
            }
        }
    }

    private static final class HandlerAdapter implements sun.misc.SignalHandler {
        private final Runnable handler;

        HandlerAdapter(Runnable handler) {
            this.handler = handler;
        }

        @Override
        public void handle(sun.misc.Signal sig) {
            handler.run();
        }
    }
}
