package jproc.magics.view;

/** Names of the POSIX signals a process table shows for exit codes such as {@code -9}. */
public final class Signals {
    private static final String[] NAMES = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM"};

    private Signals() {
    }

    /** {@code SIGKILL} for 9, {@code signal 40} for numbers without a common name. */
    public static String name(int number) {
        if (number > 0 && number < NAMES.length) {
            return NAMES[number];
        }
        return "signal " + number;
    }
}
