package jproc.ipc.testing;

import java.time.Duration;

import jproc.ipc.pipe.EndOfStreamException;
import jproc.ipc.pipe.PipeConnection;
import jproc.ipc.queue.ProcessQueue;

/** Child scenarios for pipe tests. */
final class PipeScenarios {
    private PipeScenarios() {
    }

    static boolean run(String name, String[] a) throws Exception {
        switch (name) {
            case "pipeEcho" -> {
                PipeConnection c = connection(a[0]);
                ChildMain.ready();
                try {
                    while (true) {
                        c.send(c.<Object>recv());
                    }
                } catch (EndOfStreamException e) {
                    ChildMain.say("EOF");
                }
                c.close();
            }
            case "pipeHold" -> {
                PipeConnection c = connection(a[0]);
                c.send("attached");
                ChildMain.ready();
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            }
            case "pipeAttachAndExit" -> {
                connection(a[0]);
                ChildMain.ready();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static PipeConnection connection(String queue) {
        ProcessQueue<PipeConnection> q = ProcessQueue.open(queue);
        PipeConnection c = q.get(Duration.ofSeconds(20));
        q.close();
        return c;
    }
}
