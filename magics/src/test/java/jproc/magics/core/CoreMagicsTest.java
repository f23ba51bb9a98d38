package jproc.magics.core;

import jproc.kernel.display.MimeBundle;
import jproc.kernel.engine.JShellEngine;
import jproc.kernel.magic.MagicContext;
import jproc.kernel.magic.MagicRegistry;
import jproc.kernel.magic.MagicUsageError;
import jproc.kernel.magic.UnknownMagicException;
import jproc.kernel.output.CellContext;
import jproc.kernel.output.CellOutput;
import jproc.magics.Magics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoreMagicsTest {
    private final MagicRegistry registry = new MagicRegistry();
    private final List<String> classpath = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream savedOut;

    private final MagicContext context = new MagicContext() {
        @Override
        public CellContext cell() {
            return new CellContext("request", 1, false);
        }

        @Override
        public CellOutput output() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String display(Object value) {
            return "d";
        }

        @Override
        public void updateDisplay(String displayId, Object value) {
        }

        @Override
        public Optional<Object> variable(String name) {
            return Optional.empty();
        }

        @Override
        public Map<String, String> variables() {
            return Map.of();
        }

        @Override
        public void declare(String name, String type, Object value) {
        }

        @Override
        public Object eval(String code) {
            return null;
        }

        @Override
        public MagicRegistry magics() {
            return registry;
        }

        @Override
        public JShellEngine engine() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addToClasspath(String path) {
            classpath.add(path);
        }
    };

    @BeforeEach
    void setUp() {
        new Magics().register(registry);
        savedOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        System.setOut(savedOut);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lsmagicListsEveryRegisteredMagic() throws Exception {
        var bundle = (MimeBundle) new LsMagic().run(context, List.of(), null);
        for (var m : registry.all()) {
            assertTrue(bundle.plainText().contains("%" + m.name()), m.name());
        }
        assertTrue(((String) bundle.data().get("text/html")).contains("<table>"));
        assertThrows(MagicUsageError.class, () -> new LsMagic().run(context, List.of("x"), null));
    }

    @Test
    void helpShowsUsageAndExampleOfEveryMagic() throws Exception {
        for (var m : registry.all()) {
            printed.reset();
            new HelpMagic().run(context, List.of("%" + m.name()), null);
            assertTrue(printed().startsWith("Usage: " + m.usage()), printed());
            assertTrue(printed().contains("Example"), m.name() + " has no example: " + printed());
        }
    }

    @Test
    void helpOfAnUnknownMagicSuggestsNames() {
        var e = assertThrows(UnknownMagicException.class,
                () -> new HelpMagic().run(context, List.of("clspath"), null));
        assertTrue(e.suggestions().contains("%classpath"), e.getMessage());
        assertThrows(MagicUsageError.class, () -> new HelpMagic().run(context, List.of(), null));
    }

    @Test
    void classpathAddsJarsDirectoriesAndDirectoryWildcards(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("a.jar"));
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Files.createFile(dir.resolve("b.jar"));
        var magic = new ClasspathMagic();
        magic.run(context, List.of(jar.toString(), classes.toString()), null);
        assertEquals(List.of(jar.toString(), classes.toString()), classpath);
        classpath.clear();
        magic.run(context, List.of(dir + "/*"), null);
        assertEquals(List.of(dir.resolve("a.jar").toString(), dir.resolve("b.jar").toString()), classpath);
        printed.reset();
        magic.run(context, List.of(), null);
        assertTrue(printed().contains("a.jar") && printed().contains("classes"), printed());
    }

    @Test
    void classpathRejectsMissingPathsWithTheirName(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "x");
        var magic = new ClasspathMagic();
        var missing = assertThrows(MagicUsageError.class,
                () -> magic.run(context, List.of(dir.resolve("nope.jar").toString()), null));
        assertTrue(missing.getMessage().contains("nope.jar"), missing.getMessage());
        assertThrows(MagicUsageError.class, () -> magic.run(context, List.of(text.toString()), null));
        assertEquals(List.of(), classpath);
    }
}
