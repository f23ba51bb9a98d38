package jproc.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import jproc.process.spawn.WarmPool;

/** Ends spares and children, then checks that no descendant of the test JVM is alive. */
public final class NoChildLeftBehind {
    private NoChildLeftBehind() {
    }

    public static void check() throws InterruptedException {
        WarmPool.instance().discardSpares();
        ChildProcesses.killAll(2000);
        long end = System.currentTimeMillis() + 3000;
        List<String> alive = List.of();
        while (System.currentTimeMillis() < end) {
            alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                    .map(h -> h.pid() + " " + h.info().commandLine().orElse("?"))
                    .filter(s -> s.contains("java")).collect(Collectors.toList());
            if (alive.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        }
        assertEquals(List.of(), alive, "child JVMs left behind");
    }
}
