package jproc.process.spawn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
}
