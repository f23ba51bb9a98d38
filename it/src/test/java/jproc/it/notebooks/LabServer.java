package jproc.it.notebooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A JupyterLab server from the venv {@code bin/install-deps} makes, on 127.0.0.1 with a random port and token, its
 * own Jupyter directories and lab settings in a fresh temporary directory, and the {@code jproc} kernelspec
 * installed there by the project's installer. {@link #close()} shuts its kernels down, stops the server, ends any
 * process still running from the temporary kernelspec (kernel, child JVMs) and deletes the directory; it is safe
 * to call after any failure.
 */
final class LabServer implements AutoCloseable {
    /** The venv; {@code JPROC_LAB_VENV} moves it (bin/install-deps honours the same variable). */
    static final Path VENV = Path.of(System.getenv().getOrDefault("JPROC_LAB_VENV",
            System.getProperty("user.home") + "/.cache/jproc/lab-venv"));
    private static final Pattern SESSION_ID = Pattern.compile("\"id\":\\s*\"([0-9a-f-]{36})\",\\s*\"path\"");

    private final Path base;
    private final Path root;
    private final int port;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ExternalProcess server;
    private List<String> leftovers = List.of();

    private LabServer(Path base) throws IOException {
        this.base = base;
        this.root = Files.createDirectories(base.resolve("root"));
        this.port = freePort();
        this.token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    }

    /**
     * Installs the kernelspec into a new temporary directory and starts the server; server.log goes to {@code logs}.
     *
     * @throws AssertionError if JupyterLab is not installed (run bin/install-deps) or the server does not answer
     */
    static LabServer start(Path logs) throws IOException, InterruptedException {
        Path lab = VENV.resolve("bin/jupyter-lab");
        if (!Files.isExecutable(lab) || !Files.isRegularFile(VENV.resolve(".jproc-lab-requirements.sha256"))) {
            throw new AssertionError("JupyterLab is not installed at " + VENV + " (no bin/jupyter-lab or an"
                    + " unfinished install): run bin/install-deps, which creates that venv with the versions of"
                    + " it/lab-requirements.txt (JPROC_LAB_VENV moves it)");
        }
        var s = new LabServer(Files.createTempDirectory("jproc-lab-"));
        try {
            s.configure(logs);
            s.server = ExternalProcess.start("jupyter lab", List.of(lab.toString(), "--no-browser", "--allow-root",
                    "--ip=127.0.0.1", "--port=" + s.port, "--port-retries=0", "--IdentityProvider.token=" + s.token,
                    "--ServerApp.root_dir=" + s.root, "--ServerApp.terminals_enabled=False",
                    "--LabApp.expose_app_in_browser=True",
                    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"),
                    s.root, s.environment(), logs.resolve("server.log"));
            s.waitUntilUp(Duration.ofSeconds(60), logs);
            return s;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            s.close();
            throw e;
        }
    }

    private void configure(Path logs) throws IOException, InterruptedException {
        Path installer = Repo.root().resolve("install/install-kernelspec.sh");
        Path jar = Path.of(System.getProperty("jproc.kernel.jar", Repo.root() + "/install/target/jproc-kernel.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("the kernel jar " + jar + " is missing; build it first: mvn -q install -pl"
                    + " kernel,magics,install -DskipTests");
        }
        ExternalProcess.run("kernelspec installer", List.of(installer.toString(), "--prefix", base.resolve("prefix")
                .toString(), "--jar", jar.toString()), Repo.root(), Map.of(), logs.resolve("install.log"),
                Duration.ofMinutes(1));
        for (String d : List.of("data", "config/labconfig", "runtime", "workspaces",
                "settings/@jupyterlab/notebook-extension")) {
            Files.createDirectories(base.resolve(d));
        }
        // Every cell in the DOM (no virtual scrolling), no news pop-up, no debugger sidebar probing the kernel.
        Files.writeString(base.resolve("settings/@jupyterlab/notebook-extension/tracker.jupyterlab-settings"),
                "{\"windowingMode\": \"none\"}\n");
        Files.writeString(base.resolve("config/labconfig/page_config.json"), """
                {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": true,
                                        "@jupyterlab/debugger-extension": true}}
                """);
    }

    /** The variables that point Jupyter, the server and the kernel at the temporary directories. */
    Map<String, String> environment() {
        return Map.of(
                "JUPYTER_PATH", base.resolve("prefix/share/jupyter").toString(),
                "JUPYTER_DATA_DIR", base.resolve("data").toString(),
                "JUPYTER_CONFIG_DIR", base.resolve("config").toString(),
                "JUPYTER_RUNTIME_DIR", base.resolve("runtime").toString(),
                "JUPYTERLAB_SETTINGS_DIR", base.resolve("settings").toString(),
                "JUPYTERLAB_WORKSPACES_DIR", base.resolve("workspaces").toString());
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String token() {
        return token;
    }

    /** The server's root directory: notebooks written here open as {@code /lab/tree/<name>}. */
    Path root() {
        return root;
    }

    /** Processes running from this server's kernelspec (the kernel and its child JVMs), as "pid command". */
    List<String> kernelProcesses() {
        String marker = base.toString();
        var found = new ArrayList<String>();
        ProcessHandle.allProcesses().forEach(p -> {
            String cmd = commandLine(p.pid());
            if (cmd.contains(marker) && p.pid() != ProcessHandle.current().pid()) {
                found.add(p.pid() + " " + cmd);
            }
        });
        return found;
    }

    /** What {@link #close()} had to kill by force (processes that outlived the server's own shutdown). */
    List<String> leftovers() {
        return leftovers;
    }

    private static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException | SecurityException gone) {
            return "";
        }
    }

    private void waitUntilUp(Duration timeout, Path logs) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("jupyter lab exited at start; see " + logs.resolve("server.log"));
            }
            try {
                if (http.send(api("/api/status").build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("jupyter lab did not answer on 127.0.0.1:" + port + " within "
                + timeout.toSeconds() + " s; see " + logs.resolve("server.log"));
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization", "token " + token)
                .timeout(Duration.ofSeconds(10));
    }

    /** Asks the server to shut down every session's kernel (as the notebook's "Shut Down Kernel" does). */
    private void shutDownSessions() {
        try {
            String body = http.send(api("/api/sessions").build(), HttpResponse.BodyHandlers.ofString()).body();
            var m = SESSION_ID.matcher(body);
            while (m.find()) {
                http.send(api("/api/sessions/" + m.group(1)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
        } catch (IOException e) {
            // the server is gone already; the kernel processes are ended below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (server != null && server.isAlive()) {
            shutDownSessions();
            server.stop(Duration.ofSeconds(10));
        }
        // A kernel shut down politely ends its children within a few seconds; whatever still runs is killed.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!kernelProcesses().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        leftovers = kernelProcesses();
        for (String p : leftovers) {
            ProcessHandle.of(Long.parseLong(p.substring(0, p.indexOf(' ')))).ifPresent(ProcessHandle::destroyForcibly);
        }
        JupyterDirs.deleteTree(base);
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
