package jproc.it.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@code it/src/test/python/magics/magics_e2e.py} once (one kernel, every check in order: each magic,
 * output attribution and ordering with several children, late output, live views, SVG well-formed, interrupt
 * propagation, restart cleanup) and turns each {@code CHECK} line it prints into a test.
 */
class MagicsIT {
    private static final Pattern CHECK = Pattern.compile("CHECK (\\S+) (PASS|FAIL|SKIP) (\\S+) ?(.*)");

    @TestFactory
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    Stream<DynamicTest> magicsThroughJupyterClient() throws Exception {
        Path root = Repo.root();
        Path base = Files.createDirectories(root.resolve("it/target/magics-it"));
        Path log = base.resolve("magics-e2e.log");
        Path kernelLog = base.resolve("kernel.log");
        var cmd = List.of("/usr/bin/python3", "-u", root.resolve("it/src/test/python/magics/magics_e2e.py").toString(),
                "--jar", kernelJar(root).toString(), "--log", kernelLog.toString());
        var pb = new ProcessBuilder(cmd).directory(base.toFile())
                .redirectError(ProcessBuilder.Redirect.to(log.toFile()));
        pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Process p = pb.start();
        List<String> lines;
        try {
            lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (!p.waitFor(14, TimeUnit.MINUTES)) {
                fail("the magics checks did not finish; see " + log);
            }
        } finally {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        Files.write(base.resolve("magics-e2e.out"), lines);
        assertTrue(p.exitValue() == 0 || p.exitValue() == 1, "driver exit " + p.exitValue() + ":\n" + tail(log));
        var tests = new ArrayList<DynamicTest>();
        for (String line : lines) {
            Matcher m = CHECK.matcher(line);
            if (m.matches()) {
                String name = m.group(1);
                String outcome = m.group(2);
                String reason = m.group(4);
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    // every magic is in this build: a check that finds one missing (SKIP) is a failure too
                    assertTrue(outcome.equals("PASS"), name + " " + outcome + ": " + reason + "\n(details: " + log
                            + ")");
                }));
            }
        }
        assertTrue(tests.size() >= 10, "too few checks ran:\n" + String.join("\n", lines));
        tests.add(DynamicTest.dynamicTest("no_shared_memory_files_of_the_kernel_left", () ->
                assertEquals(List.of(), leftovers(lines))));
        return tests.stream();
    }

    /** The self-contained kernel jar: system property {@code jproc.kernel.jar}, else the install module's. */
    private static Path kernelJar(Path root) {
        String prop = System.getProperty("jproc.kernel.jar");
        Path jar = prop != null && !prop.isBlank() ? Path.of(prop) : root.resolve("install/target/jproc-kernel.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("kernel jar not found: " + jar + "; build it with mvn -DskipTests install");
        }
        return jar;
    }

    /** Files of the session the driver reported (SESSION line), if any are left. */
    private static List<String> leftovers(List<String> lines) throws IOException {
        var out = new ArrayList<String>();
        for (String l : lines) {
            if (l.startsWith("SESSION ")) {
                String prefix = "jproc-" + l.substring(8).trim() + "-";
                try (var files = Files.list(Path.of("/dev/shm"))) {
                    files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith(prefix)).forEach(out::add);
                }
            }
        }
        return out;
    }

    private static String tail(Path log) throws IOException {
        var all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    }
}
