package jproc.magics.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import jproc.ipc.trace.TraceEvent;

class ChannelViewTest {
    @Test
    void queueShowsFactsPeekedItemsAndWhoUsedIt() {
        var facts = new LinkedHashMap<String, String>();
        facts.put("depth", "2 / 10");
        facts.put("puts", "5");
        var row = new ChannelRow("queue", "jobs", facts, List.of("3", "4 <five>"), List.of("pid 9 (consumer)"));
        var traces = List.of(
                Traces.process("producer", 8, 0).events(1, 1, 5, "queue", "jobs", TraceEvent.PUT).build(),
                Traces.process("consumer", 9, 0).events(2, 1, 3, "queue", "jobs", TraceEvent.GET)
                        .event(9, "queue", "other", TraceEvent.GET).build());
        View v = ChannelView.render(row, traces, List.of());
        String t = v.text();
        assertTrue(t.startsWith("queue jobs\n"), t);
        assertTrue(t.contains("depth     2 / 10"), t);
        assertTrue(t.contains("4 <five>"), t);
        assertTrue(t.contains("waiters   pid 9 (consumer)"), t);
        assertTrue(t.contains("producer  8    put x5"), t);
        assertTrue(t.contains("consumer  9    get x3"), t);
        assertFalse(t.contains("get x1"), t);
        assertTrue(v.html().contains("4 &lt;five&gt;"), v.html());
        Xml.parse(v.html());
    }

    @Test
    void summaryJoinsFactsOnOneLine() {
        var facts = new LinkedHashMap<String, String>();
        facts.put("owner", "pid 3");
        facts.put("locked", "yes");
        assertTrue(ChannelRow.of("lock", "l", facts).summary().equals("owner=pid 3, locked=yes"));
    }
}
