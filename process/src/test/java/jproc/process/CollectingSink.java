package jproc.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Test sink: records every line as {@code "OUT text"} / {@code "ERR text"} per child, and who was opened. */
final class CollectingSink implements OutputSink {
    final ConcurrentHashMap<String, List<String>> lines = new ConcurrentHashMap<>();
    final List<String> opened = new CopyOnWriteArrayList<>();
    final List<String> closed = new CopyOnWriteArrayList<>();
    final List<String> openThreads = new CopyOnWriteArrayList<>();

    @Override
    public ChildOutput open(String childName, long pid) {
        opened.add(childName + " " + pid);
        openThreads.add(Thread.currentThread().getName());
        List<String> list = lines.computeIfAbsent(childName, k -> new CopyOnWriteArrayList<>());
        return new ChildOutput() {
            @Override
            public void line(ChildStream stream, String text) {
                list.add((stream == ChildStream.STDOUT ? "OUT " : "ERR ") + text);
            }

            @Override
            public void closed() {
                closed.add(childName);
            }
        };
    }

    List<String> of(String child) {
        return new ArrayList<>(lines.getOrDefault(child, List.of()));
    }

    List<String> out(String child) {
        var r = new ArrayList<String>();
        for (String s : of(child)) {
            if (s.startsWith("OUT ")) {
                r.add(s.substring(4));
            }
        }
        return r;
    }

    String err(String child) {
        var sb = new StringBuilder();
        for (String s : of(child)) {
            if (s.startsWith("ERR ")) {
                sb.append(s.substring(4)).append('\n');
            }
        }
        return sb.toString();
    }

    /** Waits until a line of the child matches; fails the test on timeout. */
    String await(String child, Predicate<String> match, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (String s : of(child)) {
                if (match.test(s)) {
                    return s;
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no matching line from " + child + " within " + timeout + "; got " + of(child));
    }
}
