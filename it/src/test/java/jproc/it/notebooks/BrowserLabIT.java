package jproc.it.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs a notebook in JupyterLab 4 (the venv of {@code bin/install-deps}) with Debian's headless Chromium, driven by
 * {@code it/browser/run-lab.mjs} through playwright-core: a {@code %%spawn} cell starts a child that prints for
 * about 3 s while the cell returns at once, and the next cell runs meanwhile. The child's lines must show under the
 * cell that started it, live, tagged with its name, stderr in another colour, and none under the next cell.
 * Screenshots and logs are left in {@code it/target/browser-lab/}.
 */
class BrowserLabIT {
    private static final String TICKER = """
            %%spawn ticker
            for (int i = 1; i <= 6; i++) {
                System.out.println("tick " + i);
                if (i == 3) {
                    System.err.println("ticker warning at tick 3");
                }
                Thread.sleep(500);
            }
            System.out.println("ticker done");""";

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void lateChildOutputShowsUnderTheCellThatStartedItInJupyterLab() throws Exception {
        Path out = Repo.freshTarget("browser-lab");
        List<String> leftovers;
        try (var lab = LabServer.start(out)) {
            Files.writeString(lab.root().resolve("late.ipynb"), notebook(
                    cell("ready", "System.out.println(\"kernel ready\");"),
                    cell("ticker-start", TICKER),
                    cell("second", "Thread.sleep(1000);\nSystem.out.println(\"second cell output\");")));
            Path spec = out.resolve("spec.json");
            Files.writeString(spec, spec(lab, out));
            int status;
            try (var node = ExternalProcess.start("node run-lab.mjs",
                    List.of("node", Repo.itModule().resolve("browser/run-lab.mjs").toString(), spec.toString()),
                    Repo.itModule(), lab.environment(), out.resolve("browser.log"))) {
                status = node.waitFor(Duration.ofSeconds(80));
            }
            String log = Files.readString(out.resolve("browser.log"));
            System.out.println(log);
            assertEquals(0, status, "the JupyterLab page did not show what it should; its log:\n" + log
                    + "\n(details in " + out.resolve("result.json") + ", screenshots beside it)");
            lab.close();
            leftovers = lab.leftovers();
        }
        assertTrue(leftovers.isEmpty(), "processes of the kernel still ran after the server shut its kernel down"
                + " and stopped (they were killed): " + leftovers);
    }

    private static String notebook(String... cells) {
        return """
                {"nbformat": 4, "nbformat_minor": 5,
                 "metadata": {"kernelspec": {"name": "jproc", "display_name": "Java (JProc)", "language": "java"},
                              "language_info": {"name": "java"}},
                 "cells": [%s]}
                """.formatted(String.join(",\n", cells));
    }

    private static String cell(String id, String source) {
        String json = source.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return """
                {"cell_type": "code", "id": "%s", "metadata": {}, "execution_count": null, "outputs": [],
                 "source": "%s"}""".formatted(id, json);
    }

    private static String spec(LabServer lab, Path out) {
        return """
                {
                 "url": "%s",
                 "token": "%s",
                 "notebook": "late.ipynb",
                 "outDir": "%s",
                 "timeoutMs": 45000,
                 "expect": {
                  "ready": ["kernel ready"],
                  "ticker-start": ["[ticker] tick 1", "[ticker] tick 6", "ticker warning at tick 3",
                                   "[ticker] ticker done"],
                  "second": ["second cell output"]
                 },
                 "absent": {"second": ["tick", "[ticker]"]},
                 "order": {"ticker-start": ["tick 1", "tick 2", "tick 3", "tick 4", "tick 5", "tick 6", "ticker done"]},
                 "stderr": {"ticker-start": {"err": "ticker warning at tick 3", "out": "tick 1"}},
                 "live": {"cell": "ticker-start", "first": "[ticker] tick 2", "last": "[ticker] ticker done",
                          "minGapMs": 1000}
                }
                """.formatted(lab.url(), lab.token(), out.toAbsolutePath());
    }
}
