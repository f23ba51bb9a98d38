package jproc.kernel.output;

import jproc.kernel.display.MimeBundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Routes output to the cell it belongs to. The kernel has one; magics and the process output sink use it.
 *
 * <ul>
 *   <li>While a cell runs, text is sent as {@code stream} messages as it is printed (coalesced when it comes
 *       faster than it can be sent) under that cell's request.</li>
 *   <li>Output of a thread or child a cell started, printed after the cell finished, goes to one display (with a
 *       display id) that the kernel created under the cell when it finished with such work still alive; later
 *       text updates it in place ({@code update_display_data}, at most every {@value #LATE_THROTTLE_MS} ms).
 *       Each update is sent under the cell that owns the display, and also under the cell running at that moment,
 *       because some frontends (nbclient, JupyterLab) only route messages of the running request and then
 *       find every output with that display id.</li>
 * </ul>
 *
 * <p>All methods are thread-safe and never block on the network.
 */
public final class CellOutput implements AutoCloseable {
    /** Minimum time between two updates of a late-output display. */
    public static final int LATE_THROTTLE_MS = 50;
    private static final int CHUNK_LIMIT = 64 * 1024;
    private static final int QUEUE_LIMIT = 256;
    private static final int REMEMBERED = 256;
    private static volatile CellOutput installed;

    private final Frontend frontend;
    private final OutputQueue queue;
    private final InheritableThreadLocal<CellContext> threadCell = new InheritableThreadLocal<>();
    private final ScheduledExecutorService lateTimer;
    private final AtomicLong ids = new AtomicLong();
    private final String idPrefix = "jproc-" + Long.toHexString(System.nanoTime() & 0xffffff) + "-";
    private final Map<String, CellContext> displayOwners = lru();
    private final Map<String, LateOutput> lateOutputs = lru();
    private volatile CellContext running;

    /** Creates the router over a frontend; the caller owns the queue. */
    public CellOutput(Frontend frontend, OutputQueue queue) {
        this.frontend = frontend;
        this.queue = queue;
        this.lateTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jproc-late-output");
            t.setDaemon(true);
            return t;
        });
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }

    /** Makes this router the one {@link #instance()} returns (the kernel does it at start-up). */
    public void install() {
        installed = this;
    }

    /**
     * The kernel's router.
     *
     * @throws IllegalStateException outside a kernel
     */
    public static CellOutput instance() {
        CellOutput o = installed;
        if (o == null) {
            throw new IllegalStateException("no notebook kernel is running in this JVM: cell output routing is"
                    + " only available inside the JProc kernel");
        }
        return o;
    }

    /** The kernel's router, or null outside a kernel. */
    public static CellOutput installedOrNull() {
        return installed;
    }

    // ------------------------------------------------------------------------------------------ cell lifecycle

    /** Marks {@code cell} as running and attaches it to the calling thread (the cell thread). */
    public void begin(CellContext cell) {
        running = cell;
        threadCell.set(cell);
        forwardPendingLate(cell);
    }

    /**
     * Sends, under {@code target}, every late-output display whose newest lines that cell's request has not
     * carried yet — including lines still waiting for the throttle timer. Called when a cell starts and when it
     * finishes, so a frontend that only listens to the running request (nbclient, JupyterLab) gets them before
     * that request goes idle.
     */
    private void forwardPendingLate(CellContext target) {
        List<LateOutput> all = new ArrayList<>();
        synchronized (lateOutputs) {
            all.addAll(lateOutputs.values());
        }
        for (LateOutput late : all) {
            if (late.cell == target) {
                continue;
            }
            synchronized (late.cell) {
                if (late.version > late.foreignVersion) {
                    MimeBundle b = late.render();
                    late.renderedVersion = late.version;
                    late.foreignVersion = late.version;
                    queue.submit(() -> frontend.send(late.cell.parent(), new Output.UpdateDisplay(b, late.displayId)));
                    queue.submit(() -> frontend.send(target.parent(), new Output.UpdateDisplay(b, late.displayId)));
                }
            }
        }
    }

    /**
     * Marks {@code cell} as finished. If {@code liveWork} (threads or children it started are still running) or a
     * source is open, a display for its late output is created under it now, while the frontend still listens
     * to the cell.
     */
    public void finish(CellContext cell, boolean liveWork) {
        forwardPendingLate(cell);
        synchronized (cell) {
            sealChunks(cell);
            cell.running = false;
            if ((liveWork || cell.openSources > 0) && cell.late == null) {
                LateOutput late = new LateOutput(cell, newDisplayId());
                cell.late = late;
                synchronized (lateOutputs) {
                    lateOutputs.put(late.displayId, late);
                }
                MimeBundle empty = MimeBundle.text("");
                queue.submit(() -> frontend.send(cell.parent(), new Output.Display(empty, late.displayId)));
            }
        }
        if (running == cell) {
            running = null;
        }
        threadCell.remove();
    }

    /** The cell currently executing, or null. */
    public CellContext running() {
        return running;
    }

    /**
     * The cell the calling thread belongs to: the cell that started it (or started the thread that started it),
     * else the running cell; null if neither.
     */
    public CellContext current() {
        Thread t = Thread.currentThread();
        if (t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool()) {
            CellContext r = running;
            if (r != null) {
                return r;
            }
        }
        CellContext c = threadCell.get();
        return c != null ? c : running;
    }

    /** Attaches the calling thread to {@code cell} (null detaches it). */
    public void attach(CellContext cell) {
        if (cell == null) {
            threadCell.remove();
        } else {
            threadCell.set(cell);
        }
    }

    // ----------------------------------------------------------------------------------------------- text

    /**
     * Prints text under {@code cell}.
     *
     * @param source a child's name to tag each line with, or null
     */
    public void print(CellContext cell, String source, boolean stderr, String text) {
        if (text.isEmpty()) {
            return;
        }
        LateOutput late;
        synchronized (cell) {
            late = cell.late;
            if (cell.running || late == null) {
                appendStream(cell, stderr, source == null ? text : tag(source, text));
                late = null;
            }
        }
        if (late == null) {
            queue.throttle(QUEUE_LIMIT);
            return;
        }
        LateOutput target = late;
        synchronized (cell) {
            target.append(source, stderr, text);
            if (target.scheduled) {
                return;
            }
            target.scheduled = true;
        }
        lateTimer.schedule(() -> flushLate(target), LATE_THROTTLE_MS, TimeUnit.MILLISECONDS);
    }

    private static String tag(String source, String text) {
        var sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append('[').append(source).append("] ").append(line);
            }
            sb.append('\n');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    // guarded by cell
    private void appendStream(CellContext cell, boolean stderr, String text) {
        if (stderr) {
            cell.outChunk = null;
        } else {
            cell.errChunk = null;
        }
        StringBuilder chunk = stderr ? cell.errChunk : cell.outChunk;
        if (chunk == null || chunk.length() > CHUNK_LIMIT) {
            StringBuilder fresh = new StringBuilder();
            chunk = fresh;
            if (stderr) {
                cell.errChunk = fresh;
            } else {
                cell.outChunk = fresh;
            }
            queue.submit(() -> sendChunk(cell, stderr, fresh));
        }
        chunk.append(text);
    }

    private void sendChunk(CellContext cell, boolean stderr, StringBuilder chunk) {
        String text;
        synchronized (cell) {
            text = chunk.toString();
            if (cell.outChunk == chunk) {
                cell.outChunk = null;
            }
            if (cell.errChunk == chunk) {
                cell.errChunk = null;
            }
        }
        if (!text.isEmpty()) {
            frontend.send(cell.parent(), new Output.Stream(stderr, text));
        }
    }

    // guarded by cell
    private static void sealChunks(CellContext cell) {
        cell.outChunk = null;
        cell.errChunk = null;
    }

    private void flushLate(LateOutput late) {
        MimeBundle bundle;
        synchronized (late.cell) {
            late.scheduled = false;
            bundle = late.render();
            late.renderedVersion = late.version;
        }
        CellContext now = running;
        queue.submit(() -> frontend.send(late.cell.parent(), new Output.UpdateDisplay(bundle, late.displayId)));
        if (now != null && now != late.cell) {
            synchronized (late.cell) {
                late.foreignVersion = late.renderedVersion;
            }
            queue.submit(() -> frontend.send(now.parent(), new Output.UpdateDisplay(bundle, late.displayId)));
        }
    }

    // -------------------------------------------------------------------------------------------- sources

    /**
     * Opens a named line source (a child process) under {@code cell}; while it is open the cell keeps a late
     * output display when it finishes.
     */
    public OutputSource openSource(CellContext cell, String name) {
        synchronized (cell) {
            cell.openSources++;
        }
        return new OutputSource() {
            private boolean closed;

            @Override
            public void out(String line) {
                print(cell, name, false, line + "\n");
            }

            @Override
            public void err(String line) {
                print(cell, name, true, line + "\n");
            }

            @Override
            public void close() {
                synchronized (cell) {
                    if (!closed) {
                        closed = true;
                        cell.openSources--;
                    }
                }
            }
        };
    }

    // ------------------------------------------------------------------------------------------- displays

    /** A new display id, unique in this kernel. */
    public String newDisplayId() {
        return idPrefix + ids.incrementAndGet();
    }

    /** Sends any output message under {@code cell}, after the text printed so far. */
    public void send(CellContext cell, Output output) {
        synchronized (cell) {
            sealChunks(cell);
            queue.submit(() -> frontend.send(cell.parent(), output));
        }
    }

    /**
     * Shows a bundle under {@code cell} with the given display id (see {@link #newDisplayId()}).
     */
    public void display(CellContext cell, MimeBundle bundle, String displayId) {
        synchronized (displayOwners) {
            displayOwners.put(displayId, cell);
        }
        send(cell, new Output.Display(bundle, displayId));
    }

    /**
     * Replaces the content of every display with {@code displayId}. Sent under the cell that created the display
     * and, if another cell is running, under that one too.
     */
    public void updateDisplay(String displayId, MimeBundle bundle) {
        CellContext owner;
        synchronized (displayOwners) {
            owner = displayOwners.get(displayId);
        }
        CellContext now = running;
        CellContext first = owner != null ? owner : (now != null ? now : current());
        if (first == null) {
            return;
        }
        send(first, new Output.UpdateDisplay(bundle, displayId));
        if (now != null && now != first) {
            send(now, new Output.UpdateDisplay(bundle, displayId));
        }
    }

    /** Asks the frontend for a line of input for {@code cell}. */
    public java.util.concurrent.CompletableFuture<String> requestInput(CellContext cell, String prompt, boolean pw) {
        return frontend.requestInput(cell.parent(), prompt, pw);
    }

    /** Waits until everything submitted so far has been sent. */
    public void flush(long timeoutMillis) {
        try {
            queue.flush(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        lateTimer.shutdownNow();
        if (installed == this) {
            installed = null;
        }
    }
}
