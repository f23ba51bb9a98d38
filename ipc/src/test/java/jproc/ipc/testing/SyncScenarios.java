package jproc.ipc.testing;

import java.time.Duration;

import jproc.ipc.sync.ProcessBarrier;
import jproc.ipc.sync.ProcessCondition;
import jproc.ipc.sync.ProcessEvent;
import jproc.ipc.sync.ProcessLock;
import jproc.ipc.sync.ProcessRLock;
import jproc.ipc.sync.ProcessSemaphore;
import jproc.ipc.value.SharedInt;

/** Child scenarios for values and synchronization primitives. */
final class SyncScenarios {
    private SyncScenarios() {
    }

    static boolean run(String name, String[] a) throws Exception {
        switch (name) {
            case "increment" -> {
                try (var v = SharedInt.open(a[0]); var start = SharedInt.open(a[1])) {
                    int n = Integer.parseInt(a[2]);
                    boolean locked = Boolean.parseBoolean(a[3]);
                    ChildMain.ready();
                    while (start.get() == 0) {
                        Thread.onSpinWait();
                    }
                    for (int i = 0; i < n; i++) {
                        if (locked) {
                            try (var held = v.getLock().hold()) {
                                v.set(v.get() + 1);
                            }
                        } else {
                            v.set(v.get() + 1);
                        }
                    }
                }
            }
            case "holdLock" -> {
                AutoCloseable lock = switch (a[0]) {
                    case "lock" -> {
                        var l = ProcessLock.open(a[1]);
                        l.acquire();
                        yield l;
                    }
                    case "rlock" -> {
                        var l = ProcessRLock.open(a[1]);
                        l.acquire();
                        l.acquire();
                        yield l;
                    }
                    default -> {
                        var v = SharedInt.open(a[1]);
                        v.getLock().acquire();
                        yield v;
                    }
                };
                ChildMain.ready();
                Thread.sleep(Duration.ofMinutes(5).toMillis());
                lock.close();
            }
            case "semHold" -> {
                var sem = ProcessSemaphore.open(a[0]);
                for (int i = 0; i < Integer.parseInt(a[1]); i++) {
                    sem.acquire();
                }
                ChildMain.ready();
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            }
            case "barrierWait" -> {
                try (var b = ProcessBarrier.open(a[0])) {
                    ChildMain.ready();
                    ChildMain.say("INDEX " + b.await(Duration.ofSeconds(30)));
                }
            }
            case "eventWait" -> {
                try (var e = ProcessEvent.open(a[0])) {
                    ChildMain.ready();
                    e.await();
                    ChildMain.say("WOKE");
                }
            }
            case "conditionWait" -> {
                try (var c = ProcessCondition.open(a[0]); var v = SharedInt.open(a[1])) {
                    try (var held = c.hold()) {
                        ChildMain.ready();
                        c.waitFor(() -> v.get() > 0);
                        ChildMain.say("WOKE " + v.get());
                    }
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
