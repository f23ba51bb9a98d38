package jproc.it.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The committed notebooks are output-free, use the jproc kernelspec and match their cell sources. */
class NotebookSourcesTest {
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void notebooksAreCommittedWithoutOutputsAndMatchTheirSources() throws Exception {
        for (String n : TutorialNotebooksIT.NOTEBOOKS) {
            String json = Files.readString(Repo.root().resolve("notebooks").resolve(n + ".ipynb"));
            assertFalse(json.contains("\"output_type\""), n + " is committed with outputs");
            assertTrue(json.contains("\"name\": \"jproc\""), n + " uses the jproc kernelspec");
            assertTrue(json.contains("\"display_name\": \"Java (JProc)\""), n + " names the kernel Java (JProc)");
        }
        Path log = Repo.target("notebooks").resolve("build-check.log");
        try (var check = ExternalProcess.start("build.py --check",
                List.of("/usr/bin/python3", "notebooks/src/build.py", "--check"), Repo.root(), Map.of(), log)) {
            assertEquals(0, check.waitFor(Duration.ofSeconds(30)), Files.readString(log));
        }
    }
}
