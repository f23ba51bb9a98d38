package jproc.it.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the source tree, found from the test's working directory (the {@code it} module). */
final class Repo {
    private Repo() {
    }

    /** The repository root: the nearest directory upwards that has both {@code notebooks/} and {@code pom.xml}. */
    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        for (Path d = p; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("notebooks")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d;
            }
        }
        throw new IllegalStateException("cannot find the repository root (with notebooks/ and pom.xml) above " + p);
    }

    /** The {@code it} module's directory. */
    static Path itModule() {
        return root().resolve("it");
    }

    /** Where tests of this package put what they produce: {@code it/target/<sub>}. */
    static Path target(String sub) throws java.io.IOException {
        return Files.createDirectories(itModule().resolve("target").resolve(sub));
    }

    /** A fresh {@code it/target/<sub>} (emptied first) for what a test leaves to look at (logs, screenshots). */
    static Path freshTarget(String sub) throws java.io.IOException {
        Path dir = itModule().resolve("target").resolve(sub);
        if (Files.exists(dir)) {
            try (var all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
