package jproc;

import java.util.List;

import jproc.ipc.queue.JoinableProcessQueue;
import jproc.ipc.queue.ProcessQueue;
import jproc.process.ChildProcess;
import jproc.process.ChildProcesses;
import jproc.process.ProcessInfo;
import jproc.process.SerializableBiConsumer;
import jproc.process.SerializableConsumer;
import jproc.process.SerializableRunnable;
import jproc.process.pool.ProcessPool;

/**
 * The front door: one short factory per primitive, so notebook code reads like the Python tutorials
 * ({@code multiprocessing} as a table of contents). Every object it returns works from plain Java too.
 *
 * <pre>
 * var q = Mp.queue("jobs");
 * var p = Mp.process("producer", () -&gt; { for (int i = 0; i &lt; 5; i++) q.put(i); });
 * p.start(); p.join();
 * try (var pool = Mp.pool(4)) { System.out.println(pool.map(x -&gt; x * x, List.of(1, 2, 3))); }
 * </pre>
 */
public final class Mp {
    private Mp() {
    }

    // ---------------------------------------------------------------------------------------------- processes

    /** A child process running {@code target} (not started: call {@code start()}); Python's {@code Process}. */
    public static ChildProcess process(String name, SerializableRunnable target) {
        return new ChildProcess(name, target);
    }

    /** A child process named {@code Process-N} running {@code target} (not started). */
    public static ChildProcess process(SerializableRunnable target) {
        return new ChildProcess(target);
    }

    /** A child process running {@code target.accept(a)} with a copy of {@code a} (not started). */
    public static <A> ChildProcess process(String name, SerializableConsumer<A> target, A a) {
        return new ChildProcess(name, target, a);
    }

    /** A child process running {@code target.accept(a, b)} with copies of the arguments (not started). */
    public static <A, B> ChildProcess process(String name, SerializableBiConsumer<A, B> target, A a, B b) {
        return new ChildProcess(name, target, a, b);
    }

    /** A child process running Java statements compiled in this JVM (needs the kernel's compiler; not started). */
    public static ChildProcess spawn(String name, String code) {
        return ChildProcess.ofCode(name, code);
    }

    /** A pool of {@code n} worker JVMs (Python's {@code Pool(n)} / {@code ProcessPoolExecutor(n)}), started. */
    public static ProcessPool pool(int n) {
        return new ProcessPool(n);
    }

    /** The live children of this process (Python's {@code active_children()}). */
    public static List<ChildProcess> activeChildren() {
        return ChildProcess.activeChildren();
    }

    /** This process: in a child, the process object it runs; in the kernel, {@code MainProcess}. */
    public static ChildProcess currentProcess() {
        return ChildProcess.currentProcess();
    }

    /** The parent's name and pid in a child; null in the kernel or another root process. */
    public static ProcessInfo parentProcess() {
        return ChildProcess.parentProcess();
    }

    /** Every child started by this process, finished ones included (what {@code %ps} lists). */
    public static List<ChildProcess> children() {
        return ChildProcesses.children();
    }

    // ----------------------------------------------------------------------------------------------- channels

    /** The queue with this name in the session, created if needed (Python's {@code Queue()}). */
    public static <T> ProcessQueue<T> queue(String name) {
        return ProcessQueue.of(name);
    }

    /** A queue holding at most {@code maxsize} items (Python's {@code Queue(maxsize)}). */
    public static <T> ProcessQueue<T> queue(String name, int maxsize) {
        return ProcessQueue.of(name, maxsize);
    }

    /** A queue with {@code taskDone()} and {@code join()} (Python's {@code JoinableQueue()}). */
    public static <T> JoinableProcessQueue<T> joinableQueue(String name) {
        return JoinableProcessQueue.of(name);
    }

    /** A joinable queue holding at most {@code maxsize} items. */
    public static <T> JoinableProcessQueue<T> joinableQueue(String name, int maxsize) {
        return JoinableProcessQueue.of(name, maxsize);
    }
}
