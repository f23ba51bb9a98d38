package jproc.magics.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.magics.view.View;

@Timeout(20)
class LiveViewTest {
    @Test
    void updatesWhileRunningAndStopsAfterOneFinalUpdate() throws Exception {
        var tick = new AtomicInteger();
        List<View> pushed = new CopyOnWriteArrayList<>();
        LiveView v = LiveView.start("test", () -> new View("n=" + tick.incrementAndGet(), null, null),
                () -> tick.get() >= 5, pushed::add, Duration.ofMillis(20), Duration.ofSeconds(10));
        assertTrue(v.await(5000));
        assertEquals(6, pushed.size(), pushed.toString()); // renders 1..5 while running, 6 once finished
        assertEquals("n=6", pushed.get(pushed.size() - 1).text());
        assertFalse(v.running());
    }

    @Test
    void anUnchangedViewIsNotPushedAgain() throws Exception {
        var polls = new AtomicInteger();
        List<View> pushed = new CopyOnWriteArrayList<>();
        LiveView v = LiveView.start("same", () -> new View("same", null, null), () -> polls.incrementAndGet() > 4,
                pushed::add, Duration.ofMillis(10), Duration.ofSeconds(10));
        assertTrue(v.await(5000));
        assertEquals(1, pushed.size());
    }

    @Test
    void closeStopsItAndMaxTimeBoundsIt() throws Exception {
        LiveView forever = LiveView.start("forever", () -> new View("" + System.nanoTime(), null, null), () -> false,
                x -> { }, Duration.ofMillis(10), Duration.ofSeconds(30));
        assertTrue(forever.running());
        LiveView.closeAll();
        assertTrue(forever.await(2000));
        LiveView bounded = LiveView.start("bounded", () -> new View("" + System.nanoTime(), null, null), () -> false,
                x -> { }, Duration.ofMillis(10), Duration.ofMillis(200));
        assertTrue(bounded.await(3000));
        assertTrue(bounded.updates() >= 5, "updates " + bounded.updates());
        assertEquals(0, LiveView.active());
    }
}
