package jproc.ipc.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import jproc.ipc.ChannelKind;
import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.queue.QueueDescriptor;
import jproc.ipc.shm.MessageRing;
import jproc.ipc.shm.RingEndpoint;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.testing.SessionFilesForTest;
import jproc.ipc.trace.Trace;
import jproc.ipc.trace.TraceEvent;

class MessageCodecTest {
    record Point(int x, int y) {
    }

    record Shape(String name, List<Point> points) {
    }

    static final class Holder implements Serializable {
        private static final long serialVersionUID = 1L;
        final Object inside;

        Holder(Object inside) {
            this.inside = inside;
        }
    }

    record Box(Object inside) {
    }

    static final class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private static Object roundTrip(Object v) {
        int p = MessageCodec.primitiveTag(v);
        if (p >= 0) {
            return MessageCodec.primitiveValue(p, MessageCodec.primitiveBits(v, p));
        }
        Encoded e = MessageCodec.encode(v);
        return MessageCodec.decode(e.tag(), e.bytes());
    }

    private static byte[] plainSerialization(Object v) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var oos = new ObjectOutputStream(out)) {
            oos.writeObject(v);
        }
        return out.toByteArray();
    }

    @Test
    void primitivesStringsAndArraysTakeTheFastPath() {
        assertEquals(MessageTags.LONG, MessageCodec.primitiveTag(5L));
        assertEquals(MessageTags.STRING, MessageCodec.encode("héllo").tag());
        assertEquals("héllo", roundTrip("héllo"));
        assertArrayEquals(new char[] {'a', 'b'}, (char[]) roundTrip(new char[] {'a', 'b'}));
        assertArrayEquals(new float[] {1.5f}, (float[]) roundTrip(new float[] {1.5f}));
        assertArrayEquals(new short[] {-3}, (short[]) roundTrip(new short[] {-3}));
        assertArrayEquals(new boolean[] {true, false}, (boolean[]) roundTrip(new boolean[] {true, false}));
        assertEquals('x', roundTrip('x'));
        assertEquals(2.5f, roundTrip(2.5f));
    }

    @Test
    void recordsTravelEvenWithoutSerializable() {
        var s = new Shape("tri", List.of(new Point(0, 0), new Point(1, 2)));
        assertEquals(s, roundTrip(s));
        assertEquals(List.of(new Point(3, 4)), roundTrip(new ArrayList<>(List.of(new Point(3, 4)))));
    }

    @Test
    void jdkValueTypesCollectionsAndExceptionsAreAllowed() {
        Map<String, Object> m = new TreeMap<>(Map.of("date", LocalDate.of(2024, 1, 2), "d", Duration.ofSeconds(3),
                "list", List.of(1, 2)));
        assertEquals(m, roundTrip(m));
        var ex = (IllegalStateException) roundTrip(new IllegalStateException("boom"));
        assertEquals("boom", ex.getMessage());
    }

    @Test
    void aValueThatCannotBeSerializedFailsInTheSenderNamingItsType() {
        var e = assertThrows(MessageNotSerializableException.class, () -> MessageCodec.encode(new Object()));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
        var nested = assertThrows(MessageNotSerializableException.class,
                () -> MessageCodec.encode(new Box(new Thread())));
        assertTrue(nested.getMessage().contains("Box") && nested.getMessage().contains("java.lang.Thread"),
                nested.getMessage());
        var refused = assertThrows(MessageNotSerializableException.class, () -> MessageCodec.encode(new Holder(1)));
        assertTrue(refused.getMessage().contains("receivers refuse"), refused.getMessage());
    }

    @Test
    void aValueTheReceiversWouldRefuseFailsInTheSender() {
        var e = assertThrows(MessageNotSerializableException.class, () -> MessageCodec.encode(new File("/tmp")));
        assertTrue(e.getMessage().contains("java.io.File") && e.getMessage().contains("jproc.codec.allow"),
                e.getMessage());
    }

    @Test
    void aCraftedStreamNamingADisallowedClassIsRejectedBeforeItIsBuilt() throws Exception {
        byte[] crafted = plainSerialization(new Holder(new Gadget()));
        var e = assertThrows(MessageRejectedException.class, () -> MessageCodec.decode(MessageTags.SERIALIZED,
                crafted));
        assertEquals(Holder.class.getName(), e.className());
        assertTrue(e.getMessage().contains("not on the allow-list"), e.getMessage());
        byte[] file = plainSerialization(new File("/etc/passwd"));
        assertEquals("java.io.File", assertThrows(MessageRejectedException.class,
                () -> MessageCodec.decode(MessageTags.SERIALIZED, file)).className());
    }

    @Test
    void allowPatternsAdmitMoreClasses() throws Exception {
        byte[] crafted = plainSerialization(new Gadget());
        MessageFilter.allow(Gadget.class.getName());
        assertTrue(MessageCodec.decode(MessageTags.SERIALIZED, crafted) instanceof Gadget);
        assertThrows(IllegalArgumentException.class, () -> MessageFilter.allow("bad pattern!"));
    }

    @Test
    void graphsDeeperThanTheLimitAreRejected() throws Exception {
        Object deep = null;
        for (int i = 0; i < 300; i++) {
            var l = new LinkedList<Object>();
            l.add(deep);
            deep = l;
        }
        byte[] bytes = plainSerialization(deep);
        var e = assertThrows(MessageRejectedException.class, () -> MessageCodec.decode(MessageTags.SERIALIZED, bytes));
        assertTrue(e.getMessage().contains("deeper than"), e.getMessage());
    }

    @Test
    void anArrayLongerThanItsStreamCouldHoldIsRefusedBeforeItIsAllocated() throws Exception {
        byte[] b = plainSerialization(new long[0]);
        // the last four bytes of an empty array's stream are its length: claim 250 million longs (2 GB)
        java.nio.ByteBuffer.wrap(b).putInt(b.length - 4, 250_000_000);
        var e = assertThrows(MessageRejectedException.class, () -> MessageCodec.decode(MessageTags.SERIALIZED, b));
        assertTrue(e.getMessage().contains("250000000") && e.getMessage().contains("cannot hold"), e.getMessage());
        long[] ok = {1, 2, 3};
        assertArrayEquals(ok, (long[]) MessageCodec.decode(MessageTags.SERIALIZED, plainSerialization(ok)));
        Object[] refs = {"a", null, 3};
        assertArrayEquals(refs, (Object[]) MessageCodec.decode(MessageTags.SERIALIZED, plainSerialization(refs)));
    }

    @Test
    void corruptStreamsAreRejectedClearly() {
        var e = assertThrows(MessageRejectedException.class,
                () -> MessageCodec.decode(MessageTags.SERIALIZED, new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertThrows(MessageRejectedException.class, () -> MessageCodec.decode(99, new byte[0]));
    }

    @Test
    void aQueueConsumerRejectsACraftedMessageAndKeepsWorking() throws Exception {
        String n = SessionFilesForTest.unique("crafted");
        try (ProcessQueue<Object> q = ProcessQueue.of(n);
             SharedFile f = SharedFile.open(ChannelKind.QUEUE, n, null)) {
            var ring = new MessageRing(f.buffer(), QueueDescriptor.RING_OFFSET, q.capacityBytes());
            var raw = new RingEndpoint(f.key(), ring, Trace.channel("queue", n), 0, TraceEvent.PUT, TraceEvent.GET);
            raw.sendEncoded(new Encoded(MessageTags.SERIALIZED, plainSerialization(new File("/etc/passwd"))),
                    System.nanoTime(), false, null);
            q.put("after");
            var e = assertThrows(MessageRejectedException.class, q::get);
            assertEquals("java.io.File", e.className());
            assertEquals("after", q.get());
        }
    }
}
