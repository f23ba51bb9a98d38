package jproc.magics.args;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jproc.kernel.magic.EditDistance;

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
        return EditDistance.between(a, b);
    }
}
