package jproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.pipe.PipeConnection;
import jproc.ipc.sync.ProcessLock;
import jproc.ipc.value.SharedInt;
import jproc.process.ChildProcesses;
import jproc.process.SerializableBiConsumer;
import jproc.process.SerializableConsumer;
import jproc.process.spawn.WarmPool;

/** The front door's factories work across child processes (the tutorials' first steps). */
class MpIT {
    private static final String ID = Long.toString(ProcessHandle.current().pid());

    @AfterAll
    static void noChildLeftBehind() throws InterruptedException {
        WarmPool.instance().discardSpares();
        ChildProcesses.killAll(2000);
        long end = System.currentTimeMillis() + 3000;
        while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive)
                && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive), "children left behind");
    }

    @Test
    @Timeout(60)
    void childrenShareAValueUnderALock() {
        try (SharedInt counter = Mp.value("mp-counter-" + ID, 0); ProcessLock lock = Mp.lock("mp-lock-" + ID)) {
            var children = new ArrayList<jproc.process.ChildProcess>();
            for (int i = 0; i < 2; i++) {
                children.add(Mp.process("adder-" + i, (SerializableBiConsumer<SharedInt, ProcessLock>) (c, l) -> {
                    for (int k = 0; k < 1000; k++) {
                        l.acquire();
                        try {
                            c.set(c.get() + 1);
                        } finally {
                            l.release();
                        }
                    }
                }, counter, lock).start());
            }
            for (var c : children) {
                c.join();
                assertEquals(0, c.exitCode());
            }
            assertEquals(2000, counter.get());
        }
    }

    @Test
    @Timeout(60)
    void pipeCarriesMessagesBothWays() {
        try (var pipe = Mp.pipe("mp-pipe-" + ID)) {
            var child = Mp.process("echo", (SerializableConsumer<PipeConnection>) end -> {
                String msg = end.recv();
                end.send(msg.toUpperCase());
            }, pipe.right()).start();
            pipe.left().send("hello");
            String back = pipe.left().recv(Duration.ofSeconds(20));
            child.join();
            assertEquals("HELLO", back);
        }
    }

    @Test
    @Timeout(60)
    void childrenMeetAtABarrierAndWaitForAnEvent() {
        try (var barrier = Mp.barrier("mp-barrier-" + ID, 3); var go = Mp.event("mp-event-" + ID);
             var sem = Mp.semaphore("mp-sem-" + ID, 1); SharedInt passed = Mp.value("mp-passed-" + ID, 0)) {
            var children = new ArrayList<jproc.process.ChildProcess>();
            for (int i = 0; i < 2; i++) {
                children.add(Mp.process("party-" + i, () -> {
                    barrier.await(Duration.ofSeconds(20));
                    go.await(Duration.ofSeconds(20));
                    sem.acquire();
                    try {
                        passed.incrementAndGet();
                    } finally {
                        sem.release();
                    }
                }).start());
            }
            barrier.await(Duration.ofSeconds(20));
            go.set();
            for (var c : children) {
                c.join();
                assertEquals(0, c.exitCode());
            }
            assertEquals(2, passed.get());
        }
    }

    @Test
    @Timeout(60)
    void poolAndProcessFactoriesAreThere() {
        try (var pool = Mp.pool(1)) {
            assertEquals(List.of(1, 4, 9), pool.map(x -> x * x, List.of(1, 2, 3)));
        }
        var p = Mp.process(() -> System.out.println("named " + Mp.currentProcess().name()));
        assertTrue(p.name().startsWith("Process-"));
        assertEquals("MainProcess", Mp.currentProcess().name());
        p.start().join();
        assertEquals(0, p.exitCode());
    }
}
