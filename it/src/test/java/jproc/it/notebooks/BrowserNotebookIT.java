package jproc.it.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Opens the producer/consumer notebook in classic Jupyter Notebook 6 with Debian's headless Chromium (driven by
 * {@code it/browser/run-notebook.mjs} through playwright-core), runs all cells from the Cell menu and checks what a
 * person sees: the children's lines under the cells that started them, including a line a child prints after its
 * cell ended, and no error output. Screenshots are left in {@code it/target/browser/}.
 */
class BrowserNotebookIT {
    private static final String NOTEBOOK = "03-queue-pipe-shared-memory";

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void childOutputAppearsUnderItsCellInClassicNotebookIncludingLateOutput() throws Exception {
        Path out = Repo.target("browser");
        Path work = Files.createDirectories(out.resolve("work"));
        Path nb = work.resolve(NOTEBOOK + ".ipynb");
        Files.copy(Repo.root().resolve("notebooks").resolve(NOTEBOOK + ".ipynb"), nb,
                StandardCopyOption.REPLACE_EXISTING);
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        int port = freePort();
        try (var jupyter = JupyterDirs.withInstalledKernel(Repo.target("browser-jupyter"))) {
            var env = new HashMap<>(jupyter.environment());
            var server = ExternalProcess.start("jupyter notebook", List.of("/usr/bin/jupyter", "notebook",
                    "--no-browser", "--allow-root", "--ip=127.0.0.1", "--port=" + port, "--port-retries=0",
                    "--NotebookApp.token=" + token, "--notebook-dir=" + work), work, env, out.resolve("server.log"));
            try (server) {
                waitForServer(port, token, server);
                Path spec = out.resolve("spec.json");
                Files.writeString(spec, spec(port, token, nb, out));
                int status;
                try (var node = ExternalProcess.start("node run-notebook.mjs",
                        List.of("node", Repo.itModule().resolve("browser/run-notebook.mjs").toString(), spec.toString()),
                        Repo.itModule(), env, out.resolve("browser.log"))) {
                    status = node.waitFor(Duration.ofMinutes(6));
                }
                String log = Files.readString(out.resolve("browser.log"));
                System.out.println(log);
                assertEquals(0, status, "the browser run failed; its log:\n" + log);
            }
        }
    }

    private static String spec(int port, String token, Path nb, Path out) {
        return """
                {
                 "url": "http://127.0.0.1:%d",
                 "token": "%s",
                 "notebook": "%s",
                 "notebookFile": "%s",
                 "outDir": "%s",
                 "timeoutMs": 240000,
                 "expect": {
                  "setup": ["this notebook runs in the kernel process"],
                  "queue-run": ["produced 0", "produced 4", "consumed 0", "consumed 4", "consumer exit code 0"],
                  "pipe-run": ["consumed 4", "both ends are done"],
                  "value-run": ["consumed 4"],
                  "compare": ["missed []", "shared value"],
                  "late-start": ["the cell is done; the child is still running"],
                  "late-join": ["late exited with code 0"]
                 },
                 "settle": {"late-start": "late line: printed 1.5 s after the cell that started me returned"},
                 "screenshotCell": "queue-run",
                 "cellShots": ["queue-run", "timeline", "compare", "throughput-chart", "late-start"]
                }
                """.formatted(port, token, nb.getFileName(), nb.toAbsolutePath(), out.toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitForServer(int port, String token, ExternalProcess server) throws Exception {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status"))
                .header("Authorization", "token " + token).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the notebook server exited at start; see it/target/browser/server.log");
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the notebook server did not answer on port " + port + " within 60 s");
    }
}
