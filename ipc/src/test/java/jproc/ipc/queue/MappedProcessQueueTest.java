package jproc.ipc.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.ChannelClosedException;
import jproc.ipc.ChannelInterruptedException;
import jproc.ipc.ChannelTimeoutException;
import jproc.ipc.session.Session;
import jproc.ipc.testing.SessionFilesForTest;

@Timeout(30)
class MappedProcessQueueTest {
    record Job(int id, String what) {
    }

    private static String name() {
        return SessionFilesForTest.unique("q");
    }

    @Test
    void itemsComeOutInTheOrderTheyWentIn() {
        try (ProcessQueue<Object> q = ProcessQueue.of(name())) {
            Object[] items = {1, 2L, 3.5, true, (byte) 7, 'c', (short) 9, 1.5f, null, "text", new byte[] {1, 2},
                new int[] {3, 4}, new long[] {5}, new double[] {6.5}, new Job(1, "x"), List.of(1, 2),
                Map.of("k", "v")};
            for (Object o : items) {
                q.put(o);
            }
            assertEquals(items.length, q.size());
            for (Object o : items) {
                Object got = q.get();
                if (o instanceof byte[] b) {
                    assertArrayEquals(b, (byte[]) got);
                } else if (o instanceof int[] a) {
                    assertArrayEquals(a, (int[]) got);
                } else if (o instanceof long[] a) {
                    assertArrayEquals(a, (long[]) got);
                } else if (o instanceof double[] a) {
                    assertArrayEquals(a, (double[]) got);
                } else {
                    assertEquals(o, got);
                }
            }
            assertTrue(q.isEmpty());
        }
    }

    @Test
    void manyItemsWrapAroundTheRing() {
        try (ProcessQueue<Long> q = ProcessQueue.of(name(), 0, 4096)) {
            long next = 0;
            for (long i = 0; i < 100_000; i++) {
                if (!q.offer(i)) {
                    while (!q.isEmpty()) {
                        assertEquals(next++, q.get());
                    }
                    assertTrue(q.offer(i));
                }
                if (i % 7 == 0) {
                    while (!q.isEmpty()) {
                        assertEquals(next++, q.poll());
                    }
                    q.put(-1L);
                    assertEquals(-1L, q.poll());
                }
            }
            while (!q.isEmpty()) {
                assertEquals(next++, q.get());
            }
            assertEquals(100_000L, next);
        }
    }

    @Test
    void mixedSizesWrapWithPadding() {
        try (ProcessQueue<String> q = ProcessQueue.of(name(), 0, 4096)) {
            for (int round = 0; round < 2000; round++) {
                String s = "x".repeat(round % 700);
                q.put(s);
                assertEquals(s, q.get());
            }
        }
    }

    @Test
    void messagesLargerThanTheRingTravelThroughASideFile() {
        String n = name();
        try (ProcessQueue<byte[]> q = ProcessQueue.of(n, 0, 4096)) {
            byte[] big = new byte[100_000];
            big[99_999] = 42;
            q.put(big);
            q.put(new byte[] {1});
            assertEquals(1, SessionFilesForTest.filesContaining("-blob-").stream()
                    .filter(p -> p.toString().contains("-blob-" + ProcessHandle.current().pid() + ".")).count());
            assertArrayEquals(big, q.get());
            assertArrayEquals(new byte[] {1}, q.get());
        }
        assertTrue(SessionFilesForTest.filesContaining("-blob-" + ProcessHandle.current().pid() + ".").isEmpty());
    }

    @Test
    void removingAQueueRemovesItsSideFilesEvenThoseNoRecordNames() {
        String n = name();
        String orphan;
        try (ProcessQueue<byte[]> q = ProcessQueue.of(n, 0, 4096)) {
            q.put(new byte[50_000]); // never consumed
            // what a producer killed while writing its side file leaves: a file no record names
            orphan = jproc.ipc.shm.BlobFiles.newName("queue-" + n);
            jproc.ipc.shm.BlobFiles.write(orphan, new byte[10]);
            assertEquals(2, SessionFilesForTest.filesContaining("+queue-" + n).size());
        }
        assertTrue(SessionFilesForTest.filesContaining("+queue-" + n).isEmpty(),
                () -> "side files left: " + SessionFilesForTest.filesContaining("+queue-" + n));
    }

    @Test
    void boundedQueueRefusesBeyondItsBound() {
        try (ProcessQueue<Integer> q = ProcessQueue.of(name(), 3)) {
            assertTrue(q.offer(1));
            assertTrue(q.offer(2));
            assertTrue(q.offer(3));
            assertTrue(q.isFull());
            assertFalse(q.offer(4));
            assertFalse(q.offer(4, Duration.ofMillis(50)));
            assertThrows(ChannelTimeoutException.class, () -> q.put(4, Duration.ofMillis(20)));
            assertEquals(1, q.get());
            assertTrue(q.offer(4));
            assertEquals(3, q.size());
        }
    }

