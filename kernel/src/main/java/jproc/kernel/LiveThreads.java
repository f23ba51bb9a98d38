package jproc.kernel;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/** Finds the threads a cell started and left running (they may print after the cell ends). */
final class LiveThreads {
    private LiveThreads() {
    }

    /** Every live platform thread of the JVM. */
    static Set<Thread> snapshot() {
        ThreadGroup g = Thread.currentThread().getThreadGroup();
        while (g.getParent() != null) {
            g = g.getParent();
        }
        Thread[] threads = new Thread[g.activeCount() + 16];
        int n = g.enumerate(threads, true);
        Set<Thread> set = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < n; i++) {
            set.add(threads[i]);
        }
        return set;
    }

    /** True if a thread that is alive now, and was not in {@code before}, belongs to notebook code. */
    static boolean startedSince(Set<Thread> before) {
        for (Thread t : snapshot()) {
            if (before.contains(t) || !t.isAlive() || internal(t)) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static boolean internal(Thread t) {
        if (t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool()) {
            return true;
        }
        String name = t.getName();
        return name.startsWith("jproc-") || name.equals("process reaper") || name.startsWith("process reaper")
                || name.equals("Common-Cleaner") || name.startsWith("JFR ") || name.equals("Attach Listener")
                // the JDK's shared timer of CompletableFuture.orTimeout and delayedExecutor: lives as long as the JVM
                || name.equals("CompletableFutureDelayScheduler");
    }
}
