package jproc.bench.reliability;

import java.nio.file.Path;

import jproc.ipc.sync.OwnerDiedException;
import jproc.ipc.sync.ProcessRLock;
import jproc.ipc.value.SharedInt;

/**
 * The workers of the locked-value kill -9 rounds: each increments a shared int {@code count} times under the value's
 * lock ({@code set(get() + 1)}, the tutorial's lost-update code with its fix) while the parent kills some of them.
 *
 * <p>Shared books ({@code job.books()}): {@link #INSIDE} holds the pid of the process inside the critical section (a
 * second process finding it occupied by a live process is a mutual-exclusion violation); from {@link #REPORTS} on,
 * the dead pids that owner-died reports named; from {@link #SILENT} on, dead owners found inside the critical
 * section that no report named. Own books ({@code books + ".w" + id}): {@link #ACKED}, {@link #STATE}.
 */
public final class LockWorkers {
    public static final int INSIDE = 0;
    public static final int VIOLATIONS = 1;
    public static final int UNREPORTED = 2;
    public static final int REPORT_COUNT = 3;
    public static final int REPORTS = 8;
    public static final int SILENT = 40;
    public static final int SHARED_SLOTS = 64;

    public static final int ACKED = 0;
    public static final int STATE = 1;
    public static final int OWN_SLOTS = 4;

    public static final long IDLE = 0;
    public static final long ACQUIRING = 1;
    public static final long HOLDING = 2;
    public static final long RELEASING = 3;

    private LockWorkers() {
    }

    static Path own(String shared, int id) {
        return Path.of(shared + ".w" + id);
    }

    public static void incrementer(WorkerJob job, SharedInt value) {
        long me = ProcessHandle.current().pid();
        ProcessRLock lock = value.getLock();
        try (var shared = SharedLongs.open(Path.of(job.books()), SHARED_SLOTS);
             var own = SharedLongs.open(own(job.books(), job.id()), OWN_SLOTS)) {
            for (long i = 0; i < job.count(); i++) {
                own.set(STATE, ACQUIRING);
                while (true) {
                    try {
                        lock.acquire();
                        break;
                    } catch (OwnerDiedException e) {
                        report(shared, e.deadPid());
                    }
                }
                own.set(STATE, HOLDING);
                enter(shared, me);
                value.set(value.get() + 1);
                shared.compareAndSet(INSIDE, me, 0);
                own.set(STATE, RELEASING);
                lock.release();
                own.set(ACKED, i + 1);
                own.set(STATE, IDLE);
            }
        }
    }

    /** Records an owner-died report (called by whoever received it). */
    static void report(SharedLongs shared, long deadPid) {
        int n = (int) shared.add(REPORT_COUNT, 1) - 1;
        if (REPORTS + n < SILENT) {
            shared.set(REPORTS + n, deadPid);
        }
    }

    static boolean reported(SharedLongs shared, long pid) {
        long n = Math.min(shared.get(REPORT_COUNT), SILENT - REPORTS);
        for (int i = 0; i < n; i++) {
            if (shared.get(REPORTS + i) == pid) {
                return true;
            }
        }
        return false;
    }

    /** True if the process runs (a killed process that its parent has not reaped yet is a zombie: not running). */
    static boolean running(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/stat"));
            String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            return !state.equals("Z") && !state.equals("X");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** Marks this process inside the critical section; checks who was there before. */
    static void enter(SharedLongs shared, long me) {
        while (!shared.compareAndSet(INSIDE, 0, me)) {
            long other = shared.get(INSIDE);
            if (other == 0) {
                continue;
            }
            if (running(other)) {
                shared.add(VIOLATIONS, 1);
                System.err.println("mutual exclusion violated: process " + other + " is inside too");
                return;
            }
            long until = System.nanoTime() + 1_000_000_000L;
            while (!reported(shared, other) && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            if (!reported(shared, other)) {
                int n = (int) shared.add(UNREPORTED, 1) - 1;
                if (SILENT + n < SHARED_SLOTS) {
                    shared.set(SILENT + n, other);
                }
                System.err.println("acquired the lock after process " + other + " died holding it, but no one was "
                        + "told");
            }
            shared.compareAndSet(INSIDE, other, 0);
        }
    }
}
