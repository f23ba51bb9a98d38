package jproc.magics.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import jproc.ipc.trace.ProcessTrace;
import jproc.ipc.trace.TraceEvent;

class TimelineChartTest {
    /** Two processes take lock a then lock b in opposite orders and end up waiting for each other. */
    private static List<ProcessTrace> deadlock() {
        return List.of(
                Traces.process("left", 1, 0).event(10, "lock", "a", TraceEvent.ACQUIRE)
                        .event(50, "lock", "b", TraceEvent.BLOCK).blockedOn("acquire lock b", 50).build(),
                Traces.process("right", 2, 5).event(12, "lock", "b", TraceEvent.ACQUIRE)
                        .event(52, "lock", "a", TraceEvent.BLOCK).blockedOn("acquire lock a", 52).build());
    }

    private static List<ProcessTrace> producerConsumer() {
        return List.of(
                Traces.process("producer", 8, 0).events(10, 100, 5, "queue", "q", TraceEvent.PUT).exit(0).build(),
                Traces.process("consumer", 9, 0).events(15, 100, 5, "queue", "q", TraceEvent.GET)
                        .event(450, "queue", "q", TraceEvent.BLOCK).event(460, "queue", "q", TraceEvent.GET).build());
    }

    @Test
    void laneSpansRunFromEarliestStartToNow() {
        Timeline t = Timeline.of(deadlock(), List.of(), Traces.at(1000));
        assertEquals(2, t.lanes().size());
        assertEquals(Traces.at(0), t.startNanos());
        assertEquals(Traces.at(1000), t.endNanos());
    }

    @Test
    void deadlockShowsHeldLocksAndWaitsLastingToTheEnd() {
        Timeline t = Timeline.of(deadlock(), List.of(), Traces.at(1000));
        Timeline.Lane left = t.lanes().get(0);
        assertEquals(List.of(new Timeline.Span(Traces.at(10), Traces.at(1000), "lock a", "holding lock a")),
                left.held());
        assertEquals(List.of(new Timeline.Span(Traces.at(50), Traces.at(1000), "lock b",
                "blocked: acquire lock b")), left.blocked());
        var procs = List.of(Traces.blocked("left", 1, "acquire lock b"), Traces.blocked("right", 2, "acquire lock a"));
        var cycles = Deadlocks.find(procs, List.of(new LockHolding("lock", "a", 1), new LockHolding("lock", "b", 2)));
        View v = TimelineChart.render(t, cycles);
        Document d = Xml.parse(v.svg());
        List<String> titles = WiringGraphTest.titles(d);
        assertTrue(titles.stream().anyMatch(s -> s.startsWith("blocked: acquire lock b for 950 ms")), titles.toString());
        assertTrue(titles.stream().anyMatch(s -> s.startsWith("holding lock b for")), titles.toString());
        assertTrue(v.svg().contains("Deadlock: left (pid 1)"), v.svg());
        assertTrue(v.text().contains("blocked: acquire lock a"), v.text());
    }

    @Test
    void waitEndsAtTheNextEventOnTheSameChannel() {
        Timeline t = Timeline.of(producerConsumer(), List.of(Traces.exited("producer", 8, 0)), Traces.at(2000));
        Timeline.Lane consumer = t.lanes().get(1);
        assertEquals(List.of(new Timeline.Span(Traces.at(450), Traces.at(460), "queue q", "blocked: wait queue q")),
                consumer.blocked());
        Timeline.Lane producer = t.lanes().get(0);
        assertTrue(!producer.running());
        assertEquals(Traces.at(410), producer.endNanos());
    }

    @Test
    void svgHasAxisLegendAndOneTickPerEvent() {
        Timeline t = Timeline.of(producerConsumer(), List.of(Traces.exited("producer", 8, 0)), Traces.at(1000));
        String svg = TimelineChart.svg(t, List.of());
        Document d = Xml.parse(svg);
        assertTrue(svg.contains(">put</text>") && svg.contains(">get</text>") && svg.contains(">start</text>")
                && svg.contains(">exit</text>"), svg);
        assertTrue(svg.contains(">0.0 s</text>") && svg.contains(">1.0 s</text>"), svg);
        long putTicks = d.getElementsByTagNameNS("*", "line").getLength();
        assertTrue(putTicks >= 10, "ticks " + putTicks);
    }