    @Test
    void getWithTimeoutOnEmptyQueueThrowsAndPollReturnsNull() {
        try (ProcessQueue<Integer> q = ProcessQueue.of(name())) {
            long t0 = System.nanoTime();
            assertThrows(ChannelTimeoutException.class, () -> q.get(Duration.ofMillis(100)));
            assertTrue(System.nanoTime() - t0 >= 90_000_000L);
            assertNull(q.poll());
            assertNull(q.poll(Duration.ofMillis(10)));
        }
    }

    @Test
    void getBlocksUntilAnotherThreadPuts() throws Exception {
        try (ProcessQueue<String> q = ProcessQueue.of(name())) {
            var t = new Thread(() -> {
                sleep(150);
                q.put("late");
            });
            t.start();
            assertEquals("late", q.get());
            t.join();
        }
    }

    @Test
    void putBlocksWhileFullUntilAConsumerMakesRoom() throws Exception {
        try (ProcessQueue<Integer> q = ProcessQueue.of(name(), 1)) {
            q.put(1);
            var t = new Thread(() -> {
                sleep(150);
                q.get();
            });
            t.start();
            long t0 = System.nanoTime();
            q.put(2);
            assertTrue(System.nanoTime() - t0 > 100_000_000L);
            assertEquals(2, q.get());
            t.join();
        }
    }

    @Test
    void interruptingABlockedGetThrowsPromptly() throws Exception {
        try (ProcessQueue<Integer> q = ProcessQueue.of(name())) {
            var failure = new AtomicReference<Throwable>();
            var t = new Thread(() -> {
                try {
                    q.get();
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            sleep(100);
            long t0 = System.nanoTime();
            t.interrupt();
            t.join(2000);
            assertFalse(t.isAlive());
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
            assertTrue(failure.get() instanceof ChannelInterruptedException, String.valueOf(failure.get()));
        }
    }

    @Test
    void closedHandleRefusesUseAndOtherHandlesKeepWorking() {
        String n = name();
        ProcessQueue<Integer> a = ProcessQueue.of(n);
        ProcessQueue<Integer> b = ProcessQueue.open(n);
        a.put(1);
        a.close();
        a.close();
        assertThrows(ChannelClosedException.class, () -> a.put(2));
        assertEquals(1, b.get());
        b.close();
    }

    @Test
    void fileIsOwnerOnlyAndRemovedWhenTheLastHandleCloses() throws Exception {
        String n = name();
        var path = Session.current().file("queue", n);
        ProcessQueue<Integer> a = ProcessQueue.of(n);
        ProcessQueue<Integer> b = ProcessQueue.of(n);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        a.close();
        assertTrue(Files.exists(path));
        b.close();
        assertFalse(Files.exists(path));
    }

    @Test
    void joinWaitsForEveryTaskDone() throws Exception {
        try (JoinableProcessQueue<Integer> q = JoinableProcessQueue.of(name())) {
            q.put(1);
            q.put(2);
            assertEquals(2, q.unfinishedTasks());
            assertFalse(q.join(Duration.ofMillis(30)));
            var t = new Thread(() -> {
                q.get();
                q.taskDone();
                sleep(100);
                q.get();
                q.taskDone();
            });
            t.start();
            q.join();
            assertEquals(0, q.unfinishedTasks());
            assertThrows(TaskDoneException.class, q::taskDone);
            t.join();
        }
    }

    @Test
    void snapshotShowsDepthCountsAndTheOldestItems() {
        try (ProcessQueue<Object> q = ProcessQueue.of(name())) {
            q.put("a");
            q.put(2);
            q.put(new Job(3, "c"));
            q.get();
            QueueSnapshot s = q.snapshot();
            assertEquals(2, s.size());
            assertEquals(3, s.puts());
            assertEquals(1, s.gets());
            assertEquals(List.of("2", "Job[id=3, what=c]"), s.head());
            assertTrue(s.attachedPids().contains(ProcessHandle.current().pid()));
            assertTrue(s.summary().contains("2 item(s)"));
        }
    }

    @Test
    void drainToTakesWhatIsAvailable() {
        try (ProcessQueue<Integer> q = ProcessQueue.of(name())) {
            for (int i = 0; i < 10; i++) {
                q.put(i);
            }
            var out = new ArrayList<Integer>();
            assertEquals(4, q.drainTo(out, 4));
            assertEquals(6, q.drainTo(out, 100));
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), out);
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
