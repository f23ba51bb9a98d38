package jproc.bench.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jproc.ipc.sync.OwnerDiedException;
import jproc.ipc.value.SharedInt;
import jproc.process.ChildProcess;

/**
 * One kill -9 round on a locked Value: four JVMs increment a shared int under its lock while the parent kills two of
 * them at random moments (mostly inside acquire, the critical section or release). Then: every owner death must have
 * been reported exactly once, no two live processes were ever inside together, and the final value lies between
 * the acknowledged increments and that plus the number of kills (a worker killed after {@code set} but before its
 * acknowledgement).
 */
final class LockedValueRound {
    private static final int WORKERS = 4;

    private LockedValueRound() {
    }

    static void run(int round, int kills, Random random, Workdir work, ChildLog log, Figures figures,
                    boolean longForm) {
        String area = "kill9 value round " + round;
        String name = "rel-value-" + round + "-" + ProcessHandle.current().pid();
        long count = longForm ? 40_000 : 15_000;
        Path sharedPath = work.file(name + "-shared");
        var workers = new ArrayList<ChildProcess>();
        var own = new ArrayList<SharedLongs>();
        var killed = new ArrayList<ChildProcess>();
        var killedState = new ArrayList<Long>();
        log.note(area + " starts");
        try (var shared = SharedLongs.create(sharedPath, LockWorkers.SHARED_SLOTS);
             SharedInt value = SharedInt.of(name, 0, true)) {
            try {
                for (int w = 0; w < WORKERS; w++) {
                    own.add(SharedLongs.create(LockWorkers.own(sharedPath.toString(), w), LockWorkers.OWN_SLOTS));
                    var p = new ChildProcess("value" + round + "-w" + w, LockWorkers::incrementer,
                            new WorkerJob(w, count, sharedPath.toString(), LockWorkers.SHARED_SLOTS), value);
                    p.output(log).start();
                    workers.add(p);
                }
                for (int k = 0; k < Math.min(kills, WORKERS - 1); k++) {
                    double fraction = 0.1 + 0.8 * random.nextDouble();
                    long deadline = System.nanoTime() + 60_000_000_000L;
                    while (System.nanoTime() < deadline) {
                        long reachable = 0;
                        for (int w = 0; w < WORKERS; w++) {
                            reachable += killed.contains(workers.get(w)) ? own.get(w).get(LockWorkers.ACKED) : count;
                        }
                        boolean working = workers.stream().anyMatch(p -> p.isAlive() && !killed.contains(p));
                        if (acked(own) >= fraction * reachable || !working) {
                            break;
                        }
                        Reliability.sleep(1);
                    }
                    var live = workers.stream().filter(p -> p.isAlive() && !killed.contains(p)).toList();
                    if (live.isEmpty()) {
                        break;
                    }
                    ChildProcess victim = live.get(random.nextInt(live.size()));
                    log.note(area + ": kill -9 " + victim.name() + " pid " + victim.pid());
                    victim.kill();
                    victim.join(5_000);
                    killed.add(victim);
                    killedState.add(own.get(workers.indexOf(victim)).get(LockWorkers.STATE));
                    figures.add("kill9_trials", 1);
                }
                long hangs = 0;
                long joinStart = System.nanoTime();
                for (ChildProcess p : workers) {
                    if (!p.join(60_000)) {
                        hangs++;
                        figures.finding(area, p.name() + " did not finish within 60 s (waiting for the lock?); stderr: "
                                + log.errorsOf(p.name(), 5));
                        p.kill();
                    } else if (!killed.contains(p) && (p.exitCode() == null || p.exitCode() != 0)) {
                        figures.add("kill9_corrupt", 1);
                        figures.finding(area, p.name() + " failed with exit code " + p.exitCode() + ": "
                                + log.errorsOf(p.name(), 6));
                    }
                }
                long survivorsMs = (System.nanoTime() - joinStart) / 1_000_000;
                log.note(area + ": survivors finished " + survivorsMs + " ms after the last kill");
                if (hangs == 0 && survivorsMs > 15_000) {
                    hangs++;
                    figures.finding(area, "the surviving workers needed " + survivorsMs + " ms to finish after the "
                            + "last kill (a round takes about 2 s): a waiter was stuck behind the dead owner");
                }
                figures.add("kill9_hangs", hangs);
                long t0 = System.nanoTime();
                finalAcquire(value, shared, figures, area);
                log.note(area + ": parent's final acquire took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                account(value, shared, own, workers, killed, killedState, figures, area);
                probe(value, log, figures, area);
            } finally {
                workers.forEach(KillRound::killQuietly);
                own.forEach(SharedLongs::close);
            }
        } catch (RuntimeException e) {
            figures.add("kill9_corrupt", 1);
            figures.finding(area, "the round failed: " + e);
        }
        Leftovers.checkRemoved(area, name, workers.stream().map(ChildProcess::pid).toList(), killed, figures);
        log.note(area + " ends");
    }

    /** True if a worker killed after {@code pid} was waiting for the lock: it may have taken pid's report along. */
    private static boolean waiterKilledLater(long pid, List<ChildProcess> killed, List<Long> killedState) {
        int at = -1;
        for (int k = 0; k < killed.size(); k++) {
            if (killed.get(k).pid() == pid) {
                at = k;
            }
        }
        boolean later = false;
        for (int k = at + 1; at >= 0 && k < killed.size(); k++) {
            later |= killedState.get(k) == LockWorkers.ACQUIRING;
        }
        return later;
    }

    private static boolean silentlyTaken(SharedLongs shared, long pid) {
        for (int i = 0; i < Math.min(shared.get(LockWorkers.UNREPORTED), LockWorkers.SHARED_SLOTS
                - LockWorkers.SILENT); i++) {
            if (shared.get(LockWorkers.SILENT + i) == pid) {
                return true;
            }
        }
        return false;
    }

    /** After the kills, a fresh child adds 1 000 under the lock while the parent adds 1 000: the sum must be exact. */
    private static void probe(SharedInt value, ChildLog log, Figures figures, String area) {
        int before = value.get();
        var child = new ChildProcess("value-probe", PitfallWorkers::lockedIncrements, 1_000, value).output(log);
        child.start();
        PitfallWorkers.lockedIncrements(1_000, value);
        if (!child.join(30_000)) {
            child.kill();
            figures.add("kill9_hangs", 1);
            figures.finding(area, "after the kills, a probe child could not add 1 000 under the lock within 30 s");
            return;
        }
        if (value.get() != before + 2_000 || child.exitCode() == null || child.exitCode() != 0) {
            figures.add("kill9_corrupt", 1);
            figures.finding(area, "after the kills, 2 x 1 000 locked increments moved the value from " + before
                    + " to " + value.get() + " (probe child exit code " + child.exitCode() + ")");
        }
    }

    private static long acked(List<SharedLongs> own) {
        long a = 0;
        for (SharedLongs o : own) {
            a += o.get(LockWorkers.ACKED);
        }
        return a;
    }

    /** The parent takes the lock once at the end: a death nobody learned of yet is reported to it. */
    private static void finalAcquire(SharedInt value, SharedLongs shared, Figures figures, String area) {
        var lock = value.getLock();
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                if (!lock.acquire(java.time.Duration.ofSeconds(10))) {
                    figures.add("kill9_hangs", 1);
                    figures.finding(area, "the parent could not take the value's lock within 10 s after every worker "
                            + "ended; snapshot: " + lock.snapshot());
                    return;
                }
                LockWorkers.enter(shared, ProcessHandle.current().pid());
                shared.set(LockWorkers.INSIDE, 0);
                lock.release();
                return;
            } catch (OwnerDiedException e) {
                LockWorkers.report(shared, e.deadPid());
            }
        }
    }

    private static void account(SharedInt value, SharedLongs shared, List<SharedLongs> own, List<ChildProcess> workers,
                                List<ChildProcess> killed, List<Long> killedState, Figures figures, String area) {
        long acked = acked(own);
        long v = value.get();
        long lost = Math.max(0, acked - v);
        long extra = Math.max(0, v - (acked + killed.size()));
        figures.add("kill9_lost", lost);
        figures.add("kill9_duplicated", extra);
        if (lost > 0 || extra > 0) {
            figures.finding(area, "final value " + v + " but " + acked + " increments were acknowledged and "
                    + killed.size() + " workers were killed (allowed: " + acked + ".." + (acked + killed.size()) + ")");
        }
        long violations = shared.get(LockWorkers.VIOLATIONS);
        figures.add("kill9_corrupt", violations);
        if (violations > 0) {
            figures.finding(area, violations + " times a process entered the critical section while a live process "
                    + "was inside");
        }
        var reports = new ArrayList<Long>();
        for (int i = 0; i < Math.min(shared.get(LockWorkers.REPORT_COUNT), LockWorkers.SILENT
                - LockWorkers.REPORTS); i++) {
            reports.add(shared.get(LockWorkers.REPORTS + i));
        }
        long unreported = 0;
        for (int i = 0; i < Math.min(shared.get(LockWorkers.UNREPORTED), LockWorkers.SHARED_SLOTS
                - LockWorkers.SILENT); i++) {
            long pid = shared.get(LockWorkers.SILENT + i);
            if (waiterKilledLater(pid, killed, killedState)) {
                figures.add("kill9_owner_death_reports_lost_with_their_waiter", 1);
                figures.finding(area + " (excused)", "the death of pid " + pid + " inside the critical section was "
                        + "never reported, but a worker killed later was waiting for the lock and may have received "
                        + "the report");
            } else {
                unreported++;
                figures.finding(area, "pid " + pid + " died inside the critical section and another process took "
                        + "the lock without anyone being told (no OwnerDiedException)");
            }
        }
        for (int k = 0; k < killed.size(); k++) {
            long pid = killed.get(k).pid();
            long n = reports.stream().filter(r -> r == pid).count();
            long state = killedState.get(k);
            if (state == LockWorkers.HOLDING && n == 0 && !silentlyTaken(shared, pid)) {
                if (waiterKilledLater(pid, killed, killedState)) {
                    figures.add("kill9_owner_death_reports_lost_with_their_waiter", 1);
                } else {
                    unreported++;
                    figures.finding(area, "worker pid " + pid + " was killed holding the lock but its death was never "
                            + "reported, not even to the parent's final acquire");
                }
            }
            if (n > 1) {
                figures.add("kill9_corrupt", 1);
                figures.finding(area, "the death of pid " + pid + " was reported " + n + " times");
            }
            if (n > 0 && state == LockWorkers.IDLE) {
                figures.add("kill9_corrupt", 1);
                figures.finding(area, "pid " + pid + " was reported dead holding the lock, but it was killed while not"
                        + " holding it");
            }
        }
        for (long r : reports) {
            if (workers.stream().noneMatch(p -> p.pid() == r && killed.contains(p))) {
                figures.add("kill9_corrupt", 1);
                figures.finding(area, "owner-died report for pid " + r + ", which was not killed");
            }
        }
        figures.add("kill9_owner_deaths_unreported", unreported);
        figures.add("kill9_owner_deaths_reported", reports.size());
    }
}
