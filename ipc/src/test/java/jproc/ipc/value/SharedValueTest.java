package jproc.ipc.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelLayoutException;
import jproc.ipc.codec.Encoded;
import jproc.ipc.codec.MessageCodec;
import jproc.ipc.sync.LockStateException;
import jproc.ipc.sync.ProcessRLock;
import jproc.ipc.testing.SessionFilesForTest;

@Timeout(30)
class SharedValueTest {
    private static String name() {
        return SessionFilesForTest.unique("v");
    }

    @Test
    void intValueIsSharedBetweenHandlesWithAtomicOperations() {
        String n = name();
        try (var a = SharedInt.of(n, 5); var b = SharedInt.open(n)) {
            assertEquals(5, b.get());
            a.set(7);
            assertEquals(7, b.get());
            assertTrue(b.compareAndSet(7, 8));
            assertFalse(b.compareAndSet(7, 9));
            assertEquals(8, a.getAndAdd(2));
            assertEquals(11, a.incrementAndGet());
            assertEquals(11, b.getAndSet(1));
            assertEquals(1, a.get());
        }
    }

    @Test
    void initialValueAppliesOnlyWhenCreated() {
        String n = name();
        try (var a = SharedLong.of(n, 1L); var b = SharedLong.of(n, 99L)) {
            assertEquals(1L, b.get());
            assertEquals(11L, a.addAndGet(10L));
        }
    }

    @Test
    void doubleBooleanAndByteValuesSupportTheirOperations() {
        try (var d = SharedDouble.create(1.5); var z = SharedBoolean.create(false);
             var y = SharedByte.create((byte) 3)) {
            assertEquals(1.5, d.getAndAdd(2.0));
            assertEquals(3.5, d.get());
            assertTrue(d.compareAndSet(3.5, -1));
            assertTrue(z.compareAndSet(false, true));
            assertTrue(z.get());
            assertTrue(z.getAndSet(false));
            assertFalse(z.get());
            assertEquals((byte) 3, y.getAndAdd((byte) 4));
            assertEquals((byte) 7, y.get());
        }
    }

    @Test
    void byteArrayUpdatesDoNotDisturbNeighbours() {
        try (var a = SharedByteArray.of(name(), new byte[] {1, 2, 3, 4, 5})) {
            assertTrue(a.compareAndSet(2, (byte) 3, (byte) -1));
            a.set(1, (byte) 9);
            assertEquals((byte) 4, a.getAndAdd(3, (byte) 1));
            assertArrayEquals(new byte[] {1, 9, -1, 5, 5}, a.toArray());
        }
    }

    @Test
    void arraysHaveALengthAndBoundsChecks() {
        try (var a = SharedIntArray.of(name(), 4); var b = SharedDoubleArray.of(name(), new double[] {1, 2})) {
            assertEquals(4, a.length());
            a.set(3, 42);
            assertEquals(43, a.incrementAndGet(3));
            assertArrayEquals(new int[] {0, 0, 0, 43}, a.toArray());
            assertThrows(IndexOutOfBoundsException.class, () -> a.get(4));
            assertArrayEquals(new double[] {1, 2}, b.toArray());
            try (var c = SharedBooleanArray.create(3); var l = SharedLongArray.of(name(), new long[] {7})) {
                c.set(1, true);
                assertArrayEquals(new boolean[] {false, true, false}, c.toArray());
                assertEquals(7L, l.getAndAdd(0, 1));
            }
        }
    }

    @Test
    void openingWithTheWrongTypeFailsClearly() {
        String n = name();
        try (var a = SharedInt.of(n, 1)) {
            var e = assertThrows(ChannelLayoutException.class, () -> SharedLong.open(n));
            assertTrue(e.getMessage().contains("holds int elements, not long"), e.getMessage());
        }
    }

    @Test
    void valueWithoutALockHasNoGetLock() {
        try (var a = SharedInt.of(name(), 0, false)) {
            assertFalse(a.hasLock());
            assertThrows(LockStateException.class, a::getLock);
        }
    }

    @Test
    void builtInLockIsReentrantAndSnapshotShowsIt() {
        try (var a = SharedInt.of(name(), 3)) {
            ProcessRLock lock = a.getLock();
            try (var h = lock.hold(); var h2 = lock.hold()) {
                assertEquals(2, lock.holdCount());
                ValueSnapshot s = a.snapshot();
                assertEquals(ChannelKind.VALUE, s.kind());
                assertEquals(List.of(3), s.values());
                assertEquals(ProcessHandle.current().pid(), s.lock().ownerPid());
                assertTrue(s.summary().contains("= 3"), s.summary());
            }
            assertEquals(0, a.snapshot().lock().ownerPid());
        }
        try (var b = SharedInt.of(name(), 0, false)) {
            assertNull(b.snapshot().lock());
        }
    }

    @Test
    void valueAndItsLockTravelAsHandles() {
        try (var a = SharedInt.of(name(), 12)) {
            Encoded e = MessageCodec.encode(a);
            try (var copy = (SharedInt) MessageCodec.decode(e.tag(), e.bytes())) {
                assertEquals(12, copy.get());
                copy.set(13);
                assertEquals(13, a.get());
            }
            Encoded le = MessageCodec.encode(a.getLock());
            var lock = (ProcessRLock) MessageCodec.decode(le.tag(), le.bytes());
            try (var h = lock.hold()) {
                assertTrue(a.getLock().isLocked());
            }
            lock.close();
        }
    }
}
