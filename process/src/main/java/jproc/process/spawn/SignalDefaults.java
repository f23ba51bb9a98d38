package jproc.process.spawn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Gives children the default action for the signals they must be able to receive.
 *
 * <p>A process inherits ignored signals from its parent: under {@code nohup} SIGHUP is ignored, and a job started
 * with {@code &} by a non-interactive shell ignores SIGINT. HotSpot then neither reacts to those signals nor lets
 * code install a handler for them ({@code sun.misc.Signal.handle} silently keeps them ignored), so
 * {@code signal("HUP")} or an interrupt's SIGINT would do nothing to a child of such a kernel. When this JVM ignores
 * one of HUP, INT, USR1 or TERM (read from {@code SigIgn} in {@code /proc/self/status}), children are started
 * through {@code env --default-signal=...} (GNU coreutils 8.31 or later), which restores the default action before
 * it runs java; otherwise the command is unchanged and costs nothing.
 */
final class SignalDefaults {
    private static final Logger LOG = Logger.getLogger(SignalDefaults.class.getName());
    /** Signal numbers on Linux and their names as {@code env} takes them. */
    private static final int[] NUMBERS = {1, 2, 10, 15};
    private static final String[] NAMES = {"HUP", "INT", "USR1", "TERM"};
    private static final List<String> PREFIX = compute();

    private SignalDefaults() {
    }

    /** What goes before the java command: empty, or {@code env --default-signal=...}. */
    static List<String> prefix() {
        return PREFIX;
    }

    private static List<String> compute() {
        long ignored = ignoredMask();
        var names = new ArrayList<String>();
        for (int i = 0; i < NUMBERS.length; i++) {
            if ((ignored & (1L << (NUMBERS[i] - 1))) != 0) {
                names.add(NAMES[i]);
            }
        }
        if (names.isEmpty()) {
            return List.of();
        }
        String env = envCommand();
        if (env == null) {
            LOG.warning("this JVM ignores SIG" + String.join(", SIG", names) + " and children inherit that, but no"
                    + " env command with --default-signal (GNU coreutils 8.31+) was found: children will ignore"
                    + " those signals too");
            return List.of();
        }
        return List.of(env, "--default-signal=" + String.join(",", names));
    }

    /** The signals this process ignores, as the kernel's bit mask (bit n-1 for signal n); 0 if unknown. */
    static long ignoredMask() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return Long.parseUnsignedLong(line.substring(7).trim(), 16);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing known to restore
        }
        return 0;
    }

    /** An env that accepts --default-signal, or null. */
    private static String envCommand() {
        for (String candidate : List.of("/usr/bin/env", "/bin/env")) {
            if (!Files.isExecutable(Path.of(candidate))) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(candidate, "--default-signal=HUP", "true")
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // try the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
