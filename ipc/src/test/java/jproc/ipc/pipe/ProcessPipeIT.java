package jproc.ipc.pipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.testing.ChildJvms;
import jproc.ipc.testing.SessionFilesForTest;

/** Pipes between real JVMs: echo, end of stream when the child exits or is killed, broken pipe. */
@Timeout(60)
class ProcessPipeIT {
    private static final Duration START = Duration.ofSeconds(30);
    @RegisterExtension
    final ChildJvms children = new ChildJvms();

    @Test
    void childEchoesUntilTheParentClosesItsEnd() {
        String qn = SessionFilesForTest.unique("pq");
        String pn = SessionFilesForTest.unique("pipe");
        try (ProcessQueue<Object> q = ProcessQueue.of(qn)) {
            var pipe = ProcessPipe.of(pn);
            q.put(pipe.right());
            var c = children.start("pipeEcho", qn);
            for (int i = 0; i < 1000; i++) {
                pipe.left().send(i);
                assertEquals(i, (int) pipe.left().recv(Duration.ofSeconds(30)));
            }
            pipe.left().close();
            c.await("EOF", START);
            assertEquals(0, c.waitFor(START), c.output());
            pipe.right().close();
        }
        assertTrue(SessionFilesForTest.filesContaining("pipe-" + pn).isEmpty());
    }

    @Test
    void recvEndsWithEndOfStreamWhenTheChildIsKilled() {
        String qn = SessionFilesForTest.unique("pq");
        try (ProcessQueue<Object> q = ProcessQueue.of(qn); var pipe = ProcessPipe.create()) {
            q.put(pipe.right());
            var c = children.start("pipeHold", qn);
            assertEquals("attached", pipe.left().recv(Duration.ofSeconds(30)));
            c.kill9();
            long t0 = System.nanoTime();
            assertThrows(EndOfStreamException.class, () -> pipe.left().recv(Duration.ofSeconds(20)));
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "end of stream took too long");
            assertThrows(BrokenPipeException.class, () -> {
                for (int i = 0; i < 1_000_000; i++) {
                    pipe.left().send(i);
                }
            });
        }
    }

    @Test
    void recvEndsWithEndOfStreamWhenTheChildExitsWithoutSending() {
        String qn = SessionFilesForTest.unique("pq");
        try (ProcessQueue<Object> q = ProcessQueue.of(qn); var pipe = ProcessPipe.create(false)) {
            q.put(pipe.right());
            var c = children.start("pipeAttachAndExit", qn);
            assertEquals(0, c.waitFor(START), c.output());
            assertThrows(EndOfStreamException.class, () -> pipe.left().recv(Duration.ofSeconds(20)));
        }
    }
}
