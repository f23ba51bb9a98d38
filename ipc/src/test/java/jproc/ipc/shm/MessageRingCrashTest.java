package jproc.ipc.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.ChannelKind;
import jproc.ipc.codec.MessageTags;
import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.queue.QueueDescriptor;
import jproc.ipc.testing.SessionFilesForTest;

/**
 * The states a producer killed inside {@code put} can leave behind, built by hand: the lock held by a dead
 * process, a record written but not published, a record published but not counted in TAIL.
 */
@Timeout(30)
class MessageRingCrashTest {
    /** A token whose pid cannot exist (above Linux's largest pid_max). */
    static final long DEAD = 999_999_999L << 32;

    private static long tailWord(SharedFile f) {
        return (long) ShmAccess.LONGS.getVolatile(f.buffer(), QueueDescriptor.RING_OFFSET + RingDescriptor.TAIL_OFFSET);
    }

    /**
     * A producer that publishes a record of {@code value} and dies before storing TAIL, holding the producer lock
     * (TAIL rolled back by hand, the lock handed to a dead token).
     */
    private static void dieAfterPublishing(SharedFile f, MessageRing ring, long value) {
        long before = tailWord(f);
        assertTrue(ring.producerLock().tryLock(OwnerToken.current()));
        assertTrue(ring.tryPut(MessageTags.LONG, value, null, 0));
        ShmAccess.LONGS.setVolatile(f.buffer(), QueueDescriptor.RING_OFFSET + RingDescriptor.TAIL_OFFSET, before);
        ring.producerLock().unlock();
        assertTrue(ring.producerLock().tryLock(DEAD));
    }

    @Test
    void theDeadTokenIsReallyDead() {
        assertFalse(OwnerToken.isAlive(DEAD));
        assertTrue(OwnerToken.isAlive(OwnerToken.current()));
        assertTrue(OwnerToken.isAlive(OwnerToken.process()));
    }

    @Test
    void aProducerLockHeldByADeadProcessIsTakenOverByTheNextPut() {
        String n = SessionFilesForTest.unique("crash");
        try (ProcessQueue<Integer> q = ProcessQueue.of(n); var f = SharedFile.open(ChannelKind.QUEUE, n, null)) {
            var ring = new MessageRing(f.buffer(), QueueDescriptor.RING_OFFSET, q.capacityBytes());
            assertTrue(ring.producerLock().tryLock(DEAD));
            q.put(1, Duration.ofSeconds(5));
            assertEquals(1, q.get(Duration.ofSeconds(1)));
            assertEquals(1, q.snapshot().takeovers());
            assertEquals(0, ring.producerLock().owner());
        }
    }

    @Test
    void aRecordWrittenButNotPublishedIsNeverDelivered() {
        String n = SessionFilesForTest.unique("crash");
        try (ProcessQueue<Long> q = ProcessQueue.of(n); var f = SharedFile.open(ChannelKind.QUEUE, n, null)) {
            var ring = new MessageRing(f.buffer(), QueueDescriptor.RING_OFFSET, q.capacityBytes());
            int data = QueueDescriptor.RING_OFFSET + RingDescriptor.DATA_OFFSET;
            f.buffer().putLong(data + 8, 12345L); // payload of a put that died before publishing its header
            assertTrue(ring.producerLock().tryLock(DEAD));
            assertNull(q.poll());
            q.put(7L, Duration.ofSeconds(5));
            assertEquals(7L, q.get(Duration.ofSeconds(1)));
            assertNull(q.poll());
        }
    }

