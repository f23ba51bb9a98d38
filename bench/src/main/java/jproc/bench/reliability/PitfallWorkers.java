package jproc.bench.reliability;

import java.time.Duration;

import jproc.ipc.pipe.PipeConnection;
import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.sync.ProcessLock;
import jproc.ipc.value.SharedInt;

/** The code the Python-pitfall replays run in their child JVMs. */
public final class PitfallWorkers {
    private PitfallWorkers() {
    }

    /** {@code n} times {@code set(get() + 1)} under the value's lock. */
    public static void lockedIncrements(Integer n, SharedInt value) {
        var lock = value.getLock();
        for (int i = 0; i < n; i++) {
            lock.acquire();
            try {
                value.set(value.get() + 1);
            } finally {
                lock.release();
            }
        }
    }

    /** Reports what it received, then changes its copy. */
    public static void changeCopy(int[] box, ProcessQueue<Integer> report) {
        report.put(box[0]);
        box[0] = 99;
        report.put(box[0]);
    }

    /** Puts {@code bytes} bytes in one item, then exits at once. */
    public static void putLarge(Integer bytes, ProcessQueue<byte[]> queue) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31);
        }
        queue.put(b);
    }

    /** Puts {@code n} items of 1 KiB, then exits. */
    public static void putMany(Integer n, ProcessQueue<byte[]> queue) {
        for (int i = 0; i < n; i++) {
            queue.put(new byte[1024]);
        }
    }

    public static void throwInChild() {
        throw new IllegalStateException("pitfall: boom in the child");
    }

    /** Takes the lock, signals that it holds it, then waits to be terminated. */
    public static void holdLock(ProcessLock lock, ProcessQueue<String> ready) {
        lock.acquire();
        ready.put("holding");
        sleep(600_000);
    }

    /** Puts numbers as fast as it can until it is killed. */
    public static void putForever(ProcessQueue<Long> queue) {
        for (long i = 0; ; i++) {
            queue.put(i);
        }
    }

    /** Sends one message, then waits to be killed while holding its end of the pipe. */
    public static void sendThenWait(PipeConnection end) {
        end.send("one message");
        sleep(600_000);
    }

    /** Receives a queue handle through another queue and answers through it. */
    public static void answerThroughReceivedHandle(ProcessQueue<ProcessQueue<String>> handles) {
        ProcessQueue<String> q = handles.get(Duration.ofSeconds(30));
        q.put("answer through a handle that travelled through a queue");
    }

    /** Prints a line without flushing, then sleeps (Python: the line stays in the child's buffer). */
    public static void printThenSleep() {
        System.out.print("printed before sleeping\n");
        sleep(5_000);
    }

    public static void quickExit() {
        // ends at once: the parent does not join it
    }

    public static void sleepLong() {
        sleep(600_000);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
