package jproc.magics.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jproc.kernel.magic.MagicContext;
import jproc.magics.live.LiveView;
import jproc.magics.view.View;

/** Shows a view under the cell and keeps it updated in place (display id) while processes run. */
public final class LiveDisplay {
    /** Time between two renders: 5 updates a second at most. */
    public static final Duration PERIOD = Duration.ofMillis(200);
    /** A live view stops after this long even if processes still run. */
    public static final Duration MAX_TIME = Duration.ofMinutes(30);

    private LiveDisplay() {
    }

    /**
     * Displays {@code render.get()} now and starts a daemon thread that re-renders and updates it until
     * {@code finished} is true (then one last update).
     *
     * @return the running live view
     */
    public static LiveView start(MagicContext ctx, String name, Supplier<View> render, BooleanSupplier finished) {
        String id = ctx.display(Bundles.of(render.get()));
        return LiveView.start(name, render, finished, v -> ctx.updateDisplay(id, Bundles.of(v)), PERIOD, MAX_TIME);
    }
}
