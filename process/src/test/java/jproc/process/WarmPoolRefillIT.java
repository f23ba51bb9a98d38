package jproc.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.process.spawn.WarmPool;

/** A replacement spare scheduled just before {@link ChildProcesses#killAll} never starts after it. */
class WarmPoolRefillIT {
    @AfterEach
    void noChildLeftBehind() throws InterruptedException {
        NoChildLeftBehind.check();
    }

    /** The warm pool with its failed starts of earlier tests forgotten and one spare ready. */
    private static WarmPool freshPoolWithASpare() throws InterruptedException {
        WarmPool pool = WarmPool.instance();
        pool.discardSpares();
        if (pool.size() == 0) {
            pool.setSize(1);
        }
        pool.prestart();
        long end = System.currentTimeMillis() + 45_000;
        while (pool.ready() == 0 && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertTrue(pool.ready() > 0, "no spare became ready within 45 s: " + pool.describe());
        return pool;
    }

    @Test
    @Timeout(90)
    void killAllRightAfterAWarmStartLeavesNoSpareBehind() throws InterruptedException {
        WarmPool pool = freshPoolWithASpare();
        // taking the spare schedules a replacement a moment later; killAll comes before it starts
        var p = new ChildProcess("taken", () -> { }).start();
        ChildProcesses.killAll(5_000);
        p.join();
        // a replacement would be launched within the refill delay and live on (a spare waits for work): watch for
        // longer than a spare takes to start
        List<Long> alive = List.of();
        long watchEnd = System.currentTimeMillis() + 6_000;
        while (System.currentTimeMillis() < watchEnd && alive.isEmpty()) {
            Thread.sleep(50);
            alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                    .filter(h -> h.pid() != p.pid()).map(ProcessHandle::pid).toList();
        }
        assertEquals(List.of(), alive, "a spare was started after killAll");
    }

    @Test
    @Timeout(90)
    void sparesDiscardedWhileARefillIsPendingAreStartedAgainByTheNextPrestart() throws InterruptedException {
        WarmPool pool = freshPoolWithASpare();
        var p = new ChildProcess("taken-2", () -> { }).start(); // schedules a replacement
        pool.discardSpares(); // as new default options do: the pending replacement is of the old generation
        pool.prestart();
        long end = System.currentTimeMillis() + 45_000;
        while (pool.ready() == 0 && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        p.join();
        assertTrue(pool.ready() > 0, "the pool stayed empty: " + pool.describe());
    }
}
