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
    private static final Pattern CHECK = Pattern.compile("CHECK (\\S+) (PASS|FAIL) (\\S+) ?(.*)");

    @TestFactory
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    Stream<DynamicTest> magicsThroughJupyterClient() throws Exception {
        Path root = Repo.root();
        Path base = root.resolve("it/target/magics-it");
        List<String> lines;
        try (var dirs = KernelDirs.install(base)) {
            Path log = base.resolve("magics-e2e.log");
            var pb = new ProcessBuilder("/usr/bin/python3", root.resolve("it/src/test/python/magics/magics_e2e.py")
                    .toString()).directory(base.toFile()).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.to(log.toFile()));
            pb.environment().putAll(dirs.environment());
            Process p = pb.start();
            lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (!p.waitFor(14, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("the magics checks did not finish; see " + log);
            }
            Files.write(base.resolve("magics-e2e.out"), lines);
            assertTrue(p.exitValue() == 0 || p.exitValue() == 1, "driver exit " + p.exitValue() + ":\n"
                    + tail(log));
        }
        var tests = new ArrayList<DynamicTest>();
        for (String line : lines) {
            Matcher m = CHECK.matcher(line);
            if (m.matches()) {
                String name = m.group(1);
                boolean pass = m.group(2).equals("PASS");
                String reason = m.group(4);
                tests.add(DynamicTest.dynamicTest(name, () -> assertTrue(pass, name + ": " + reason)));
            }
        }
        assertTrue(tests.size() >= 10, "too few checks ran:\n" + String.join("\n", lines));
        tests.add(DynamicTest.dynamicTest("no_shared_memory_files_of_the_kernel_left", () ->
                assertEquals(List.of(), leftovers(lines))));
        return tests.stream();
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
