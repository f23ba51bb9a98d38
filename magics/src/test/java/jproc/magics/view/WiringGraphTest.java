package jproc.magics.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import jproc.ipc.trace.ProcessTrace;
import jproc.ipc.trace.TraceEvent;

class WiringGraphTest {
    private static List<ProcessTrace> producerConsumer() {
        return List.of(
                Traces.process("main", 1, 0).event(1, "lock", "print", TraceEvent.ACQUIRE)
                        .event(2, "lock", "print", TraceEvent.RELEASE).build(),
                Traces.process("producer", 8, 5).events(10, 1, 5, "queue", "jobs", TraceEvent.PUT)
                        .event(20, "lock", "print", TraceEvent.ACQUIRE).build(),
                Traces.process("consumer", 9, 6).events(11, 1, 5, "queue", "jobs", TraceEvent.GET)
                        .event(30, "queue", "jobs", TraceEvent.BLOCK).build());
    }

    @Test
    void svgIsWellFormedAndHasOneNodePerProcessAndChannel() {
        Wiring w = Wiring.of(producerConsumer(), List.of(), List.of(ChannelRow.of("value", "unused", java.util.Map.of())));
        Document d = Xml.parse(WiringGraph.svg(w));
        assertEquals("svg", d.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI());
        List<String> titles = titles(d);
        for (String t : List.of("main pid 1", "producer pid 8", "consumer pid 9", "queue jobs", "lock print",
                "value unused", "put x5", "get x5, blocked x1", "acquire x1, release x1", "acquire x1")) {
            assertTrue(titles.contains(t), t + " in " + titles);
        }
    }

    @Test
    void producersSitLeftOfTheirChannelAndConsumersRight() {
        Document d = Xml.parse(WiringGraph.svg(Wiring.of(producerConsumer(), List.of(), List.of())));
        double producer = rectX(d, "producer pid 8");
        double queue = rectX(d, "queue jobs");
        double consumer = rectX(d, "consumer pid 9");
        assertTrue(producer < queue && queue < consumer, producer + " " + queue + " " + consumer);
        assertEquals(rectX(d, "main pid 1"), producer);
    }

    @Test
    void aDeadlockShowsHeldLocksAndWaitsAndNoLabelHidesAnother() {
        var traces = List.of(
                Traces.process("left", 11, 100).event(110, "lock", "forkA", TraceEvent.ACQUIRE)
                        .event(150, "lock", "forkB", TraceEvent.BLOCK).blockedOn("acquire lock forkB", 150).build(),
                Traces.process("right", 12, 100).event(112, "lock", "forkB", TraceEvent.ACQUIRE)
                        .event(152, "lock", "forkA", TraceEvent.BLOCK).blockedOn("acquire lock forkA", 152).build());
        var rows = List.of(Traces.blocked("left", 11, "acquire lock forkB"),
                Traces.blocked("right", 12, "acquire lock forkA"));
        var holds = List.of(new LockHolding("lock", "forkA", 11), new LockHolding("lock", "forkB", 12));
        Wiring w = Wiring.of(traces, rows, List.of(), holds);
        String t = w.text();
        assertTrue(t.contains("left ---holds · acquire x1--- lock forkA"), t);
        assertTrue(t.contains("left ---waiting · blocked x1--- lock forkB"), t);
        Document d = Xml.parse(WiringGraph.svg(w));
        var positions = new java.util.HashSet<String>();
        NodeList texts = d.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            var e = (Element) texts.item(i);
            if (e.getTextContent().contains(" x1")) {
                assertTrue(positions.add(e.getAttribute("x") + "," + e.getAttribute("y")), "two labels at "
                        + e.getAttribute("x") + "," + e.getAttribute("y"));
            }
        }
        assertEquals(4, positions.size());
        assertTrue(WiringGraph.svg(w).contains("stroke=\"#cc0000\""), "no red wait edge");
    }

    @Test
    void layoutIsDeterministic() {
        String a = WiringGraph.svg(Wiring.of(producerConsumer(), List.of(), List.of()));
        String b = WiringGraph.svg(Wiring.of(producerConsumer(), List.of(), List.of()));
        assertEquals(a, b);
    }

    @Test
    void textFallbackShowsTheDirectionOfFlow() {
        String t = Wiring.of(producerConsumer(), List.of(Traces.exited("producer", 8, 0)), List.of()).text();
        assertTrue(t.contains("producer --put x5--> queue jobs"), t);
        assertTrue(t.contains("queue jobs --get x5, blocked x1--> consumer"), t);
        assertTrue(t.contains("main ---acquire x1, release x1--- lock print"), t);
        assertTrue(t.contains("producer (pid 8, exited)"), t);
    }

    @Test
    void oddNamesAreEscapedAndAnEmptySessionStillRenders() {
        var traces = List.of(Traces.process("a<b>&\"c", 3, 0).event(1, "queue", "q&", TraceEvent.PUT).build());
        Xml.parse(WiringGraph.svg(Wiring.of(traces, List.of(), List.of())));
        View empty = WiringGraph.render(Wiring.of(List.of(), List.of(), List.of()));
        Xml.parse(empty.svg());
        assertTrue(empty.text().contains("No processes or channels yet."));
    }

    @Test
    void manyProcessesKeepTheirNodesApart() {
        var traces = new ArrayList<ProcessTrace>();
        for (int i = 0; i < 12; i++) {
            traces.add(Traces.process("worker-" + i, 100 + i, i).event(i + 1, "queue", "tasks", TraceEvent.GET)
                    .event(i + 2, "queue", "results", TraceEvent.PUT).build());
        }
        Document d = Xml.parse(WiringGraph.svg(Wiring.of(traces, List.of(), List.of())));
        double prev = -1;
        for (int i = 0; i < 12; i++) {
            double y = rectY(d, "worker-" + i + " pid " + (100 + i));
            assertTrue(y >= prev + 42, "worker-" + i + " at " + y + " overlaps " + prev);
            prev = y;
        }
    }

    static List<String> titles(Document d) {
        var out = new ArrayList<String>();
        NodeList l = d.getElementsByTagNameNS("*", "title");
        for (int i = 0; i < l.getLength(); i++) {
            out.add(l.item(i).getTextContent());
        }
        return out;
    }

    private static Element rectOf(Document d, String title) {
        NodeList l = d.getElementsByTagNameNS("*", "title");
        for (int i = 0; i < l.getLength(); i++) {
            if (l.item(i).getTextContent().startsWith(title)) {
                var g = (Element) l.item(i).getParentNode();
                return (Element) g.getElementsByTagNameNS("*", "rect").item(0);
            }
        }
        throw new AssertionError("no node titled " + title);
    }

    private static double rectX(Document d, String title) {
        return Double.parseDouble(rectOf(d, title).getAttribute("x"));
    }

    private static double rectY(Document d, String title) {
        return Double.parseDouble(rectOf(d, title).getAttribute("y"));
    }
}