    @Test
    void textFallbackDrawsOneRowPerLane() {
        Timeline t = Timeline.of(producerConsumer(), List.of(Traces.exited("producer", 8, 0)), Traces.at(1000));
        String text = TimelineChart.text(t, List.of());
        String[] lines = text.split("\n");
        assertTrue(lines[0].startsWith("producer 8 >"), text);
        assertTrue(lines[0].contains("P") && lines[0].contains("exit 0"), text);
        assertTrue(lines[1].startsWith("consumer 9 ") && lines[1].contains("G"), text);
        assertTrue(text.contains("P put  G get"), text);
    }

    @Test
    void aKilledChildEndsWhereItsParentReapedIt() {
        var traces = List.of(
                Traces.process("main", 1, 0).event(5, "process", "victim", TraceEvent.START)
                        .event(700, "process", "victim", TraceEvent.EXIT).build(),
                Traces.process("victim", 2, 0).event(20, "process", "victim", TraceEvent.START)
                        .event(100, "queue", "q", TraceEvent.PUT).build());
        Timeline t = Timeline.of(traces, List.of(Traces.running("main", 1), Traces.exited("victim", 2, -9)),
                Traces.at(1000));
        Timeline.Lane victim = t.lanes().get(1);
        assertEquals(Traces.at(5), victim.startNanos()); // the parent's start mark
        assertEquals(Traces.at(700), victim.endNanos());
        Timeline.Lane main = t.lanes().get(0);
        assertEquals(Traces.at(0), main.startNanos());
        assertTrue(main.running());
    }

    @Test
    void aLateOwnStartMarkDoesNotCutOffEarlierEvents() {
        var traces = List.of(Traces.process("child", 2, 0).event(10, "queue", "q", TraceEvent.PUT)
                .event(50, "process", "child", TraceEvent.START).event(60, "queue", "q", TraceEvent.PUT).build());
        assertEquals(Traces.at(10), Timeline.of(traces, List.of(), Traces.at(100)).lanes().get(0).startNanos());
    }

    @Test
    void manyLanesWithManyEventsStayASmallDocument() {
        var traces = new java.util.ArrayList<ProcessTrace>();
        for (int p = 0; p < 64; p++) {
            traces.add(Traces.process("w" + p, 100 + p, 0).events(0, 1, 5000, "queue", "q", TraceEvent.PUT)
                    .events(0, 1, 5000, "queue", "r", TraceEvent.GET).build());
        }
        String svg = TimelineChart.svg(Timeline.of(traces, List.of(), Traces.at(5000)), List.of());
        Xml.parse(svg);
        assertTrue(svg.length() < 2_000_000, "svg of " + svg.length() + " chars");
    }

    @Test
    void niceStepsFollowOneTwoFive() {
        assertEquals(100, TimelineChart.niceStep(76), 1e-9);
        assertEquals(200, TimelineChart.niceStep(120), 1e-9);
        assertEquals(0.5, TimelineChart.niceStep(0.31), 1e-9);
        assertEquals("1.5 s", TimelineChart.tickLabel(1500, 500, 4000));
        assertEquals("12 s", TimelineChart.tickLabel(12_000, 2000, 20_000));
        assertEquals("0.25 ms", TimelineChart.tickLabel(0.25, 0.05, 0.8));
        assertEquals("40 ms", TimelineChart.tickLabel(40, 20, 160));
    }

    @Test
    void noTraceStillRendersAHint() {
        View v = TimelineChart.render(Timeline.of(List.of(), List.of(), 5), List.of());
        Xml.parse(v.svg());
        assertTrue(v.text().contains("%trace on"));
    }
}
