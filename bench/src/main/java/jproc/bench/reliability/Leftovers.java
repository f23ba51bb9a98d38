package jproc.bench.reliability;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jproc.ipc.session.Session;
import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.shm.HolderTable;
import jproc.ipc.shm.OwnerToken;
import jproc.ipc.shm.SharedFile;
import jproc.process.ChildProcess;

/**
 * Checks that a channel's files are gone once every process that used it ended and the parent closed it. A file
 * that only a handle in flight still holds (a transfer hold: a child was killed before it attached) is given until
 * that hold expires; it must be gone then. Figure: {@code kill9_files_left}.
 */
final class Leftovers {
    /** Files already counted by a round (not counted again by the end-of-run check). */
    static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
    private static final Map<String, Deferred> DEFERRED = new ConcurrentHashMap<>();

    private record Deferred(String area, long expiresEpochS, String described) {
    }

    private Leftovers() {
    }

    /**
     * Waits up to 2 s for the files of channel {@code name} and the side files written by {@code pids} to disappear;
     * counts and describes what remains (files kept only by a transfer hold: once the hold expired, see
     * {@link #finish}).
     */
    static void checkRemoved(String area, String name, List<Long> pids, List<ChildProcess> killed, Figures figures) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        List<String> left;
        do {
            left = Reliability.channelFiles().stream().filter(n -> n.endsWith("-" + name)
                    || pids.stream().anyMatch(pid -> n.contains("-blob-" + pid + "."))).toList();
            if (left.isEmpty()) {
                return;
            }
            Reliability.sleep(50);
        } while (System.nanoTime() < deadline);
        String kills = "; killed with -9: " + killed.stream().map(p -> p.name() + " pid " + p.pid()).toList();
        for (String f : left) {
            REPORTED.add(f);
            var b = SharedFile.peek(Session.current().directory().resolve(f));
            if (b == null) {
                figures.add("kill9_files_left", 1);
                figures.finding(area, f + " remains 2 s after every process that used the channel ended and the "
                        + "parent closed it" + kills);
                continue;
            }
            String table = "live holders: " + SharedFile.attachedPids(b) + "; attach table: " + attachTable(b);
            long hold = pendingUntil(b);
            if (SharedFile.attachedPids(b).isEmpty() && hold > 0) {
                DEFERRED.put(f, new Deferred(area, hold, table + kills));
            } else {
                figures.add("kill9_files_left", 1);
                figures.finding(area, f + " remains 2 s after every process that used the channel ended and the "
                        + "parent closed it (" + table + ")" + kills);
            }
        }
    }

    /** Waits (at most 70 s) until every deferred transfer hold expired, then counts the files still there. */
    static void finish(Figures figures) {
        long last = DEFERRED.values().stream().mapToLong(Deferred::expiresEpochS).max().orElse(0);
        long waitMs = Math.min(70_000, (last + 2) * 1000 - System.currentTimeMillis());
        if (waitMs > 0) {
            System.out.println("-- waiting " + waitMs / 1000 + " s for the transfer holds of " + DEFERRED.size()
                    + " channel file(s) to expire");
            Reliability.sleep(waitMs);
        }
        for (var e : DEFERRED.entrySet()) {
            if (Files.exists(Session.current().directory().resolve(e.getKey()))) {
                figures.add("kill9_files_left", 1);
                figures.finding(e.getValue().area(), e.getKey() + " remains after every process that used it ended, "
                        + "the parent closed it and the transfer hold of a handle that was never received (its "
                        + "child was killed before it attached) expired; nothing removes it before the session ends ("
                        + e.getValue().described() + ")");
            }
        }
        DEFERRED.clear();
    }

    /** The latest deadline (epoch seconds) of an unexpired pending hold, or 0. */
    private static long pendingUntil(ByteBuffer b) {
        long now = System.currentTimeMillis() / 1000;
        long latest = 0;
        for (int i = 0; i < HeaderDescriptor.ATTACH_SLOTS; i++) {
            int s = slot(i);
            if (b.getLong(s) != 0 && b.getInt(s + 8) == HolderTable.PENDING && b.getInt(s + 12) > now) {
                latest = Math.max(latest, b.getInt(s + 12));
            }
        }
        return latest;
    }

    private static int slot(int i) {
        return HeaderDescriptor.ATTACH_TABLE_OFFSET + HolderTable.SLOTS_OFFSET + i * HolderTable.SLOT_BYTES;
    }

    /** The non-empty slots of a channel file's attach table: token pid, count, pending deadline. */
    static String attachTable(ByteBuffer b) {
        int base = HeaderDescriptor.ATTACH_TABLE_OFFSET;
        var out = new StringBuilder("used=" + b.getInt(base + HolderTable.USED_OFFSET) + " untracked="
                + b.getInt(base + HolderTable.UNTRACKED_OFFSET));
        long now = System.currentTimeMillis() / 1000;
        var slots = new ArrayList<String>();
        for (int i = 0; i < HeaderDescriptor.ATTACH_SLOTS; i++) {
            int s = slot(i);
            long token = b.getLong(s);
            int count = b.getInt(s + 8);
            int deadline = b.getInt(s + 12);
            if (token != 0 || count != 0) {
                slots.add("[pid " + OwnerToken.pid(token) + " count " + count + (count == HolderTable.PENDING
                        ? " pending for " + (deadline - now) + " s more" : "")
                        + (OwnerToken.isAlive(token) ? " alive" : " dead") + "]");
            }
        }
        return out.append(' ').append(String.join(" ", slots)).toString();
    }

    /** For the end-of-run check: files this class already counted or is waiting for. */
    static boolean accounted(Path file) {
        return REPORTED.contains(file.getFileName().toString());
    }
}
