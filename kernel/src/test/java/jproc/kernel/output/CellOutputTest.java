package jproc.kernel.output;

import jproc.kernel.display.MimeBundle;
import jproc.kernel.output.RecordingFrontend.Sent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CellOutputTest {
    private final RecordingFrontend frontend = new RecordingFrontend("typed");
    private final OutputQueue queue = new OutputQueue();
    private final CellOutput output = new CellOutput(frontend, queue);

    @AfterEach
    void close() {
        output.close();
        queue.close();
    }

    private List<Sent> sent() throws InterruptedException {
        queue.flush(5000);
        return frontend.sent();
    }

    @Test
    void textOfARunningCellIsStreamedInOrder() throws Exception {
        var cell = new CellContext("req-1", 1, true);
        output.begin(cell);
        output.print(cell, null, false, "a\n");
        output.print(cell, null, true, "oops\n");
        output.print(cell, null, false, "b\n");
        output.display(cell, MimeBundle.text("shown"), "d1");
        output.print(cell, null, false, "c\n");
        output.finish(cell, false);
        var texts = new ArrayList<String>();
        for (Sent s : sent()) {
            assertEquals("req-1", s.parent());
            if (s.output() instanceof Output.Stream st) {
                texts.add((st.stderr() ? "err:" : "out:") + st.text());
            } else if (s.output() instanceof Output.Display d) {
                texts.add("display:" + d.displayId());
            }
        }
        assertEquals(List.of("out:a\n", "err:oops\n", "out:b\n", "display:d1", "out:c\n"), texts);
    }

    @Test
    void lateOutputUpdatesADisplayCreatedWhenTheCellFinished() throws Exception {
        var first = new CellContext("req-1", 1, true);
        output.begin(first);
        var child = output.openSource(first, "worker");
        output.finish(first, false);
        List<Sent> atFinish = sent();
        var holder = (Output.Display) atFinish.get(atFinish.size() - 1).output();
        var second = new CellContext("req-2", 2, true);
        output.begin(second);
        child.out("hello");
        child.err("bad");
        Thread.sleep(CellOutput.LATE_THROTTLE_MS * 4L);
        List<Sent> after = sent();
        var updates = after.stream().filter(s -> s.output() instanceof Output.UpdateDisplay).toList();
        assertTrue(updates.stream().anyMatch(s -> s.parent().equals("req-1")), "sent under the owning cell");
        assertTrue(updates.stream().anyMatch(s -> s.parent().equals("req-2")), "and under the running cell");
        var last = (Output.UpdateDisplay) updates.get(updates.size() - 1).output();
        assertEquals(holder.displayId(), last.displayId());
        assertEquals("[worker] hello\n[worker stderr] bad\n", last.bundle().plainText());
        String html = (String) last.bundle().data().get("text/html");
        assertTrue(html.contains("<b>[worker]</b> hello") && html.contains("color:#c00"), html);
        child.close();
        output.finish(second, false);
    }

    @Test
    void childLinesWhileRunningAreTaggedStreams() throws Exception {
        var cell = new CellContext("req-1", 1, true);
        output.begin(cell);
        try (var child = output.openSource(cell, "producer")) {
            child.out("put 1");
        }
        output.finish(cell, false);
        var s = sent().get(0).output();
        assertEquals("[producer] put 1\n", ((Output.Stream) s).text());
    }

    @Test
    void threadsInheritTheCellThatStartedThem() throws Exception {
        var cell = new CellContext("req-1", 1, true);
        output.begin(cell);
        var seen = new CompletableFuture<CellContext>();
        new Thread(() -> seen.complete(output.current())).start();
        assertEquals(cell, seen.get(5, TimeUnit.SECONDS));
        output.finish(cell, false);
    }

    @Test
    void updateOfADisplayGoesToItsCellAndTheRunningOne() throws Exception {
        var first = new CellContext("req-1", 1, true);
        output.begin(first);
        output.display(first, MimeBundle.text("v1"), "d9");
        output.finish(first, false);
        var second = new CellContext("req-2", 2, true);
        output.begin(second);
        output.updateDisplay("d9", MimeBundle.text("v2"));
        output.finish(second, false);
        var updates = sent().stream().filter(s -> s.output() instanceof Output.UpdateDisplay).toList();
        assertEquals(List.of("req-1", "req-2"), updates.stream().map(Sent::parent).toList());
        assertInstanceOf(Output.UpdateDisplay.class, updates.get(0).output());
    }

    @Test
    void partialUtf8SequencesAreJoined() {
        byte[] euro = "€".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, RoutingStream.completePrefix(euro, 0, 2));
        assertEquals(3, RoutingStream.completePrefix(euro, 0, 3));
        assertEquals(1, RoutingStream.completePrefix(new byte[]{'a', euro[0]}, 0, 2));
    }
}
