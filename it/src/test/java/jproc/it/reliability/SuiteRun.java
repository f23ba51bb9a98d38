package jproc.it.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the reliability suite ({@code jproc.bench.reliability.Reliability}) in its own JVM, from a private copy
 * of this test's classpath, bounded in time; its {@code RELIABILITY} lines parsed, its findings kept, and the files
 * of its session checked after it exited.
 */
final class SuiteRun {
    final Map<String, Long> figures = new LinkedHashMap<>();
    final List<String> findings = new ArrayList<>();
    final List<String> lines = new ArrayList<>();
    int exitStatus = -1;
    boolean timedOut;
    long leftoverAfterExit;

    static SuiteRun start(Path repo, Path kernelJar, Path work, Duration limit, String... extraArgs)
            throws IOException, InterruptedException {
        var run = new SuiteRun();
        String cp = SuiteRun.privateClasspath(work.resolve("cp"));
        String java = ProcessHandle.current().info().command().orElse("java");
        var cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-cp", cp, "jproc.bench.reliability.Reliability",
                "--repo", repo.toString(), "--jar", kernelJar.toString()));
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Path out = work.resolve("output.txt");
        var reader = new Thread(() -> run.read(p, out), "jproc-it-reliability-output");
        reader.setDaemon(true);
        reader.start();
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            run.timedOut = true;
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
        }
        reader.join(20_000);
        run.exitStatus = p.exitValue();
        run.checkSessionFiles();
        return run;
    }

    private void read(Process p, Path out) {
        boolean inFindings = false;
        try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             var file = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                file.println(line);
                synchronized (this) {
                    lines.add(line);
                    if (line.startsWith("RELIABILITY ")) {
                        String[] f = line.split(" ");
                        if (f.length == 3) {
                            figures.put(f[1], Long.parseLong(f[2]));
                        }
                    } else if (line.startsWith("Findings (")) {
                        inFindings = true;
                    } else if (inFindings && line.startsWith("  - ")) {
                        findings.add(line.substring(4));
                    } else if (inFindings && !line.startsWith("  ")) {
                        inFindings = false;
                    }
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                findings.add("lost the suite's output: " + e);
            }
        }
    }

    /** After the suite's JVM exited, no file of its session may remain (they are removed, then counted). */
    private void checkSessionFiles() throws IOException {
        String session = null;
        Path dir = null;
        synchronized (this) {
            for (String l : lines) {
                if (l.startsWith("RELIABILITY_SESSION ")) {
                    String[] f = l.split(" ");
                    session = f[1];
                    dir = Path.of(f[2]);
                }
            }
        }
        if (session == null) {
            return;
        }
        String prefix = "jproc-" + session + "-";
        try (var list = Files.list(dir)) {
            for (Path f : list.filter(x -> x.getFileName().toString().startsWith(prefix)).toList()) {
                leftoverAfterExit++;
                findings.add("after the suite's JVM exited, " + f + " remains");
                Files.deleteIfExists(f);
            }
        }
    }

    /** Copies every classpath entry of this JVM, so a build running meanwhile cannot swap a jar under the suite. */
    static String privateClasspath(Path dir) throws IOException {
        Files.createDirectories(dir);
        var entries = new ArrayList<String>();
        int i = 0;
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path src = Path.of(e);
            if (!Files.exists(src)) {
                continue;
            }
            Path dst = dir.resolve((i++) + "-" + src.getFileName());
            if (Files.isDirectory(src)) {
                try (var walk = Files.walk(src)) {
                    for (Path s : (Iterable<Path>) walk::iterator) {
                        Path t = dst.resolve(src.relativize(s).toString());
                        if (Files.isDirectory(s)) {
                            Files.createDirectories(t);
                        } else {
                            Files.copy(s, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            } else {
                Files.copy(src, dst, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            entries.add(dst.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
