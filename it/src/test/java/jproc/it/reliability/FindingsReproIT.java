package jproc.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.codec.MessageCodec;
import jproc.ipc.codec.MessageRejectedException;
import jproc.ipc.codec.MessageTags;
import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.session.Session;
import jproc.ipc.value.SharedInt;
import jproc.process.ChildProcess;
import jproc.process.ChildProcesses;

/**
 * Small, deterministic repros of what the reliability suite found, one behaviour each, so that the owners can fix
 * them and see the fix: files of a killed root process, files kept by a handle whose receiver was killed before it
 * attached, side files of a producer killed inside {@code put}, and a deserialization stream that makes the
 * receiver hash for ever.
 */
class FindingsReproIT {
    @AfterEach
    void endChildren() {
        ChildProcesses.killAll(5_000);
    }

    /** Spec 5: "Kernel killed ... zero leftover shared-memory files"; issue 4: "by a tracker when processes crash". */
    @Test
    @Timeout(60)
    void sessionFilesAreRemovedAfterTheRootProcessIsKilled() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process root = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "jproc.bench.reliability.PitfallParent", "kill").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String session;
        try (var out = new BufferedReader(new InputStreamReader(root.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertTrue(ready != null && ready.startsWith("READY "), "the root JVM did not start: " + ready);
            session = ready.split(" ")[1];
            root.destroyForcibly();
            root.waitFor(10, TimeUnit.SECONDS);
        }
        List<Path> left = waitForNoFiles("jproc-" + session + "-", Duration.ofSeconds(10));
        left.forEach(FindingsReproIT::deleteQuietly);
        assertEquals(List.of(), left, "files of a root process killed with SIGKILL (its children ended)");
    }

    /** Issue 4: "Files are removed when the last process closes a channel". */
    @Test
    @Timeout(120)
    void channelFileIsRemovedWhenTheChildItWasPassedToDiedBeforeAttaching() throws Exception {
        String name = "repro-unattached-" + ProcessHandle.current().pid();
        Path file = Session.current().file("value", name);
        try (var v = SharedInt.of(name, 0, true)) {
            var child = new ChildProcess("repro-unattached", (SharedInt x) -> x.incrementAndGet(), v).coldStart(true);
            child.start();
            child.kill();
            child.join();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(65).toNanos();
        while (Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        boolean left = Files.exists(file);
        deleteQuietly(file);
        assertTrue(!left, file + " remains after its last holder closed it and the 60 s transfer hold of the handle "
                + "passed to a child that was killed before it attached expired");
    }

    /** Issue 4: files removed when the last process closes a channel, side files included. */
    @Test
    @Timeout(60)
    void sideFileOfAProducerKilledInsidePutIsRemoved() throws Exception {
        String name = "repro-blob-" + ProcessHandle.current().pid();
        long pid;
        try (ProcessQueue<Object> q = ProcessQueue.of(name, 1)) {
            q.put("fills the queue");
            var child = new ChildProcess("repro-blob", (ProcessQueue<Object> x) -> x.put(new byte[700_000]), q);
            child.start();
            pid = child.pid();
            waitUntilBlocked(pid, Duration.ofSeconds(20));
            child.kill();
            child.join();
        }
        List<Path> left = waitForNoFiles("jproc-" + Session.current().id() + "-blob-" + pid + ".",
                Duration.ofSeconds(3));
        left.forEach(FindingsReproIT::deleteQuietly);
        assertEquals(List.of(), left, "side file of a producer killed while its put() waited for room");
    }

    /** Spec 5: deserialization is filtered; a crafted stream must not stall the receiver (SerialDOS). */
    @Test
    @Timeout(60)
    void nestedHashSetStreamIsRejectedWithinSeconds() throws Exception {
        byte[] stream = jproc.bench.reliability.AttackStreams.serialDos(100);
        var child = new ChildProcess("repro-serialdos", (byte[] s) -> decodeExpectingRejection(s), stream);
        child.start();
        boolean ended = child.join(Duration.ofSeconds(15));
        if (!ended) {
            child.kill();
        }
        assertTrue(ended, "decoding a 100-level nested HashSet stream (" + stream.length + " bytes) did not end within "
                + "15 s: the receiver is stuck hashing 2^100 set elements");
        assertEquals(0, child.exitCode(), "the stream was decoded instead of rejected");
    }

    static void decodeExpectingRejection(byte[] stream) {
        try {
            MessageCodec.decode(MessageTags.SERIALIZED, stream);
            System.exit(3);
        } catch (MessageRejectedException e) {
            System.out.println("rejected: " + e.getMessage());
        }
    }

    private static List<Path> files(String prefix) throws IOException {
        try (var list = Files.list(Session.current().directory())) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    private static List<Path> waitForNoFiles(String prefix, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Path> left = files(prefix);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = files(prefix);
        }
        return left;
    }

    /** Waits until the process's trace says it is blocked (here: inside put, waiting for room). */
    private static void waitUntilBlocked(long pid, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (jproc.ipc.trace.TraceReader.readAll(Session.current(), false).stream()
                .noneMatch(t -> t.pid() == pid && t.blockedOn() != null)) {
            assertTrue(System.nanoTime() < deadline, "process " + pid + " did not block within " + limit);
            Thread.sleep(20);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // reported by the assertion
        }
    }
}