    @Test
    void aRecordPublishedButNotCountedIsDeliveredOnceAndNotOverwritten() {
        String n = SessionFilesForTest.unique("crash");
        try (ProcessQueue<Long> q = ProcessQueue.of(n); var f = SharedFile.open(ChannelKind.QUEUE, n, null)) {
            var ring = new MessageRing(f.buffer(), QueueDescriptor.RING_OFFSET, q.capacityBytes());
            q.put(1L);
            // the producer dies after publishing record 2 and before storing TAIL
            dieAfterPublishing(f, ring, 2L);
            q.put(3L, Duration.ofSeconds(5));
            assertEquals(1L, q.get(Duration.ofSeconds(1)));
            assertEquals(2L, q.get(Duration.ofSeconds(1)));
            assertEquals(3L, q.get(Duration.ofSeconds(1)));
            assertNull(q.poll());
            assertEquals(0, q.size());
            assertEquals(3, q.snapshot().puts());
        }
    }

    @Test
    void aRecordPublishedButNotCountedAndAlreadyConsumedLeavesNoGap() {
        String n = SessionFilesForTest.unique("crash");
        try (ProcessQueue<Long> q = ProcessQueue.of(n); var f = SharedFile.open(ChannelKind.QUEUE, n, null)) {
            var ring = new MessageRing(f.buffer(), QueueDescriptor.RING_OFFSET, q.capacityBytes());
            q.put(1L);
            assertEquals(1L, q.get(Duration.ofSeconds(1)));
            // the producer dies after publishing record 2 and before storing TAIL, and a consumer takes record 2
            // at once: HEAD is now past TAIL
            dieAfterPublishing(f, ring, 2L);
            assertEquals(2L, q.get(Duration.ofSeconds(1)));
            q.put(3L, Duration.ofSeconds(5));
            assertEquals(3L, q.get(Duration.ofSeconds(1)), "the next put landed behind the consumers");
            for (long i = 4; i < 2000; i++) {
                q.put(i, Duration.ofSeconds(5));
                assertEquals(i, q.get(Duration.ofSeconds(1)));
            }
            assertNull(q.poll());
            assertEquals(0, q.size());
        }
    }

    @Test
    void aPaddedRecordPublishedButNotCountedAndAlreadyConsumedLeavesNoGap() {
        String n = SessionFilesForTest.unique("crash");
        try (ProcessQueue<Object> q = ProcessQueue.of(n); var f = SharedFile.open(ChannelKind.QUEUE, n, null)) {
            var ring = new MessageRing(f.buffer(), QueueDescriptor.RING_OFFSET, q.capacityBytes());
            // bring the tail 8 bytes before the end of the data area, so that the next record needs a pad: one
            // record of 24 bytes (a byte array of 16), then records of 16 bytes (longs)
            q.put(new byte[16], Duration.ofSeconds(5));
            assertEquals(16, ((byte[]) q.get(Duration.ofSeconds(1))).length);
            long i = 0;
            while (((int) RingDescriptor.pos(tailWord(f)) & (q.capacityBytes() - 1)) != q.capacityBytes() - 8) {
                assertTrue(i < q.capacityBytes(), "the tail never reached the end of the data area");
                q.put(i, Duration.ofSeconds(5));
                assertEquals(i, q.get(Duration.ofSeconds(1)));
                i++;
            }
            dieAfterPublishing(f, ring, -2L);
            assertEquals(-2L, q.get(Duration.ofSeconds(1)));
            q.put(-3L, Duration.ofSeconds(5));
            assertEquals(-3L, q.get(Duration.ofSeconds(1)), "the next put landed behind the consumers");
            assertNull(q.poll());
        }
    }

    @Test
    void joinRepairsTheCountOfADeadProducerAndSeesItsTask() {
        String n = SessionFilesForTest.unique("crash");
        try (var q = jproc.ipc.queue.JoinableProcessQueue.<Long>of(n);
             var f = SharedFile.open(ChannelKind.QUEUE, n, null)) {
            var ring = new MessageRing(f.buffer(), QueueDescriptor.RING_OFFSET, q.capacityBytes());
            dieAfterPublishing(f, ring, 5L);
            assertFalse(q.join(Duration.ofMillis(200)), "the dead producer's published item is still unfinished");
            assertEquals(1, q.unfinishedTasks());
            assertEquals(5L, q.get());
            q.taskDone();
            assertTrue(q.join(Duration.ofSeconds(1)));
        }
    }
}
