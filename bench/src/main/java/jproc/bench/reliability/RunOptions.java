package jproc.bench.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the suite runs: the bounded CI form (default) or {@code --long}; which parts ({@code --only kill9,load});
 * where the repository is (for the kernel jar, the installer and the Python scripts); the random seed.
 *
 * @param longForm  true for {@code --long}: more rounds, 10 M load messages
 * @param parts     the parts to run
 * @param repo      the repository root
 * @param seed      seed of every random choice (printed, so a run can be repeated)
 * @param python    the Python with jupyter_client ({@code /usr/bin/python3})
 * @param kernelJar the shaded kernel jar ({@code install/target/jproc-kernel.jar} unless {@code --jar} names a copy)
 */
public record RunOptions(boolean longForm, Set<String> parts, Path repo, long seed, String python, Path kernelJar) {
    /** Every part, in the order they run. */
    public static final List<String> ALL_PARTS = List.of("kill9", "load", "deser", "pitfalls", "kernel", "files");

    public static RunOptions parse(String[] args) {
        boolean longForm = false;
        Set<String> parts = new LinkedHashSet<>(ALL_PARTS);
        Path repo = Path.of(System.getProperty("jproc.repo", ".")).toAbsolutePath().normalize();
        long seed = System.nanoTime();
        String python = "/usr/bin/python3";
        Path jar = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--long" -> longForm = true;
                case "--only" -> {
                    parts = new LinkedHashSet<>();
                    for (String p : value(args, ++i, a).split(",")) {
                        if (!ALL_PARTS.contains(p)) {
                            throw new IllegalArgumentException("unknown part '" + p + "' for --only: use some of "
                                    + ALL_PARTS);
                        }
                        parts.add(p);
                    }
                }
                case "--repo" -> repo = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--python" -> python = value(args, ++i, a);
                case "--jar" -> jar = Path.of(value(args, ++i, a)).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option '" + a
                        + "': use --long, --only PARTS, --repo DIR, --seed N, --python PATH, --jar KERNEL_JAR");
            }
        }
        if (!Files.isDirectory(repo.resolve("bench"))) {
            throw new IllegalArgumentException("--repo must be the JProc repository root: repo=" + repo);
        }
        return new RunOptions(longForm, parts, repo, seed, python, jar != null ? jar
                : repo.resolve("install/target/jproc-kernel.jar"));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return args[i];
    }

    public boolean runs(String part) {
        return parts.contains(part);
    }
}
