package jproc.magics.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicUsageError;
import jproc.magics.args.UnknownNameException;
import jproc.magics.support.RecordingContext;

@Timeout(30)
class LifecycleMagicsTest {
    private final RecordingContext ctx = new RecordingContext();

    @Test
    void everyMagicHasUsageAndHelpWithAnExample() {
        for (Magic m : List.<Magic>of(new SpawnMagic(), new PsMagic(), new JoinMagic(), new TerminateMagic(),
                new KillMagic(), new SignalMagic())) {
            assertTrue(m.usage().contains(m.name()), m.name());
            assertTrue(m.help().contains("Example:"), m.name());
            assertTrue(m.help().contains("%" + m.name()), m.name());
        }
        assertTrue(new SpawnMagic().isCell());
        assertTrue(assertThrows(MagicUsageError.class, () -> new SpawnMagic().run(ctx, List.of("p"), null))
                .getMessage().startsWith("%%spawn is a cell magic"));
    }

    @Test
    void spawnRefusesBadNamesAnEmptyBodyAndABadCount() {
        var spawn = new SpawnMagic();
        assertTrue(assertThrows(MagicUsageError.class, () -> spawn.run(ctx, List.of("a/b"), "x();"))
                .getMessage().startsWith("a process name uses letters"));
        assertTrue(assertThrows(MagicUsageError.class, () -> spawn.run(ctx, List.of("p"), "  \n"))
                .getMessage().startsWith("the cell body is empty"));
        assertTrue(assertThrows(MagicUsageError.class, () -> spawn.run(ctx, List.of("p", "-n", "0"), "x();"))
                .getMessage().startsWith("-n must be between 1 and 64"));
        assertThrows(MagicUsageError.class, () -> spawn.run(ctx, List.of(), "x();"));
    }

    @Test
    void joinWantsNamesOrAllButNotBoth() {
        var join = new JoinMagic();
        assertTrue(assertThrows(MagicUsageError.class, () -> join.run(ctx, List.of(), null)).getMessage()
                .startsWith("name the processes"));
        assertTrue(assertThrows(MagicUsageError.class, () -> join.run(ctx, List.of("a", "--all"), null))
                .getMessage().startsWith("give names or --all"));
    }

    @Test
    void unknownProcessNamesAreReported() {
        var e = assertThrows(UnknownNameException.class, () -> new TerminateMagic().run(ctx, List.of("nobody"), null));
        assertTrue(e.getMessage().startsWith("no process named 'nobody'"), e.getMessage());
        assertThrows(MagicUsageError.class, () -> new SignalMagic().run(ctx, List.of("only-name"), null));
    }

    @Test
    void psShowsTheKernelAsMainInTextAndHtml() {
        new PsMagic().run(ctx, List.of(), null);
        String text = ctx.lastText();
        assertTrue(text.matches("(?s).*\nmain +" + ProcessHandle.current().pid() + " .*"), text);
        assertTrue(ctx.last().data().containsKey("text/html"));
        assertFalse(ctx.last().data().containsKey("image/svg+xml"));
        assertEquals(1, ctx.shown.size());
    }

    @Test
    void livePsWithNoChildrenShowsOnceAndStops() throws Exception {
        new PsMagic().run(ctx, List.of("--live"), null);
        long end = System.currentTimeMillis() + 5000;
        while (jproc.magics.live.LiveView.active() > 0 && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertEquals(0, jproc.magics.live.LiveView.active());
        assertTrue(ctx.shown.stream().allMatch(e -> e.getKey().equals("d1")), ctx.shown.toString());
    }
}
