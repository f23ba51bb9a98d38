package jproc.magics.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One channel as the views show it, built from the channel's snapshot.
 *
 * @param kind    the channel kind ({@code queue}, {@code lock}...)
 * @param name    the channel name
 * @param facts   what the snapshot says, in display order ({@code depth -> "3 / 10"}, {@code owner -> "pid 42"})
 * @param items   items peeked without consuming them, oldest first (queues), or empty
 * @param waiters who waits on it ({@code "pid 42 (consumer)"}), or empty
 */
public record ChannelRow(String kind, String name, Map<String, String> facts, List<String> items,
                         List<String> waiters) {
    public ChannelRow {
        facts = new LinkedHashMap<>(facts);
        items = List.copyOf(items);
        waiters = List.copyOf(waiters);
    }

    /** A row with facts only. */
    public static ChannelRow of(String kind, String name, Map<String, String> facts) {
        return new ChannelRow(kind, name, facts, List.of(), List.of());
    }

    /** The facts on one line: {@code depth=3 / 10, puts=120}. */
    public String summary() {
        var j = new StringJoiner(", ");
        facts.forEach((k, v) -> j.add(k + "=" + v));
        if (!waiters.isEmpty()) {
            j.add("waiters=" + String.join(" ", waiters));
        }
        return j.toString();
    }
}
