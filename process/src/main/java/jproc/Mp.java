package jproc;

import java.util.List;

import jproc.ipc.pipe.ProcessPipe;
import jproc.ipc.queue.JoinableProcessQueue;
import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.sync.BoundedProcessSemaphore;
import jproc.ipc.sync.ProcessBarrier;
import jproc.ipc.sync.ProcessCondition;
import jproc.ipc.sync.ProcessEvent;
import jproc.ipc.sync.ProcessLock;
import jproc.ipc.sync.ProcessRLock;
import jproc.ipc.sync.ProcessSemaphore;
import jproc.ipc.value.SharedBoolean;
import jproc.ipc.value.SharedBooleanArray;
import jproc.ipc.value.SharedByte;
import jproc.ipc.value.SharedByteArray;
import jproc.ipc.value.SharedDouble;
import jproc.ipc.value.SharedDoubleArray;
import jproc.ipc.value.SharedInt;
import jproc.ipc.value.SharedIntArray;
import jproc.ipc.value.SharedLong;
import jproc.ipc.value.SharedLongArray;
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

    /** A duplex pipe: two connected ends (Python's {@code Pipe()}); created or opened by name. */
    public static ProcessPipe pipe(String name) {
        return ProcessPipe.of(name);
    }

    /** A pipe; {@code duplex=false} gives a one-way pair (left receives, right sends), as {@code Pipe(False)}. */
    public static ProcessPipe pipe(String name, boolean duplex) {
        return ProcessPipe.of(name, duplex);
    }

    // ------------------------------------------------------------------------------------ shared values, arrays

    /** A shared int with a built-in lock (Python's {@code Value('i', initial)}). */
    public static SharedInt value(String name, int initial) {
        return SharedInt.of(name, initial);
    }

    /** A shared int; {@code lock=false} leaves out the built-in lock ({@code Value('i', x, lock=False)}). */
    public static SharedInt value(String name, int initial, boolean lock) {
        return SharedInt.of(name, initial, lock);
    }

    /** A shared long with a built-in lock ({@code Value('q', initial)}). */
    public static SharedLong value(String name, long initial) {
        return SharedLong.of(name, initial);
    }

    /** A shared double with a built-in lock ({@code Value('d', initial)}). */
    public static SharedDouble value(String name, double initial) {
        return SharedDouble.of(name, initial);
    }

    /** A shared boolean with a built-in lock. */
    public static SharedBoolean value(String name, boolean initial) {
        return SharedBoolean.of(name, initial);
    }

    /** A shared byte with a built-in lock ({@code Value('b', initial)}). */
    public static SharedByte value(String name, byte initial) {
        return SharedByte.of(name, initial);
    }

    /** A shared int array holding a copy of {@code initial} ({@code Array('i', [...])}). */
    public static SharedIntArray array(String name, int[] initial) {
        return SharedIntArray.of(name, initial);
    }

    /** A shared long array holding a copy of {@code initial}. */
    public static SharedLongArray array(String name, long[] initial) {
        return SharedLongArray.of(name, initial);
    }

    /** A shared double array holding a copy of {@code initial} ({@code Array('d', [...])}). */
    public static SharedDoubleArray array(String name, double[] initial) {
        return SharedDoubleArray.of(name, initial);
    }

    /** A shared boolean array holding a copy of {@code initial}. */
    public static SharedBooleanArray array(String name, boolean[] initial) {
        return SharedBooleanArray.of(name, initial);
    }

    /** A shared byte array holding a copy of {@code initial}. */
    public static SharedByteArray array(String name, byte[] initial) {
        return SharedByteArray.of(name, initial);
    }

    /** A shared int array of {@code length} zeros ({@code Array('i', length)}). */
    public static SharedIntArray intArray(String name, int length) {
        return SharedIntArray.of(name, length);
    }

    /** A shared long array of {@code length} zeros. */
    public static SharedLongArray longArray(String name, int length) {
        return SharedLongArray.of(name, length);
    }

    /** A shared double array of {@code length} zeros ({@code Array('d', length)}). */
    public static SharedDoubleArray doubleArray(String name, int length) {
        return SharedDoubleArray.of(name, length);
    }

    /** A shared byte array of {@code length} zeros (a block of shared memory, {@code Array('b', length)}). */
    public static SharedByteArray byteArray(String name, int length) {
        return SharedByteArray.of(name, length);
    }

    /** A shared boolean array of {@code length} falses. */
    public static SharedBooleanArray booleanArray(String name, int length) {
        return SharedBooleanArray.of(name, length);
    }

    // ------------------------------------------------------------------------------------------ synchronization

    /** A lock shared by processes (Python's {@code Lock()}); owner death is reported, not a silent hang. */
    public static ProcessLock lock(String name) {
        return ProcessLock.of(name);
    }

    /** A re-entrant lock shared by processes ({@code RLock()}). */
    public static ProcessRLock rlock(String name) {
        return ProcessRLock.of(name);
    }

    /** A counting semaphore shared by processes ({@code Semaphore(permits)}). */
    public static ProcessSemaphore semaphore(String name, int permits) {
        return ProcessSemaphore.of(name, permits);
    }

    /** A semaphore that refuses releases above its initial permits ({@code BoundedSemaphore(permits)}). */
    public static BoundedProcessSemaphore boundedSemaphore(String name, int permits) {
        return BoundedProcessSemaphore.of(name, permits);
    }

    /** An event flag shared by processes ({@code Event()}): set, clear, wait. */
    public static ProcessEvent event(String name) {
        return ProcessEvent.of(name);
    }

    /** A condition variable with its own re-entrant lock ({@code Condition()}). */
    public static ProcessCondition condition(String name) {
        return ProcessCondition.of(name);
    }

    /** A condition variable over an existing lock ({@code Condition(lock)}). */
    public static ProcessCondition condition(String name, ProcessLock lock) {
        return ProcessCondition.of(name, lock);
    }

    /** A condition variable over an existing re-entrant lock. */
    public static ProcessCondition condition(String name, ProcessRLock lock) {
        return ProcessCondition.of(name, lock);
    }

    /** A barrier for {@code parties} processes ({@code Barrier(parties)}). */
    public static ProcessBarrier barrier(String name, int parties) {
        return ProcessBarrier.of(name, parties);
    }
}
