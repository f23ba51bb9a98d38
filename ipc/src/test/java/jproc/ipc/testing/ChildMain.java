package jproc.ipc.testing;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import jproc.ipc.queue.ProcessQueue;

/**
 * Scenarios run in helper JVMs by the cross-process tests. Prints {@code READY} once set up and {@code DONE} at
 * the end; exits 0 on success. Scenarios live in {@link Scenarios}.
 */
public final class ChildMain {
    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            Scenarios.run(args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
            System.out.println("DONE");
            System.out.flush();
            System.exit(0);
        } catch (Throwable t) {
            System.out.println("FAILED " + t);
            t.printStackTrace(System.out);
            System.out.flush();
            System.exit(3);
        }
    }

    static void ready() {
        System.out.println("READY");
        System.out.flush();
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** A small mapped file of longs used to report progress that survives kill -9. */
    static MappedByteBuffer mapLongs(String path, int longs) throws IOException {
        try (var ch = FileChannel.open(Path.of(path), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            return (MappedByteBuffer) ch.map(FileChannel.MapMode.READ_WRITE, 0, 8L * longs)
                    .order(ByteOrder.nativeOrder());
        }
    }

    static void queueScenario(String name, String[] a) throws Exception {
        switch (name) {
            case "produce" -> {
                ProcessQueue<Long> q = ProcessQueue.of(a[0]);
                long n = Long.parseLong(a[1]);
                long id = Long.parseLong(a[2]);
                ready();
                for (long i = 0; i < n; i++) {
                    q.put((id << 32) | i);
                }
                q.close();
            }
            case "consumeToResults" -> {
                ProcessQueue<Long> q = ProcessQueue.of(a[0]);
                ProcessQueue<Long> results = ProcessQueue.of(a[1]);
                ready();
                while (true) {
                    Long v = q.get();
                    if (v == -1L) {
                        break;
                    }
                    results.put(v);
                }
                q.close();
                results.close();
            }
            case "produceAcked" -> {
                ProcessQueue<Long> q = ProcessQueue.of(a[0]);
                MappedByteBuffer ack = mapLongs(a[1], 1);
                long id = Long.parseLong(a[2]);
                ready();
                for (long i = 0; ; i++) {
                    q.put((id << 32) | i);
                    ack.putLong(0, i + 1);
                }
            }
            case "consumeLogged" -> {
                ProcessQueue<Long> q = ProcessQueue.of(a[0]);
                int max = Integer.parseInt(a[2]);
                MappedByteBuffer log = mapLongs(a[1], max + 1);
                ready();
                for (int i = 0; i < max; i++) {
                    Long v = q.get();
                    log.putLong(8 + 8 * i, v);
                    log.putLong(0, i + 1);
                }
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            }
            case "getOne" -> {
                ProcessQueue<Object> q = ProcessQueue.open(a[0]);
                ready();
                Object v = q.get(Duration.ofSeconds(20));
                say("GOT " + v);
                q.close();
            }
            case "forwardHello" -> {
                ProcessQueue<Object> q = ProcessQueue.open(a[0]);
                ready();
                @SuppressWarnings("unchecked")
                ProcessQueue<String> target = (ProcessQueue<String>) q.get(Duration.ofSeconds(20));
                target.put("hello from " + ProcessHandle.current().pid());
                target.close();
                q.close();
            }
            case "rootWithTracker" -> {
                var session = jproc.ipc.session.Session.current();
                ProcessQueue<String> q = ProcessQueue.of("tracked");
                q.put("left behind");
                jproc.ipc.value.SharedInt.of("tracked", 1);
                long watcher = jproc.ipc.shm.SessionTracker.startFor(session);
                say("WATCHER " + watcher + " " + session.filePrefix());
                ready();
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            }
            case "fillQueueAndWait" -> {
                ProcessQueue<Object> q = ProcessQueue.of(a[0]);
                q.put("first");
                q.put(2);
                q.put(new int[] {3});
                ready();
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            }
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        }
    }
}
