package jproc.bench.reliability;

import java.time.Duration;

import jproc.ipc.queue.ProcessQueue;
import jproc.process.ChildProcess;

/**
 * A parent JVM for the pitfalls about a parent's death: starts a child and a daemon child, opens a queue with an
 * item in it, prints {@code READY <session> <child pid> <daemon pid>}, then sleeps until it is killed
 * ({@code kill}) or exits normally after 1 s ({@code exit}).
 */
public final class PitfallParent {
    private PitfallParent() {
    }

    public static void main(String[] args) {
        var q = ProcessQueue.<String>of("pitfall-parent");
        q.put("left in the queue");
        var child = new ChildProcess("orphan-candidate", PitfallWorkers::sleepLong);
        var daemon = new ChildProcess("daemon-child", PitfallWorkers::sleepLong).daemon(true);
        child.start();
        daemon.start();
        System.out.println("READY " + jproc.ipc.session.Session.current().id() + " " + child.pid() + " "
                + daemon.pid());
        System.out.flush();
        if (args.length > 0 && args[0].equals("exit")) {
            PitfallWorkers.sleep(1_000);
            child.kill();
            child.join(Duration.ofSeconds(5));
            System.exit(0);
        }
        PitfallWorkers.sleep(600_000);
    }
}
