package jproc.bench.channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code bench/python/channel_peer.py} with Debian's Python 3.11 and reads its figures. */
public final class PythonChannelPeer {
    private static final Pattern VALUE = Pattern.compile("\"(\\w+)\": ([0-9.eE+-]+)");

    private PythonChannelPeer() {
    }

    /** The script: system property {@code jproc.bench.channelPeer}, else found upwards from the working directory. */
    public static Path script() {
        String p = System.getProperty("jproc.bench.channelPeer");
        if (p != null) {
            return Path.of(p);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("bench/python/channel_peer.py");
            if (Files.exists(s)) {
                return s;
            }
        }
        throw new IllegalStateException("bench/python/channel_peer.py not found above " + Path.of("").toAbsolutePath()
                + "; run from the repository or set -Djproc.bench.channelPeer=PATH");
    }

    /** Runs the peer ({@code reps} repetitions, median) and returns figure name to value. */
    public static Map<String, Double> run(int reps) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", script().toString(), Integer.toString(reps))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the Python channel peer failed (exit " + p.exitValue() + "): " + out);
        }
        var figures = new HashMap<String, Double>();
        Matcher m = VALUE.matcher(out);
        while (m.find()) {
            figures.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return figures;
    }
}
