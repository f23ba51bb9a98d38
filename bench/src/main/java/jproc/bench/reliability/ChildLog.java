package jproc.bench.reliability;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jproc.process.ChildOutput;
import jproc.process.ChildStream;
import jproc.process.OutputSink;

/**
 * Where the workers' output goes during the suite: every line into one log file (so the suite's own output stays
 * readable), and the last stderr lines kept in memory so a finding can quote why a worker failed.
 */
public final class ChildLog implements OutputSink, AutoCloseable {
    private static final int KEEP = 400;

    private final PrintWriter file;
    private final Deque<String> recentErrors = new ArrayDeque<>();
    private final long started = System.nanoTime();

    public ChildLog(Path path) {
        try {
            Files.createDirectories(path.getParent());
            file = new PrintWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the child log " + path, e);
        }
    }

    @Override
    public ChildOutput open(String childName, long pid) {
        return new ChildOutput() {
            @Override
            public void line(ChildStream stream, String text) {
                String tag = stream == ChildStream.STDERR ? " err" : "";
                String tagged = "[" + childName + " " + pid + tag + "] " + text;
                synchronized (ChildLog.this) {
                    file.println(tagged);
                    if (stream == ChildStream.STDERR) {
                        recentErrors.addLast(tagged);
                        if (recentErrors.size() > KEEP) {
                            recentErrors.removeFirst();
                        }
                    }
                }
            }

            @Override
            public void closed() {
            }
        };
    }

    /** The last stderr lines of the named child (up to {@code max}). */
    public synchronized List<String> errorsOf(String childName, int max) {
        var out = new ArrayList<String>();
        for (String s : recentErrors) {
            if (s.startsWith("[" + childName + " ") && !s.contains(" err] \tat ") && !s.contains(" err] \t... ")) {
                out.add(s);
            }
        }
        return out.subList(Math.max(0, out.size() - max), out.size());
    }

    /** Writes a line of the suite's own into the log (round boundaries, kills). */
    public synchronized void note(String text) {
        file.printf("# %8.3f s %s%n", (System.nanoTime() - started) / 1e9, text);
    }

    @Override
    public synchronized void close() {
        file.close();
    }
}
