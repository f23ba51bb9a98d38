package jproc.it.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Private Jupyter directories for one test class, with the {@code jproc} kernelspec installed into them by the
 * project's own installer, so tests never read or change the user's Jupyter set-up. {@link #environment()} gives
 * the variables that point Jupyter (nbclient, the notebook server, the kernel) at them.
 */
final class JupyterDirs implements AutoCloseable {
    private final Path base;
    private final Map<String, String> env;

    private JupyterDirs(Path base, Map<String, String> env) {
        this.base = base;
        this.env = env;
    }

    /** Creates fresh directories under {@code base} and installs the kernelspec there. */
    static JupyterDirs withInstalledKernel(Path base) throws IOException, InterruptedException {
        deleteTree(base);
        Path data = Files.createDirectories(base.resolve("data"));
        Path config = Files.createDirectories(base.resolve("config"));
        Path runtime = Files.createDirectories(base.resolve("runtime"));
        Path prefix = base.resolve("prefix");
        Path installer = Repo.root().resolve("install/install-kernelspec.sh");
        if (!Files.isExecutable(installer)) {
            throw new IllegalStateException("the kernelspec installer is missing: " + installer
                    + "; build the project first (mvn -q install -DskipTests)");
        }
        Path log = base.resolve("install.log");
        try (var install = ExternalProcess.start("kernelspec installer",
                List.of(installer.toString(), "--prefix", prefix.toString()), Repo.root(), Map.of(), log)) {
            int status = install.waitFor(Duration.ofMinutes(2));
            if (status != 0) {
                throw new IllegalStateException("the kernelspec installer failed (" + status + "):\n"
                        + Files.readString(log));
            }
        }
        Path share = prefix.resolve("share/jupyter");
        if (!Files.isRegularFile(share.resolve("kernels/jproc/kernel.json"))) {
            throw new IllegalStateException("the installer did not create " + share.resolve("kernels/jproc/kernel.json"));
        }
        var env = Map.of(
                "JUPYTER_PATH", share.toString(),
                "JUPYTER_DATA_DIR", data.toString(),
                "JUPYTER_CONFIG_DIR", config.toString(),
                "JUPYTER_RUNTIME_DIR", runtime.toString(),
                "PYDEVD_DISABLE_FILE_VALIDATION", "1");
        return new JupyterDirs(base, env);
    }

    Map<String, String> environment() {
        return env;
    }

    Path base() {
        return base;
    }

    /** Leaves the directories for inspection except the runtime dir (connection files hold keys). */
    @Override
    public void close() {
        deleteTree(base.resolve("runtime"));
    }

    static void deleteTree(Path dir) {
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
