package jproc.it.magics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Private Jupyter directories with the {@code jproc} kernelspec installed by the project's installer
 * ({@code install/install-kernelspec.sh --prefix}), so the test never touches the user's Jupyter set-up.
 */
final class KernelDirs implements AutoCloseable {
    private final Path base;
    private final Map<String, String> env;

    private KernelDirs(Path base, Map<String, String> env) {
        this.base = base;
        this.env = env;
    }

    static KernelDirs install(Path base) throws IOException, InterruptedException {
        delete(base);
        Files.createDirectories(base);
        Path prefix = base.resolve("prefix");
        Path installer = Repo.root().resolve("install/install-kernelspec.sh");
        if (!Files.isExecutable(installer)) {
            throw new IllegalStateException("the kernelspec installer is missing: " + installer
                    + "; build the project first (mvn -q install -DskipTests)");
        }
        Path log = base.resolve("install.log");
        Process p = new ProcessBuilder(installer.toString(), "--prefix", prefix.toString())
                .directory(Repo.root().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the kernelspec installer failed:\n" + Files.readString(log));
        }
        Path share = prefix.resolve("share/jupyter");
        var env = Map.of(
                "JUPYTER_PATH", share.toString(),
                "JUPYTER_DATA_DIR", Files.createDirectories(base.resolve("data")).toString(),
                "JUPYTER_CONFIG_DIR", Files.createDirectories(base.resolve("config")).toString(),
                "JUPYTER_RUNTIME_DIR", Files.createDirectories(base.resolve("runtime")).toString(),
                "PYDEVD_DISABLE_FILE_VALIDATION", "1");
        return new KernelDirs(base, env);
    }

    Map<String, String> environment() {
        return env;
    }

    /** Removes the runtime directory (connection files hold keys); the rest stays for inspection. */
    @Override
    public void close() {
        delete(base.resolve("runtime"));
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
