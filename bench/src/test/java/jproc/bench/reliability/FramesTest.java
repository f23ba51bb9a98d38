package jproc.bench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FramesTest {
    @Test
    void aFrameChecksAndNamesItsProducerAndSeq() {
        byte[] f = Frames.make(5, 1234);
        assertNull(Frames.check(f));
        assertEquals(5, Frames.producer(f));
        assertEquals(1234, Frames.seq(f));
    }

    @Test
    void aFlippedByteIsDetected() {
        for (long seq = 0; seq < 200; seq++) {
            byte[] f = Frames.make(1, seq);
            f[f.length / 2] ^= 0x10;
            assertNotNull(Frames.check(f), "flip in frame " + seq);
        }
    }

    @Test
    void aTruncatedFrameOrAnotherTypeIsDetected() {
        byte[] f = Frames.make(2, 9);
        assertNotNull(Frames.check(java.util.Arrays.copyOf(f, f.length - 1)));
        assertNotNull(Frames.check("not a frame"));
        assertNotNull(Frames.check(new byte[3]));
    }

    @Test
    void keysRoundTrip() {
        long k = Frames.key(4095, (1L << 40) - 1);
        assertEquals(4095, Frames.keyProducer(k));
        assertEquals((1L << 40) - 1, Frames.keySeq(k));
    }
}
