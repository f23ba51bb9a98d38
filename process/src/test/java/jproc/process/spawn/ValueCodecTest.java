package jproc.process.spawn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jproc.ipc.codec.MessageRejectedException;
import jproc.process.GadgetShape;

class ValueCodecTest {
    private static Object roundTrip(Object v) throws Exception {
        var w = new WireWriter(16);
        ValueCodec.write(w, v);
        return ValueCodec.read(new WireReader(w.toByteArray()), null);
    }

    private static List<Object> listRoundTrip(List<?> v, int maxBytes) throws Exception {
        var w = new WireWriter(16);
        ValueCodec.writeList(w, v);
        assertTrue(w.size() <= maxBytes, "encoded size " + w.size() + " > " + maxBytes);
        return ValueCodec.readList(new WireReader(w.toByteArray()), null);
    }

    @Test
    void simpleValuesRoundTripWithoutJavaSerialization() throws Exception {
        for (Object v : Arrays.asList(null, 42, -7L, 2.5, true, "héllo", "")) {
            assertEquals(v, roundTrip(v));
        }
        assertArrayEquals(new byte[] {1, 2}, (byte[]) roundTrip(new byte[] {1, 2}));
        assertEquals(Map.of("k", List.of(1)), roundTrip(Map.of("k", List.of(1))));
    }

    @Test
    void listsOfOneBoxedTypeAreWrittenAsPrimitiveRuns() throws Exception {
        var ints = new ArrayList<Integer>();
        for (int i = 0; i < 10_000; i++) {
            ints.add(i * 3);
        }
        assertEquals(ints, listRoundTrip(ints, 5 + 4 * 10_000));
        assertEquals(List.of(1L, 2L), listRoundTrip(List.of(1L, 2L), 5 + 16));
        assertEquals(List.of("a", "bc"), listRoundTrip(List.of("a", "bc"), 5 + 11));
        assertEquals(Arrays.asList(1, "x", null, 2.0), listRoundTrip(Arrays.asList(1, "x", null, 2.0), 40));
        assertEquals(List.of(List.of(1), Map.of()), listRoundTrip(List.of(List.of(1), Map.of()), 1000));
        assertEquals(List.of(), listRoundTrip(List.of(), 5));
    }

    @Test
    void valueThatCannotBeSerializedIsReportedByItsClass() {
        var w = new WireWriter(16);
        var e = assertThrows(NotSerializableException.class, () -> ValueCodec.write(w, new Object()));
        assertEquals("java.lang.Object", e.getMessage());
    }

    @Test
    void valuesFromAChildPassTheAllowListAndDisallowedClassesAreRefused() throws Exception {
        var w = new WireWriter(16);
        ValueCodec.write(w, Map.of("k", List.of(1L, "s")));
        ValueCodec.write(w, new File("/etc/passwd"));
        ValueCodec.writeList(w, List.of(List.of(1), new GadgetShape("x")));
        ValueCodec.writeList(w, Arrays.asList(1, "x", null));
        var r = new WireReader(w.toByteArray());
        assertEquals(Map.of("k", List.of(1L, "s")), ValueCodec.readFromChild(r));
        int reads = GadgetShape.READS.get();
        var file = assertThrows(MessageRejectedException.class, () -> ValueCodec.readFromChild(r));
        assertEquals("java.io.File", file.className());
        var gadget = assertThrows(MessageRejectedException.class, () -> ValueCodec.readListFromChild(r));
        assertEquals(GadgetShape.class.getName(), gadget.className());
        assertEquals(reads, GadgetShape.READS.get(), "the gadget's readObject never ran");
        assertEquals(Arrays.asList(1, "x", null), ValueCodec.readListFromChild(r), "the next value still reads");
    }

    @Test
    void listCountLargerThanItsFrameIsRefusedBeforeAllocating() {
        var w = new WireWriter(16);
        w.putByte(ValueCodec.LIST_INT).putInt(Integer.MAX_VALUE).putInt(1);
        var e = assertThrows(IOException.class, () -> ValueCodec.readListFromChild(new WireReader(w.toByteArray())));
        assertTrue(e.getMessage().contains("corrupt list"), e.getMessage());
    }
}
