package jproc.it.notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs notebooks headless with Debian's nbclient ({@code /usr/bin/python3} and
 * {@code it/src/test/python/notebooks/run_notebooks.py}) against an installed kernel, and reads back what every
 * cell printed.
 */
final class NotebookRun {
    private static final Pattern SUMMARY = Pattern.compile("^NOTEBOOK (\\S+) seconds=([0-9.]+).*$", Pattern.MULTILINE);

    private final Map<String, Transcript> transcripts;
    private final Map<String, Double> seconds;
    private final String log;

    private NotebookRun(Map<String, Transcript> transcripts, Map<String, Double> seconds, String log) {
        this.transcripts = transcripts;
        this.seconds = seconds;
        this.log = log;
    }

    /**
     * Executes {@code notebooks} in order, each in a fresh kernel.
     *
     * @param env         environment for the runner and the kernel (JUPYTER_PATH and friends)
     * @param outDir      where executed notebooks, transcripts and the runner's log go
     * @param cellTimeout how long one cell may take
     * @param timeout     how long the whole run may take
     */
    static NotebookRun execute(List<Path> notebooks, String kernel, Map<String, String> env, Path outDir,
                               Duration cellTimeout, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        var command = new ArrayList<>(List.of("/usr/bin/python3",
                Repo.itModule().resolve("src/test/python/notebooks/run_notebooks.py").toString(),
                "--out", outDir.toString(), "--kernel", kernel,
                "--cell-timeout", Long.toString(cellTimeout.toSeconds())));
        notebooks.forEach(n -> command.add(n.toString()));
        Path logFile = outDir.resolve("run.log");
        int status;
        try (var runner = ExternalProcess.start("nbclient", command, Repo.root(), env, logFile)) {
            status = runner.waitFor(timeout);
        }
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        if (status != 0) {
            throw new AssertionError("the notebook runner exited with " + status + "; its log (" + logFile + "):\n"
                    + tail(log, 4000));
        }
        var transcripts = new LinkedHashMap<String, Transcript>();
        var seconds = new LinkedHashMap<String, Double>();
        for (Path nb : notebooks) {
            String name = nb.getFileName().toString().replaceFirst("\\.ipynb$", "");
            transcripts.put(name, Transcript.read(outDir.resolve(name + ".txt")));
        }
        Matcher m = SUMMARY.matcher(log);
        while (m.find()) {
            seconds.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return new NotebookRun(transcripts, seconds, log);
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : "..." + s.substring(s.length() - n);
    }

    /** The transcript of the notebook named {@code name} (file name without {@code .ipynb}). */
    Transcript transcript(String name) {
        Transcript t = transcripts.get(name);
        if (t == null) {
            throw new AssertionError("no transcript for " + name + "; have " + transcripts.keySet());
        }
        return t;
    }

    /** Wall-clock seconds each notebook took, as the runner measured them (kernel start included). */
    Map<String, Double> seconds() {
        return seconds;
    }

    String log() {
        return log;
    }
}
