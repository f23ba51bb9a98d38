package jproc.bench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LedgerTest {
    @Test
    void everyAcknowledgedMessageDeliveredOnceIsClean() {
        var l = new Ledger(new long[] {3, 2}, new long[] {3, 2});
        for (long s = 0; s < 3; s++) {
            l.delivered(Frames.key(0, s), "c0");
        }
        l.delivered(Frames.key(1, 0), "c1");
        l.delivered(Frames.key(1, 1), "c0");
        assertEquals(0, l.missing());
        assertEquals(0, l.duplicated());
        assertEquals(0, l.corrupt());
        assertEquals(5, l.acknowledged());
    }

    @Test
    void aMessageDeliveredTwiceIsDuplicated() {
        var l = new Ledger(new long[] {2}, new long[] {2});
        l.delivered(Frames.key(0, 0), "c0");
        l.delivered(Frames.key(0, 1), "c0");
        l.delivered(Frames.key(0, 1), "c1");
        assertEquals(1, l.duplicated());
    }

    @Test
    void anAcknowledgedMessageNeverDeliveredIsMissing() {
        var l = new Ledger(new long[] {3}, new long[] {3});
        l.delivered(Frames.key(0, 0), "c0");
        l.delivered(Frames.key(0, 2), "c0");
        assertEquals(1, l.missing());
    }

    @Test
    void theMessageInFlightWhenItsProducerDiedMayArriveOrNot() {
        var withIt = new Ledger(new long[] {2}, new long[] {3});
        withIt.delivered(Frames.key(0, 0), "c0");
        withIt.delivered(Frames.key(0, 1), "c0");
        withIt.delivered(Frames.key(0, 2), "c0");
        assertEquals(0, withIt.missing() + withIt.corrupt() + withIt.duplicated());
        var without = new Ledger(new long[] {2}, new long[] {3});
        without.delivered(Frames.key(0, 0), "c0");
        without.delivered(Frames.key(0, 1), "c0");
        assertEquals(0, without.missing() + without.corrupt() + without.duplicated());
    }

    @Test
    void aMessageNeverSentIsCorrupt() {
        var l = new Ledger(new long[] {2}, new long[] {2});
        l.delivered(Frames.key(0, 5), "c0");
        l.delivered(Frames.key(7, 0), "c0");
        assertEquals(2, l.corrupt());
    }
}
