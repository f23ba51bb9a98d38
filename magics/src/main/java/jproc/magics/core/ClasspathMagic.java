package jproc.magics.core;

import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicContext;
import jproc.kernel.magic.MagicUsageError;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %classpath}: adds jars and class directories to the notebook (compiler and class loader) and to child
 * processes started afterwards; without arguments, lists what was added.
 */
public final class ClasspathMagic implements Magic {
    private final List<String> added = new ArrayList<>();

    @Override
    public String name() {
        return "classpath";
    }

    @Override
    public String usage() {
        return "%classpath [PATH...]";
    }

    @Override
    public String help() {
        return """
                Adds jar files and class directories to the notebook: later cells can import their classes, and
                child processes started afterwards get them too. A PATH ending in /* adds every jar of a directory;
                PATH may also be a list separated by the platform's path separator (:). Without PATH, lists what
                was added.
                Example:
                    %classpath lib/commons-math3-3.6.1.jar build/classes
                    import org.apache.commons.math3.util.ArithmeticUtils;""";
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) throws IOException {
        if (args.isEmpty()) {
            synchronized (added) {
                System.out.println(added.isEmpty() ? "(nothing added with %classpath)" : String.join("\n", added));
            }
            return null;
        }
        var entries = new ArrayList<String>();
        for (String arg : args) {
            for (String part : arg.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    entries.addAll(expand(part));
                }
            }
        }
        for (String e : entries) {
            context.addToClasspath(e);
            synchronized (added) {
                added.add(e);
            }
            System.out.println("added to the classpath: " + e);
        }
        return null;
    }

    private static List<String> expand(String part) throws IOException {
        if (part.endsWith("/*") || part.endsWith(File.separator + "*")) {
            Path dir = Paths.get(part.substring(0, part.length() - 2)).toAbsolutePath();
            if (!Files.isDirectory(dir)) {
                throw new MagicUsageError("not a directory: " + dir + " (PATH/* adds the jars of a directory)");
            }
            var jars = new ArrayList<String>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.jar")) {
                s.forEach(p -> jars.add(p.toString()));
            }
            if (jars.isEmpty()) {
                throw new MagicUsageError("no .jar files in " + dir);
            }
            jars.sort(null);
            return jars;
        }
        Path p = Paths.get(part).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new MagicUsageError("no such file or directory: " + p + " (give a .jar file or a class directory)");
        }
        if (Files.isRegularFile(p) && !p.toString().endsWith(".jar") && !p.toString().endsWith(".zip")) {
            throw new MagicUsageError("not a jar or directory: " + p);
        }
        return List.of(p.toString());
    }
}
