package jproc.magics.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import jproc.kernel.magic.MagicContext;
import jproc.magics.live.LiveView;
import jproc.magics.state.SessionSnapshot;
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
     * Displays the view of the session now and starts a daemon thread that reads the session again, re-renders
     * and updates the display until no child is alive (then one last update).
     *
     * @param render the view of one snapshot of the session
     * @return the running live view
     */
    public static LiveView start(MagicContext ctx, String name, Function<SessionSnapshot, View> render) {
        var last = new AtomicReference<SessionSnapshot>();
        Supplier<View> read = () -> {
            SessionSnapshot s = SessionViews.read();
            last.set(s);
            return render.apply(s);
        };
        BooleanSupplier finished = () -> {
            SessionSnapshot s = last.get();
            return s != null && !s.anyChildAlive();
        };
        String id = ctx.display(Bundles.of(read.get()));
        return LiveView.start(name, read, finished, v -> ctx.updateDisplay(id, Bundles.of(v)), PERIOD, MAX_TIME);
    }
}
