package jproc.ipc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jproc.ipc.session.Session;

/** Names and file checks for tests. */
public final class SessionFilesForTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private SessionFilesForTest() {
    }

    /** A fresh channel name for one test. */
    public static String unique(String base) {
        return base + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }

    /** Session files whose name contains {@code part}. */
    public static List<Path> filesContaining(String part) {
        Session s = Session.current();
        try (Stream<Path> st = Files.list(s.directory())) {
            return st.filter(p -> p.getFileName().toString().startsWith(s.filePrefix()))
                    .filter(p -> p.getFileName().toString().contains(part)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
