package jproc.magics.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.trace.Trace;
import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicUsageError;
import jproc.magics.args.UnknownNameException;
import jproc.magics.support.RecordingContext;
import jproc.process.ChildProcesses;

@Timeout(30)
class InspectMagicsTest {
    private final RecordingContext ctx = new RecordingContext();

    @AfterEach
    void traceOn() {
        Trace.setEnabled(true);
    }

    @Test
    void everyMagicHasUsageAndHelpWithAnExample() {
        for (Magic m : List.<Magic>of(new InspectMagic(), new IpcMagic(), new WiringMagic(), new TimelineMagic(),
                new TraceMagic())) {
            assertTrue(m.usage().startsWith("%" + m.name()), m.name());
            assertTrue(m.help().contains("Example:"), m.name());
        }
    }

    @Test
    void inspectAQueueShowsItsDepthAndItemsAndIpcListsIt() {
        try (ProcessQueue<Object> q = ProcessQueue.of("inspect-magic-q", 5)) {
            q.put("first");
            new InspectMagic().run(ctx, List.of("inspect-magic-q"), null);
            String t = ctx.lastText();
            assertTrue(t.startsWith("queue inspect-magic-q"), t);
            assertTrue(t.contains("1 / 5"), t);
            assertTrue(t.contains("first"), t);
            assertTrue(t.contains("main"), t); // who used it: this process, from its trace
            new IpcMagic().run(ctx, List.of(), null);
            assertTrue(ctx.lastText().contains("inspect-magic-q"), ctx.lastText());
            assertEquals(1, q.size());
        }
    }

    @Test
    void inspectAnUnknownNameSuggestsTheClosest() {
        try (ProcessQueue<Object> q = ProcessQueue.of("inspect-magic-jobs")) {
            var e = assertThrows(UnknownNameException.class,
                    () -> new InspectMagic().run(ctx, List.of("inspect-magic-jbos"), null));
            assertTrue(e.getMessage().contains("did you mean 'inspect-magic-jobs'"), e.getMessage());
        }
    }

    @Test
    void wiringAndTimelineAreWellFormedSvgWithTextFallback() throws Exception {
        try (ProcessQueue<Object> q = ProcessQueue.of("inspect-magic-wired")) {
            q.put(1);
            q.get();
            for (Magic m : List.<Magic>of(new WiringMagic(), new TimelineMagic())) {
                m.run(ctx, List.of(), null);
                String svg = (String) ctx.last().data().get("image/svg+xml");
                var f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
                assertEquals("svg", doc.getDocumentElement().getLocalName());
                assertTrue(ctx.lastText().contains("main"), ctx.lastText());
            }
        }
    }

    @Test
    void traceOffStopsRecordingHereAndInChildrenStartedLater() {
        var trace = new TraceMagic();
        trace.run(ctx, List.of("off"), null);
        assertTrue(!Trace.enabled());
        assertTrue(ChildProcesses.defaultJvmOptions().contains("-Djproc.trace=false"));
        trace.run(ctx, List.of("on"), null);
        assertTrue(Trace.enabled());
        assertTrue(ChildProcesses.defaultJvmOptions().stream().noneMatch(o -> o.startsWith("-Djproc.trace")));
        assertThrows(MagicUsageError.class, () -> trace.run(ctx, List.of("maybe"), null));
    }
}
