package jproc.bench.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The suite's private scratch directory (bookkeeping files, logs of a run); removed at the end. */
public final class Workdir implements AutoCloseable {
    private final Path dir;

    public Workdir(String prefix) {
        try {
            dir = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory in "
                    + System.getProperty("java.io.tmpdir"), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    @Override
    public void close() {
        deleteTree(dir);
    }

    /** Deletes a directory tree, ignoring what is already gone. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
