package jproc.magics.args;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Closest-name suggestions by edit distance (Levenshtein, case-insensitive). */
public final class Suggest {
    private static final int MAX_SUGGESTIONS = 3;

    private Suggest() {
    }

    /**
     * The known names close to {@code name}, best first: at most three, each within an edit distance of
     * a third of the longer name (at least 2), or starting with / contained in {@code name}.
     */
    public static List<String> closest(String name, Collection<String> known) {
        String n = name.toLowerCase(Locale.ROOT);
        record Scored(String name, int distance) {
        }
        var scored = new ArrayList<Scored>();
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            int d = distance(n, kl);
            int limit = Math.max(2, Math.max(n.length(), kl.length()) / 3);
            boolean prefix = n.length() >= 2 && (kl.startsWith(n) || n.startsWith(kl));
            if (d <= limit || prefix) {
                scored.add(new Scored(k, prefix ? Math.min(d, limit) : d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().map(Scored::name).distinct().limit(MAX_SUGGESTIONS).toList();
    }

    /** The Levenshtein distance: insertions, deletions and substitutions needed to turn a into b. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
