package jproc.process.pool;

import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.nio.channels.Channels;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.WeakHashMap;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jproc.process.ChildProcess;
import jproc.process.ChildProcesses;
import jproc.process.NotCopyableException;
import jproc.process.OutputSink;
import jproc.process.SerializableCallable;
import jproc.process.SerializableFunction;
import jproc.process.SerializableRunnable;
import jproc.process.spawn.ObjectStreams;
import jproc.process.spawn.ValueCodec;
import jproc.process.spawn.WireReader;
import jproc.process.spawn.WireWriter;

/**
 * N worker JVMs behind an {@link java.util.concurrent.ExecutorService}: the mirror of Python's
 * {@code ProcessPoolExecutor} ({@code submit}, {@code invokeAll}) and {@code Pool} ({@link #map},
 * {@link #mapUnordered}). Tasks are copied into the workers like a child's target (notebook lambdas and classes
 * included); a task's exception comes back with the worker's exception type and stack trace.
 *
 * <p>{@code map} splits the items into chunks (Python's rule: a quarter of an even share per worker), ships the
 * function once per worker, and encodes lists of boxed primitives and strings without Java serialization.
 *
 * <p>Threads: any thread may submit. Results are delivered by one reader thread per worker. Workers are daemon
 * children; {@link #close()} waits for submitted tasks, then ends the workers. If a worker dies, its tasks and all
 * later ones fail with {@link BrokenPoolException}.
 *
 * <p>Results and exceptions are read through the channels' deserialization allow-list
 * ({@link jproc.ipc.codec.MessageFilter}): a result naming another class fails its task with a
 * {@link jproc.ipc.codec.MessageRejectedException} (the pool keeps working), and an exception of another class
 * arrives as a {@link RemoteTaskException} with its type name, message and stack trace.
 */
public final class ProcessPool extends AbstractExecutorService implements AutoCloseable {
    private static final int MAX_INFLIGHT = 2;

    private final List<WorkerHandle> workers = new ArrayList<>();
    private final ArrayDeque<PendingTask> pending = new ArrayDeque<>();
    private final ConcurrentHashMap<Long, PendingTask> inflight = new ConcurrentHashMap<>();
    private final AtomicLong taskIds = new AtomicLong();
    private final AtomicInteger functionIds = new AtomicInteger();
    private final Map<Object, Integer> functions = new WeakHashMap<>();
    private boolean shutdown;
    private volatile String broken;

    /** Starts {@code n} workers with the default JVM options and output sink; returns when all are connected. */
    public ProcessPool(int n) {
        this(n, null, null);
    }

    /**
     * Starts {@code n} workers.
     *
     * @param jvmOptions extra JVM options of the workers (null for none)
     * @param sink       where the workers' output goes (null for the default sink)
     * @throws ChildStartException if a worker does not come up within 60 s
     */
    public ProcessPool(int n, List<String> jvmOptions, OutputSink sink) {
        if (n < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker: n=" + n);
        }
        workers.addAll(PoolStartup.start(n, jvmOptions, sink));
        for (WorkerHandle w : workers) {
            Thread t = new Thread(() -> readResults(w), "jproc-pool-" + w.process.name() + "-results");
            t.setDaemon(true);
            t.start();
        }
    }

    // -------------------------------------------------------------------------------------------- submission

    /** Runs {@code task} in a worker; the future's failure is the worker's exception. */
    public <T> Future<T> submit(SerializableCallable<T> task) {
        return enqueueTask(PoolProtocol.KIND_CALL, task);
    }

    /** Runs {@code task} in a worker. */
    public Future<?> submit(SerializableRunnable task) {
        return enqueueTask(PoolProtocol.KIND_RUN, task);
    }

    /**
     * Runs {@code task} in a worker; it must be {@link java.io.Serializable} (a lambda typed as
     * {@link SerializableCallable} is).
     *
     * @throws NotCopyableException if the task cannot be copied
     */
    @Override
    public <T> Future<T> submit(java.util.concurrent.Callable<T> task) {
        return enqueueTask(PoolProtocol.KIND_CALL, task);
    }

