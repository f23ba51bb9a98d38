package jproc.ipc.pipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.ChannelInterruptedException;
import jproc.ipc.ChannelTimeoutException;
import jproc.ipc.session.Session;
import jproc.ipc.testing.SessionFilesForTest;

@Timeout(30)
class ProcessPipeTest {
    private static String name() {
        return SessionFilesForTest.unique("p");
    }

    @Test
    void duplexPipeCarriesMessagesBothWays() {
        try (var p = ProcessPipe.of(name())) {
            p.left().send("ping");
            assertEquals("ping", p.right().recv());
            p.right().send(42);
            assertEquals(42, (int) p.left().recv());
            assertTrue(p.left().canSend() && p.left().canReceive());
        }
    }

    @Test
    void oneWayPipeSendsFromRightToLeftOnly() {
        try (var p = ProcessPipe.of(name(), false)) {
            p.right().send(1L);
            assertEquals(1L, (long) p.left().recv());
            assertThrows(UnsupportedOperationException.class, () -> p.left().send(2));
            assertThrows(UnsupportedOperationException.class, () -> p.right().recv());
            assertFalse(p.left().canSend());
            assertFalse(p.right().canReceive());
        }
    }

    @Test
    void recvDeliversWhatIsLeftThenEndOfStreamWhenThePeerClosed() {
        var p = ProcessPipe.of(name());
        p.right().send("a");
        p.right().send("b");
        p.right().close();
        assertEquals("a", p.left().recv());
        assertEquals("b", p.left().recv());
        assertTrue(p.left().poll());
        assertThrows(EndOfStreamException.class, () -> p.left().recv());
        p.left().close();
    }

    @Test
    void sendToAClosedPeerIsABrokenPipe() {
        var p = ProcessPipe.of(name());
        p.left().close();
        assertThrows(BrokenPipeException.class, () -> p.right().send("x"));
        p.right().close();
    }

    @Test
    void recvWithTimeoutThrowsWhenNothingComes() {
        try (var p = ProcessPipe.of(name())) {
            assertThrows(ChannelTimeoutException.class, () -> p.left().recv(Duration.ofMillis(50)));
            assertFalse(p.left().poll(Duration.ofMillis(20)));
        }
    }

    @Test
    void pollWaitsForAMessage() throws Exception {
        try (var p = ProcessPipe.of(name())) {
            var t = new Thread(() -> {
                sleep(100);
                p.right().send("late");
            });
            t.start();
            assertTrue(p.left().poll(Duration.ofSeconds(5)));
            assertEquals("late", p.left().recv());
            t.join();
        }
    }

    @Test
    void closingBothEndsRemovesUnreadSideFiles() {
        String n = name();
        try (var p = ProcessPipe.of(n)) {
            p.left().send(new byte[400_000]);
            p.right().send(new byte[400_000]);
            assertEquals(2, SessionFilesForTest.filesContaining("+pipe-" + n).size());
        }
        assertTrue(SessionFilesForTest.filesContaining("+pipe-" + n).isEmpty(),
                () -> "side files left: " + SessionFilesForTest.filesContaining("+pipe-" + n));
    }

    @Test
    void bytesTravelRaw() {
        try (var p = ProcessPipe.of(name())) {
            p.left().sendBytes(new byte[] {9, 8, 7, 6}, 1, 2);
            assertArrayEquals(new byte[] {8, 7}, p.right().recvBytes());
            p.left().sendBytes(new byte[300_000]);
            assertEquals(300_000, p.right().<byte[]>recv().length);
        }
    }

    @Test
    void interruptingABlockedRecvThrowsPromptly() throws Exception {
        try (var p = ProcessPipe.of(name())) {
            var failure = new AtomicReference<Throwable>();
            var t = new Thread(() -> {
                try {
                    p.left().recv();
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            sleep(100);
            t.interrupt();
            t.join(1000);
            assertFalse(t.isAlive());
            assertTrue(failure.get() instanceof ChannelInterruptedException, String.valueOf(failure.get()));
        }
    }

    @Test
    void fileIsRemovedWhenBothEndsAreClosed() {
        String n = name();
        var p = ProcessPipe.of(n);
        var path = Session.current().file("pipe", n);
        assertTrue(Files.exists(path));
        p.close();
        assertFalse(Files.exists(path));
    }

    @Test
    void snapshotShowsWaitingMessagesAndHolders() {
        try (var p = ProcessPipe.of(name())) {
            p.right().send("hi");
            PipeSnapshot s = p.left().snapshot();
            assertEquals(1, s.waitingForLeft());
            assertEquals(0, s.waitingForRight());
            assertTrue(s.leftHolders().contains(ProcessHandle.current().pid()));
            assertEquals("to left: \"hi\"", s.head().get(0));
        }
    }

    @Test
    void aWholePipeTravelsAsAMessageAndStaysConnected() {
        try (var p = ProcessPipe.of(name())) {
            var e = jproc.ipc.codec.MessageCodec.encode(p);
            try (var copy = (ProcessPipe) jproc.ipc.codec.MessageCodec.decode(e.tag(), e.bytes())) {
                copy.left().send("through the copy");
                assertEquals("through the copy", p.right().recv());
                assertEquals(p.name(), copy.name());
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
