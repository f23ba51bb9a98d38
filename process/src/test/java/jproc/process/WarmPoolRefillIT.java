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

    @Test
    @Timeout(60)
    void killAllRightAfterAWarmStartLeavesNoSpareBehind() throws InterruptedException {
        ChildProcesses.prestart();
        long end = System.currentTimeMillis() + 15_000;
        while (WarmPool.instance().ready() == 0 && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertTrue(WarmPool.instance().ready() > 0, "no spare became ready within 15 s");
        // taking the spare schedules a replacement a moment later; killAll comes before it starts
        var p = new ChildProcess("taken", () -> { }).start();
        ChildProcesses.killAll(5_000);
        p.join();
        Thread.sleep(2_000); // well past the replacement's delay and a JVM's start
        List<Long> alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).toList();
        assertEquals(List.of(), alive, "a spare was started after killAll");
    }
}
