package jproc.magics.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Reads {@code /proc/<pid>/stat} and {@code /proc/<pid>/status}: plain file reads that neither stop nor
 * signal the process. On a system without {@code /proc} every read is empty.
 */
public final class ProcFs {
    /**
     * Clock ticks per second of the {@code stat} times. Linux fixes the user-visible value ({@code USER_HZ})
     * at 100 on every architecture JProc runs on.
     */
    static final long TICKS_PER_SECOND = 100;

    private final Path root;

    /** Reads the real {@code /proc}. */
    public ProcFs() {
        this(Paths.get("/proc"));
    }

    /** Reads a {@code /proc}-shaped directory (tests). */
    public ProcFs(Path root) {
        this.root = root;
    }

    /** The statistics of a live process, or empty if it is gone or {@code /proc} is missing. */
    public Optional<ProcStats> read(long pid) {
        try {
            String stat = Files.readString(root.resolve(pid + "/stat"), StandardCharsets.UTF_8);
            String status = readOrEmpty(root.resolve(pid + "/status"));
            return Optional.of(parse(pid, stat, status, systemUptimeMillis()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String readOrEmpty(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private long systemUptimeMillis() {
        String s = readOrEmpty(root.resolve("uptime")).trim();
        int sp = s.indexOf(' ');
        if (s.isEmpty()) {
            return -1;
        }
        return (long) (Double.parseDouble(sp < 0 ? s : s.substring(0, sp)) * 1000);
    }

    /**
     * Parses the two files.
     *
     * @param stat       contents of {@code /proc/<pid>/stat}
     * @param status     contents of {@code /proc/<pid>/status} (may be empty)
     * @param sysUptimeMillis time since boot (first number of {@code /proc/uptime}), or -1
     */
    static ProcStats parse(long pid, String stat, String status, long sysUptimeMillis) {
        // the command name (field 2) is in parentheses and may itself contain spaces and parentheses
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + Markup.shorten(stat, 80));
        }
        String[] f = stat.substring(close + 2).trim().split(" +");
        // f[0] is field 3 (state); field n is f[n - 3]
        char state = f[0].isEmpty() ? '?' : f[0].charAt(0);
        long utime = Long.parseLong(f[14 - 3]);
        long stime = Long.parseLong(f[15 - 3]);
        int threads = Integer.parseInt(f[20 - 3]);
        long startTicks = Long.parseLong(f[22 - 3]);
        long cpuMillis = (utime + stime) * 1000 / TICKS_PER_SECOND;
        long uptime = sysUptimeMillis < 0 ? -1 : Math.max(0, sysUptimeMillis - startTicks * 1000 / TICKS_PER_SECOND);
        return new ProcStats(pid, state, cpuMillis, rss(status), uptime, threads);
    }

    private static long rss(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String v = line.substring(6).trim();
                int sp = v.indexOf(' ');
                long kb = Long.parseLong(sp < 0 ? v : v.substring(0, sp));
                return kb * 1024;
            }
        }
        return -1;
    }
}
