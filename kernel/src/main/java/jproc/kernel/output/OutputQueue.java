package jproc.kernel.output;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single thread ({@code jproc-iopub}) that sends every output message, in submission order.
 *
 * <p>Notebook threads never touch sockets: they only submit tasks here. This keeps the message order of a cell
 * (outputs before its {@code idle} status) and keeps {@link Thread#interrupt()} of a cell thread away from socket
 * channels.
 */
public final class OutputQueue implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutputQueue.class.getName());
    private static final Runnable STOP = () -> { };

    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final ReentrantLock sending = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closed;

    /** Starts the sender thread. */
    public OutputQueue() {
        thread = new Thread(this::run, "jproc-iopub");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a send; tasks run one at a time, in order, on the sender thread. Ignored after {@link #close()}. */
    public void submit(Runnable task) {
        if (!closed) {
            pending.incrementAndGet();
            tasks.add(task);
        }
    }

    /**
     * Runs the task on the calling thread if nothing is queued or being sent (saving a thread wake-up), else
     * queues it; either way it runs after everything submitted before. Only for threads that are never
     * interrupted while sending (the protocol's request threads), never for notebook code.
     */
    public void submitOrRun(Runnable task) {
        if (closed) {
            return;
        }
        if (pending.get() == 0 && sending.tryLock()) {
            try {
                if (pending.get() == 0) {
                    task.run();
                    return;
                }
            } finally {
                sending.unlock();
            }
        }
        submit(task);
    }

    /**
     * Makes a writer wait (at most a second) while more than {@code limit} sends are queued, so that a cell
     * printing faster than the frontend can take it slows down instead of filling the memory. Never blocks the
     * sender thread; returns early if the caller is interrupted (its interrupt status is kept).
     */
    public void throttle(int limit) {
        if (pending.get() <= limit || isSenderThread()) {
            return;
        }
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (pending.get() > limit && System.nanoTime() < deadline && !closed) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** True if the caller is the sender thread. */
    public boolean isSenderThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Waits until every task submitted before this call has run.
     *
     * @return false on timeout
     */
    public boolean flush(long timeoutMillis) throws InterruptedException {
        if (isSenderThread() || closed) {
            return true;
        }
        var done = new CountDownLatch(1);
        submit(done::countDown);
        return done.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void run() {
        while (true) {
            Runnable task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (task == STOP) {
                return;
            }
            sending.lock();
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "sending an output message failed", e);
            } finally {
                pending.decrementAndGet();
                sending.unlock();
            }
        }
    }

    /** Sends what is queued (waiting at most a second), then stops the thread. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        pending.incrementAndGet();
        tasks.add(STOP);
        closed = true;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
