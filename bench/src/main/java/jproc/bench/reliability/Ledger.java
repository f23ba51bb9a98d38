package jproc.bench.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * Accounts for every message of one kill -9 round. A message whose send returned must be delivered exactly once;
 * the one message a producer may have been sending when it was killed may be delivered once or not at all; nothing
 * else may appear. A consumer killed inside {@code get} may have taken one message that it never logged: each such
 * consumer excuses at most one missing message, and the excuse is reported.
 */
public final class Ledger {
    private final long[] acked;
    private final long[] sent;
    private final byte[][] seen;
    private final List<String> problems = new ArrayList<>();
    private long delivered;
    private long duplicated;
    private long corrupt;

    /**
     * @param acked per producer, how many sends returned
     * @param sent  per producer, how many messages it may have sent (acked, plus one if it died inside send)
     */
    public Ledger(long[] acked, long[] sent) {
        this.acked = acked.clone();
        this.sent = sent.clone();
        this.seen = new byte[acked.length][];
        for (int p = 0; p < acked.length; p++) {
            seen[p] = new byte[(int) Math.max(sent[p], 1)];
        }
    }

    /** Records one delivered message key ({@link Frames#key}). */
    public void delivered(long key, String where) {
        delivered++;
        int p = Frames.keyProducer(key);
        long seq = Frames.keySeq(key);
        if (p < 0 || p >= acked.length || seq >= sent[p]) {
            corrupt++;
            note("message of producer " + p + " seq " + seq + " delivered to " + where + " was never sent"
                    + (p >= 0 && p < acked.length ? " (producer acknowledged " + acked[p] + ")" : ""));
            return;
        }
        if (seen[p][(int) seq] == 1) {
            duplicated++;
            note("message of producer " + p + " seq " + seq + " delivered twice (again to " + where + ")");
            return;
        }
        seen[p][(int) seq] = 1;
    }

    /** Records a message that failed its integrity check. */
    public void corrupt(long n, String where) {
        if (n > 0) {
            corrupt += n;
            note(n + " corrupt message(s) received by " + where);
        }
    }

    /** Acknowledged messages that were never delivered. */
    public long missing() {
        long m = 0;
        for (int p = 0; p < acked.length; p++) {
            for (int s = 0; s < acked[p]; s++) {
                if (seen[p][s] == 0) {
                    m++;
                    if (m <= 5) {
                        note("message of producer " + p + " seq " + s + " was acknowledged but never delivered");
                    }
                }
            }
        }
        return m;
    }

    public long delivered() {
        return delivered;
    }

    public long duplicated() {
        return duplicated;
    }

    public long corrupt() {
        return corrupt;
    }

    public long acknowledged() {
        long a = 0;
        for (long x : acked) {
            a += x;
        }
        return a;
    }

    public List<String> problems() {
        return problems;
    }

    private void note(String s) {
        if (problems.size() < 20) {
            problems.add(s);
        }
    }
}
