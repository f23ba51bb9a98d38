package jproc.magics.view;

import static jproc.magics.view.Traces.blocked;
import static jproc.magics.view.Traces.exited;
import static jproc.magics.view.Traces.running;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProcessTableTest {
    @Test
    void everyColumnAppearsInTheTextForm() {
        View v = ProcessTable.render(List.of(running("producer", 4242), exited("consumer", 4243, -9)), List.of());
        String t = v.text();
        for (String h : List.of("name", "pid", "state", "blocked on", "exit", "CPU", "memory", "uptime")) {
            assertTrue(t.contains(h), h + " in\n" + t);
        }
        assertTrue(t.contains("producer  4242  running"), t);
        assertTrue(t.contains("-9 (SIGKILL)"), t);
        assertTrue(t.contains("30.0 MB"), t);
        assertTrue(t.contains("2.5 s"), t);
        Xml.parse(v.html());
    }

    @Test
    void deadlockedProcessesAreMarkedAndTheCycleNamed() {
        var procs = List.of(blocked("a", 1, "acquire lock x"), blocked("b", 2, "acquire lock y"));
        var cycles = Deadlocks.find(procs, List.of(new LockHolding("lock", "x", 2), new LockHolding("lock", "y", 1)));
        View v = ProcessTable.render(procs, cycles);
        assertTrue(v.text().startsWith("Deadlock: a (pid 1) waits for lock x held by b (pid 2)"), v.text());
        assertTrue(v.text().contains("cycle: a -> lock x -> b -> lock y -> a"), v.text());
        assertTrue(v.text().contains("deadlocked"), v.text());
        assertTrue(v.html().contains("class=\"warn\""), v.html());
    }

    @Test
    void noProcessesSaysSo() {
        View v = ProcessTable.render(List.of(), List.of());
        assertTrue(v.text().contains("No processes."));
    }
}
