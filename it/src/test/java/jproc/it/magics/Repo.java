package jproc.it.magics;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, found from the working directory of the test run. */
final class Repo {
    private Repo() {
    }

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("magics"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("run the tests from inside the repository: no magics/ above "
                    + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
