package jproc.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import jproc.ipc.queue.QueueSnapshot;
import jproc.ipc.testing.ChildJvm;
import jproc.ipc.testing.SessionFilesForTest;

/** Inspection from another process, and removal of a crashed session's files by the tracker. */
@Timeout(60)
class ChannelsIT {
    @TempDir
    Path dir;

    @Test
    void aQueueOfAChildIsInspectedWithoutAttachingOrConsuming() {
        String n = SessionFilesForTest.unique("inspected");
        try (var c = ChildJvm.start("fillQueueAndWait", n)) {
            c.await("READY", Duration.ofSeconds(30));
            var s = (QueueSnapshot) Channels.snapshot(n);
            assertEquals(3, s.size());
            assertEquals(List.of("\"first\"", "2", "[3]"), s.head());
            assertEquals(List.of(c.pid()), s.attachedPids());
            assertTrue(Channels.list().stream().anyMatch(i -> i.kind() == ChannelKind.QUEUE && i.name().equals(n)));
            assertEquals(3, ((QueueSnapshot) Channels.snapshot(ChannelKind.QUEUE, n)).size());
        }
    }

    @Test
    void theTrackerRemovesEveryFileOfASessionWhoseRootWasKilled() throws Exception {
        try (var root = ChildJvm.startRoot(dir, "rootWithTracker")) {
            String[] w = root.await("WATCHER", Duration.ofSeconds(30)).split(" ");
            root.await("READY", Duration.ofSeconds(30));
            long watcher = Long.parseLong(w[1]);
            String prefix = w[2];
            assertTrue(watcher > 0, "no watcher started");
            assertTrue(files(prefix).size() >= 2, "expected queue and value files: " + files(prefix));
            root.kill9();
            long until = System.currentTimeMillis() + 5000;
            while (!files(prefix).isEmpty() && System.currentTimeMillis() < until) {
                Thread.sleep(50);
            }
            assertEquals(List.of(), files(prefix));
            until = System.currentTimeMillis() + 5000;
            while (ProcessHandle.of(watcher).isPresent() && System.currentTimeMillis() < until) {
                Thread.sleep(50);
            }
            assertFalse(ProcessHandle.of(watcher).map(ProcessHandle::isAlive).orElse(false), "watcher still runs");
        }
    }

    private List<Path> files(String prefix) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }
}
