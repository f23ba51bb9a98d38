package jproc.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code bench/python/process_peer.py} with Debian's Python and reads its figures. */
public final class PythonPeer {
    private static final Pattern FIGURE = Pattern.compile("\"(\\w+)\": \\{([^}]*)\\}");
    private static final Pattern VALUE = Pattern.compile("\"(\\w+)\": ([0-9.eE+-]+|NaN)");

    private PythonPeer() {
    }

    /** Finds the script: system property {@code jproc.bench.python}, else upwards from the working directory. */
    public static Path script() {
        String p = System.getProperty("jproc.bench.python");
        if (p != null) {
            return Path.of(p);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("bench/python/process_peer.py");
            if (Files.exists(s)) {
                return s;
            }
        }
        throw new IllegalStateException("bench/python/process_peer.py not found above " + Path.of("").toAbsolutePath()
                + "; run from the repository or set -Djproc.bench.python=PATH");
    }

    /**
     * Runs the peer.
     *
     * @return start method ("fork", "spawn") to figure name to value
     */
    public static Map<String, Map<String, Double>> run(int reps) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", script().toString(), Integer.toString(reps))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the Python peer failed (exit " + p.exitValue() + "): " + out);
        }
        var result = new HashMap<String, Map<String, Double>>();
        Matcher m = FIGURE.matcher(out);
        while (m.find()) {
            var figures = new HashMap<String, Double>();
            Matcher v = VALUE.matcher(m.group(2));
            while (v.find()) {
                figures.put(v.group(1), Double.parseDouble(v.group(2)));
            }
            result.put(m.group(1), figures);
        }
        return result;
    }
}
