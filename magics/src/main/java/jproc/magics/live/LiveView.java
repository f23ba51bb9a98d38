package jproc.magics.live;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jproc.magics.view.View;

/**
 * Re-renders a view a few times a second and pushes it to its display while processes run; stops by itself
 * once {@code finished} says so (after one last update), after {@code maxTime}, or when closed. Runs on one
 * daemon thread named {@code jproc-live-<name>}; an update is sent only when the view changed.
 */
public final class LiveView implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LiveView.class.getName());
    private static final Set<LiveView> ACTIVE = ConcurrentHashMap.newKeySet();

    private final Supplier<View> render;
    private final BooleanSupplier finished;
    private final Consumer<View> update;
    private final long periodNanos;
    private final long deadlineNanos;
    private final Thread thread;
    private volatile boolean closed;
    private volatile int updates;

    private LiveView(String name, Supplier<View> render, BooleanSupplier finished, Consumer<View> update,
                     Duration period, Duration maxTime) {
        this.render = Objects.requireNonNull(render, "render");
        this.finished = Objects.requireNonNull(finished, "finished");
        this.update = Objects.requireNonNull(update, "update");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a live view's period must be positive: period=" + period);
        }
        this.periodNanos = period.toNanos();
        this.deadlineNanos = System.nanoTime() + maxTime.toNanos();
        this.thread = new Thread(this::loop, "jproc-live-" + name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts updating.
     *
     * @param name     names the thread ({@code ps}, {@code inspect-jobs})
     * @param render   renders the current view (called on the live thread)
     * @param finished true once nothing will change any more (all processes done)
     * @param update   pushes a view to the display (called on the live thread)
     * @param period   time between renders (100-250 ms gives 4-10 updates a second)
     * @param maxTime  when to stop at the latest
     */
    public static LiveView start(String name, Supplier<View> render, BooleanSupplier finished, Consumer<View> update,
                                 Duration period, Duration maxTime) {
        var v = new LiveView(name, render, finished, update, period, maxTime);
        ACTIVE.add(v);
        v.thread.start();
        return v;
    }

    private void loop() {
        View last = null;
        try {
            while (!closed) {
                long next = System.nanoTime() + periodNanos;
                boolean done = finished.getAsBoolean();
                View v = render.get();
                if (!v.equals(last)) {
                    update.accept(v);
                    updates++;
                    last = v;
                }
                if (done || System.nanoTime() > deadlineNanos) {
                    break;
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "live view stopped", e);
        } finally {
            ACTIVE.remove(this);
        }
    }

    /** True while the view still updates. */
    public boolean running() {
        return thread.isAlive();
    }

    /** How many updates were pushed so far. */
    public int updates() {
        return updates;
    }

    /** Waits for the view to stop updating, at most {@code millis}; true if it stopped. */
    public boolean await(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /** Stops updating; the display keeps its last content. Idempotent. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        ACTIVE.remove(this);
    }

    /** Stops every live view (kernel restart and shutdown). */
    public static void closeAll() {
        for (LiveView v : ACTIVE) {
            v.close();
        }
    }

    /** How many live views are updating now. */
    public static int active() {
        return ACTIVE.size();
    }
}