    @Override
    public Future<?> submit(Runnable task) {
        return enqueueTask(PoolProtocol.KIND_RUN, task);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Future<T> submit(Runnable task, T result) {
        var f = enqueueTask(PoolProtocol.KIND_RUN, task);
        return (Future<T>) ((java.util.concurrent.CompletableFuture<Object>) f).thenApply(x -> result);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends java.util.concurrent.Callable<T>> tasks)
            throws InterruptedException {
        var futures = new ArrayList<Future<T>>();
        for (var t : tasks) {
            futures.add(submit(t));
        }
        for (Future<T> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                // reported through the future
            }
        }
        return futures;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends java.util.concurrent.Callable<T>> tasks, long timeout,
                                         TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        var futures = new ArrayList<Future<T>>();
        for (var t : tasks) {
            futures.add(submit(t));
        }
        for (Future<T> f : futures) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // reported through the future
            } catch (java.util.concurrent.TimeoutException e) {
                for (Future<T> g : futures) {
                    g.cancel(false);
                }
                break;
            }
        }
        return futures;
    }

    @Override
    public <T> T invokeAny(Collection<? extends java.util.concurrent.Callable<T>> tasks)
            throws InterruptedException, ExecutionException {
        try {
            return invokeAny(tasks, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ExecutionException(e);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends java.util.concurrent.Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        var done = new LinkedBlockingQueue<Future<T>>();
        var futures = new ArrayList<Future<T>>();
        for (var t : tasks) {
            @SuppressWarnings("unchecked")
            var f = (java.util.concurrent.CompletableFuture<T>) submit(t);
            f.whenComplete((r, e) -> done.add(f));
            futures.add(f);
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        ExecutionException last = new ExecutionException(new IllegalArgumentException("no tasks"));
        for (int i = 0; i < futures.size(); i++) {
            Future<T> f = done.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (f == null) {
                throw new java.util.concurrent.TimeoutException("no task of invokeAny finished in time");
            }
            try {
                T r = f.get();
                for (Future<T> g : futures) {
                    g.cancel(false);
                }
                return r;
            } catch (ExecutionException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public void execute(Runnable command) {
        enqueueTask(PoolProtocol.KIND_RUN, command);
    }

    @SuppressWarnings("unchecked")
    private <T> Future<T> enqueueTask(byte kind, Object task) {
        checkOpen();
        CodeParts code = CodeParts.of(ChildProcesses.snapshot(task));
        byte[] bytes = serialize("the task", task);
        var t = new PendingTask(taskIds.incrementAndGet(), kind, 0, null, bytes, code);
        enqueue(List.of(t));
        return (Future<T>) (Future<?>) t.future;
    }

    /**
     * Applies {@code fn} to every item in the workers and returns the results in the items' order (the mirror
     * of {@code Pool.map}).
     *
     * @throws RuntimeException the first failing item's exception as thrown in the worker (unchecked ones as they
     *                          are, checked ones inside a {@link RemoteTaskException})
     */
    public <T, R> List<R> map(SerializableFunction<T, R> fn, Collection<? extends T> items) {
        return map(fn, items, 0);
    }

    /** {@link #map(SerializableFunction, Collection)} with a chunk size (0: automatic). */
    @SuppressWarnings("unchecked")
    public <T, R> List<R> map(SerializableFunction<T, R> fn, Collection<? extends T> items, int chunkSize) {
        List<PendingTask> tasks = mapTasks(fn, items, chunkSize);
        var results = new ArrayList<R>(items.size());
        for (PendingTask t : tasks) {
            results.addAll((List<R>) await(t));
        }
        return results;
    }

    /**
     * Applies {@code fn} to every item in the workers; the results come in the order they are ready (the mirror
     * of {@code Pool.imap_unordered}). Iterate once; {@code next()} blocks until a result is ready.
     */
    public <T, R> Iterable<R> mapUnordered(SerializableFunction<T, R> fn, Collection<? extends T> items) {
        List<PendingTask> tasks = mapTasks(fn, items, 0);
        var done = new LinkedBlockingQueue<PendingTask>();
        for (PendingTask t : tasks) {
            t.future.whenComplete((r, e) -> done.add(t));
        }
        return () -> new Iterator<R>() {
            private int chunksLeft = tasks.size();
            private Iterator<?> current = List.of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && chunksLeft > 0) {
                    try {
                        current = ((List<?>) await(done.take())).iterator();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for pool results", e);
                    }
                    chunksLeft--;
                }
                return current.hasNext();
            }

            @SuppressWarnings("unchecked")
            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return (R) current.next();
            }
        };
    }

    private List<PendingTask> mapTasks(SerializableFunction<?, ?> fn, Collection<?> items, int chunkSize) {
        checkOpen();
        CodeParts code = CodeParts.of(ChildProcesses.snapshot(fn));
        byte[] fnBytes = serialize("the function", fn);
        int fnId;
        synchronized (functions) {
            fnId = functions.computeIfAbsent(fn, k -> functionIds.incrementAndGet());
        }
        List<?> list = items instanceof List ? (List<?>) items : new ArrayList<>(items);
        int n = list.size();
        int chunk = chunkSize > 0 ? chunkSize : Math.max(1, (n + 4 * workers.size() - 1) / (4 * workers.size()));
        var tasks = new ArrayList<PendingTask>();
        for (int from = 0; from < n; from += chunk) {
            var w = new WireWriter(16 + chunk * 5);
            try {
                ValueCodec.writeList(w, list.subList(from, Math.min(n, from + chunk)));
            } catch (NotSerializableException e) {
                throw new NotCopyableException("an item", e.getMessage(), "it is not Serializable", e);
            } catch (IOException e) {
                throw new NotCopyableException("an item", "?", e.toString(), e);
            }
            var t = new PendingTask(taskIds.incrementAndGet(), PoolProtocol.KIND_MAP, fnId, fnBytes,
                    w.toByteArray(), code);
            t.offset = from;
            tasks.add(t);
        }
        enqueue(tasks);
        return tasks;
    }

    private static byte[] serialize(String what, Object o) {
        try {
            return ObjectStreams.serialize(o);
        } catch (NotSerializableException e) {
            throw new NotCopyableException(what, o.getClass().getName(), "it holds a " + e.getMessage()
                    + ", which is not Serializable (a lambda typed as SerializableCallable, SerializableRunnable or"
                    + " SerializableFunction is)", e);
        } catch (IOException e) {
            throw new NotCopyableException(what, o.getClass().getName(), e.toString(), e);
        }
    }

    private Object await(PendingTask t) {
        try {
            return t.future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a pool result", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable remote) {
        if (remote instanceof RuntimeException) {
            return (RuntimeException) remote;
        }
        if (remote instanceof Error) {
            throw (Error) remote;
        }
        return new RemoteTaskException("a task failed in a pool worker: " + remote, remote.getClass().getName(),
                remote);
    }

    private void checkOpen() {
        String b = broken;
        if (b != null) {
            throw new BrokenPoolException(b);
        }
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException("the pool is shut down; create a new ProcessPool");
            }
        }
    }

    // -------------------------------------------------------------------------------------------- dispatch

    private synchronized void enqueue(List<PendingTask> tasks) {
        pending.addAll(tasks);
        dispatch();
    }

    private synchronized void dispatch() {
        while (!pending.isEmpty()) {
            WorkerHandle best = null;
            for (WorkerHandle w : workers) {
                if (!w.dead && w.inflight < MAX_INFLIGHT && (best == null || w.inflight < best.inflight)) {
                    best = w;
                }
            }
            if (best == null) {
                break;
            }
            PendingTask t = pending.poll();
            t.worker = best;
            best.inflight++;
            inflight.put(t.id, t);
            try {
                best.send(t);
            } catch (IOException e) {
                inflight.remove(t.id);
                best.inflight--;
                best.dead = true;
                pending.addFirst(t);
            }
        }
        if (shutdown && pending.isEmpty() && inflight.isEmpty()) {
            for (WorkerHandle w : workers) {
                if (!w.leaving) {
                    w.leaving = true;
                    w.sendShutdown();
                }
            }
        }
    }

    private void readResults(WorkerHandle w) {
        try (InputStream in = Channels.newInputStream(w.results)) {
            byte[] f;
            while ((f = WireReader.readFrame(in)) != null) {
                var r = new WireReader(f);
                int type = r.getByte();
                PendingTask t = inflight.remove(r.getLong());
                if (t == null) {
                    continue;
                }
                ResultDecoder.complete(w, t, type, r);
                synchronized (this) {
                    w.inflight--;
                    dispatch();
                }
            }
        } catch (IOException e) {
            // the worker is gone
        }
        workerGone(w);
    }

    private void workerGone(WorkerHandle w) {
        w.process.join(2000);
        var failed = new ArrayList<PendingTask>();
        synchronized (this) {
            w.dead = true;
            if (w.leaving && w.inflight == 0) {
                return;
            }
            broken = "pool worker " + w.process.name() + " (pid " + w.process.pid() + ") ended with exit code "
                    + w.process.exitCode() + " while the pool was running; the pool is broken, create a new one";
            for (PendingTask t : inflight.values()) {
                if (t.worker == w) {
                    failed.add(t);
                }
            }
            failed.addAll(pending);
            pending.clear();
        }
        for (PendingTask t : failed) {
            inflight.remove(t.id);
            t.future.completeExceptionally(new BrokenPoolException(broken));
        }
    }

    // -------------------------------------------------------------------------------------------- lifecycle

    /** The worker processes (the tutorial prints their pids). */
    public List<ChildProcess> workers() {
        var list = new ArrayList<ChildProcess>();
        for (WorkerHandle w : workers) {
            list.add(w.process);
        }
        return list;
    }

    /** The workers' process ids. */
    public List<Long> pids() {
        var list = new ArrayList<Long>();
        for (WorkerHandle w : workers) {
            list.add(w.process.pid());
        }
        return list;
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        dispatch();
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<PendingTask> dropped;
        synchronized (this) {
            shutdown = true;
            dropped = new ArrayList<>(pending);
            dropped.addAll(inflight.values());
            pending.clear();
            inflight.clear();
            for (WorkerHandle w : workers) {
                w.leaving = true;
                if (w.process.pid() > 0) {
                    w.process.kill();
                }
            }
        }
        for (PendingTask t : dropped) {
            t.future.completeExceptionally(new BrokenPoolException("the pool was shut down before this task ran"));
        }
        return List.of();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        for (WorkerHandle w : workers) {
            if (w.process.isAlive()) {
                return false;
            }
        }
        return isShutdown();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        try {
            for (WorkerHandle w : workers) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !w.process.join(java.time.Duration.ofNanos(left))) {
                    return false;
                }
            }
        } catch (jproc.process.JoinInterruptedException e) {
            Thread.interrupted();
            throw (InterruptedException) e.getCause();
        }
        return true;
    }

    /** Waits for the submitted tasks, then ends the workers (the mirror of {@code with ... as pool}). */
    @Override
    public void close() {
        shutdown();
        try {
            while (!awaitTermination(1, TimeUnit.DAYS)) {
                Thread.onSpinWait();
            }
        } catch (InterruptedException e) {
            shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "<ProcessPool workers=" + workers.size() + " pids=" + pids() + (broken != null ? " broken" : "")
                + (isShutdown() ? " shut down" : "") + ">";
    }
}
