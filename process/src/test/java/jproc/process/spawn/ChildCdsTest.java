package jproc.process.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildCdsTest {
    @TempDir
    Path tmp;

    @Test
    void offUnlessAskedFor() throws IOException {
        Path jar = Files.write(tmp.resolve("a.jar"), new byte[] {1});
        String saved = System.getProperty("jproc.child.cds");
        try {
            System.clearProperty("jproc.child.cds");
            assertEquals(List.of(), ChildCds.options(Launcher.defaultOptions(), List.of(jar.toString())));
        } finally {
            if (saved != null) {
                System.setProperty("jproc.child.cds", saved);
            }
        }
    }

    @Test
    void aClasspathWithADirectoryGetsNoArchive() throws IOException {
        Path jar = Files.write(tmp.resolve("a.jar"), new byte[] {1});
        Path dir = Files.createDirectory(tmp.resolve("classes"));
        assertEquals(List.of(), ChildCds.options(Launcher.defaultOptions(), List.of(jar.toString(), dir.toString())));
    }

    @Test
    void optionsThatChooseTheirOwnSharingAreLeftAlone() throws IOException {
        Path jar = Files.write(tmp.resolve("a.jar"), new byte[] {1});
        assertEquals(List.of(), ChildCds.options(List.of("-Xshare:off"), List.of(jar.toString())));
        assertEquals(List.of(), ChildCds.options(List.of("-XX:SharedArchiveFile=/x.jsa"), List.of(jar.toString())));
    }

    @Test
    void aRebuiltJarGetsAnotherArchive() throws IOException {
        Path jar = Files.write(tmp.resolve("a.jar"), new byte[] {1});
        String before = ChildCds.key(List.of(jar.toString()));
        assertEquals(before, ChildCds.key(List.of(jar.toString())));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertNotEquals(before, ChildCds.key(List.of(jar.toString())));
        Files.write(jar, new byte[] {1, 2});
        assertNotEquals(before, ChildCds.key(List.of(jar.toString())));
    }
}
