package jproc.it.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a check script from {@code it/src/test/python} with {@code /usr/bin/python3} (Debian's Jupyter client) and
 * reads its {@code CHECK <name> PASS|FAIL} lines. A failing check fails its test with the script's details.
 * On timeout the script and every process it started (kernels, child JVMs) are killed.
 */
final class PythonChecks {
    /** One check's line. */
    record Result(String name, boolean passed, String line) {
    }

    private final Map<String, Result> results;
    private final String output;
    private final int exitCode;

    private PythonChecks(Map<String, Result> results, String output, int exitCode) {
        this.results = results;
        this.output = output;
        this.exitCode = exitCode;
    }

    /** The repository root: the first directory upwards that has {@code install/install-kernelspec.sh}. */
    static Path repo() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("install/install-kernelspec.sh"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("run the tests inside the repository (no install/install-kernelspec.sh"
                    + " above " + Path.of("").toAbsolutePath() + ")");
        }
        return p;
    }

    /** The self-contained kernel jar: system property {@code jproc.kernel.jar}, else the install module's. */
    static Path kernelJar() {
        String p = System.getProperty("jproc.kernel.jar");
        Path jar = p != null && !p.isBlank() ? Path.of(p) : repo().resolve("install/target/jproc-kernel.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("kernel jar not found: " + jar + "; build it with mvn -DskipTests install"
                    + " (or run mvn verify from the repository root)");
        }
        return jar;
    }

    static PythonChecks run(String script, Duration timeout, String... args) throws IOException, InterruptedException {
        Path scriptPath = repo().resolve("it/src/test/python").resolve(script);
        Path log = Files.createTempFile("jproc-checks-", ".log");
        var cmd = new ArrayList<>(List.of("/usr/bin/python3", "-u", scriptPath.toString(), "--jar",
                kernelJar().toString()));
        cmd.addAll(List.of(args));
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(p);
                fail("the check script did not finish within " + timeout + ":\n" + Files.readString(log));
            }
        } finally {
            if (p.isAlive()) {
                killTree(p);
            }
        }
        String out = Files.readString(log);
        Files.deleteIfExists(log);
        var results = new LinkedHashMap<String, Result>();
        for (String line : out.split("\n")) {
            String[] w = line.split(" ", 4);
            if (w.length >= 3 && w[0].equals("CHECK")) {
                results.put(w[1], new Result(w[1], w[2].equals("PASS"), line));
            }
        }
        return new PythonChecks(results, out, p.exitValue());
    }

    private static void killTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fails unless the check ran and passed; the message carries the script's report. */
    void assertPassed(String name) {
        Result r = results.get(name);
        if (r == null) {
            fail("check " + name + " did not run (exit code " + exitCode + "):\n" + output);
        }
        if (!r.passed()) {
            fail(r.line() + "\n" + detail(name));
        }
    }

    private String detail(String name) {
        int at = output.indexOf("DETAIL " + name);
        if (at < 0) {
            return output;
        }
        int end = output.indexOf("\nCHECK ", at);
        return output.substring(at, end < 0 ? output.length() : end);
    }

    /** The script's whole output. */
    String output() {
        return output;
    }
}
