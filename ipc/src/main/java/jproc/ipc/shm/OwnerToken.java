package jproc.ipc.shm;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who owns something in shared memory: a 64-bit token written into lock words, waiter tables and attach
 * tables.
 *
 * <pre>
 *   63                       32 31        24 23                         0
 *   +--------------------------+------------+----------------------------+
 *   | pid (32 bits)            | start hash | thread index (24 bits)     |
 *   +--------------------------+------------+----------------------------+
 * </pre>
 *
 * <p>The start hash is 8 bits of the process start time (from {@code /proc/<pid>/stat}), so that a pid
 * reused by a new process is not mistaken for the old owner; 0 means "unknown". The thread index numbers the
 * threads of a process that ever took a token (1, 2, 3...); a process token has thread index 0.
 * Liveness is checked by reading {@code /proc/<pid>/stat} (a zombie counts as dead), or through
 * {@link ProcessHandle} where {@code /proc} is missing. Checks cost a few microseconds: callers make them
 * only on slow paths.
 */
public final class OwnerToken {
    private static final long PID = ProcessHandle.current().pid();
    private static final int START_HASH = startHash(PID);
    private static final long PROCESS_TOKEN = (PID << 32) | ((long) START_HASH << 24);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ConcurrentHashMap<Integer, WeakReference<Thread>> OWN_THREADS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Long> TOKEN = ThreadLocal.withInitial(OwnerToken::newThreadToken);

    private OwnerToken() {
    }

    private static long newThreadToken() {
        int index;
        do {
            index = THREADS.incrementAndGet() & 0xFFFFFF;
        } while (index == 0);
        OWN_THREADS.put(index, new WeakReference<>(Thread.currentThread()));
        return PROCESS_TOKEN | index;
    }

    /** The token of the calling thread. */
    public static long current() {
        return TOKEN.get();
    }

    /** The token of this process (thread index 0). */
    public static long process() {
        return PROCESS_TOKEN;
    }

    /** The pid of this process. */
    public static long myPid() {
        return PID;
    }

    /** The process id a token names. */
    public static long pid(long token) {
        return token >>> 32;
    }

    /** The same token with the thread index cleared. */
    public static long processOf(long token) {
        return token & ~0xFFFFFFL;
    }

    /** True if the token names a thread or the whole of this process. */
    public static boolean isMine(long token) {
        return processOf(token) == PROCESS_TOKEN;
    }

    /**
     * True if the owner named by the token still runs: its process is alive (and is the same process, not
     * a reuse of its pid), and, for a thread of this process, that thread is alive.
     */
    public static boolean isAlive(long token) {
        if (token == 0) {
            return false;
        }
        if (isMine(token)) {
            int index = (int) (token & 0xFFFFFF);
            if (index == 0) {
                return true;
            }
            WeakReference<Thread> ref = OWN_THREADS.get(index);
            Thread t = ref == null ? null : ref.get();
            return t != null && t.isAlive();
        }
        long pid = pid(token);
        int hash = (int) ((token >>> 24) & 0xFF);
        String stat = readStat(pid);
        if (stat == null) {
            return procMissing() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        if (stat.isEmpty()) {
            return false;
        }
        int close = stat.lastIndexOf(')');
        String[] f = stat.substring(close + 2).split(" ");
        char state = f[0].isEmpty() ? '?' : f[0].charAt(0);
        if (state == 'Z' || state == 'X') {
            return false;
        }
        return hash == 0 || hash == hashOf(f);
    }

    private static boolean procMissing() {
        return !Files.isDirectory(Path.of("/proc/self"));
    }

    /** The text of /proc/pid/stat, "" if the process does not exist, null if /proc cannot be read. */
    private static String readStat(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/stat")), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int startHash(long pid) {
        String stat = readStat(pid);
        if (stat == null || stat.isEmpty()) {
            return 0;
        }
        return hashOf(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
    }

    private static int hashOf(String[] fieldsAfterName) {
        // field 22 of stat (starttime) is index 19 counted from field 3 (state)
        if (fieldsAfterName.length < 20) {
            return 0;
        }
        long start;
        try {
            start = Long.parseLong(fieldsAfterName[19].trim());
        } catch (NumberFormatException e) {
            return 0;
        }
        int h = (int) (start ^ (start >>> 8) ^ (start >>> 16) ^ (start >>> 24) ^ (start >>> 32)) & 0xFF;
        return h == 0 ? 1 : h;
    }

    /** A short text for messages: {@code pid 1234 thread 2}. */
    public static String describe(long token) {
        if (token == 0) {
            return "nobody";
        }
        int index = (int) (token & 0xFFFFFF);
        return "pid " + pid(token) + (index == 0 ? "" : " thread " + index);
    }
}
