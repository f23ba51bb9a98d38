package jproc.process.spawn;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jproc.ipc.session.Session;
import jproc.process.agent.ChildAgent;

/**
 * Class-data sharing for child JVMs: an archive of the classes a child loads on its way to the target (JDK, JProc
 * agent, IPC), written once per classpath by a short training child ({@code -XX:ArchiveClassesAtExit}) and mapped
 * by every later child ({@code -XX:SharedArchiveFile}). A cold start then maps about 600 classes instead of loading
 * and linking them: on a busy 2-core machine, 40 alternating cold starts took 62 ms median (48 ms best) with the
 * archive and 64 ms (51 ms) without.
 *
 * <p>The archive lives in {@code $JPROC_CACHE_DIR}, else {@code $XDG_CACHE_HOME/jproc/cds}, else
 * {@code ~/.cache/jproc/cds}: a directory of this user only ({@code rwx------}); a directory or archive that other
 * users could write is never used, since the JVM maps archive contents as classes. Its name is a digest of the
 * java home, JVM version, default child options and every classpath entry's path, size and modification time,
 * so a rebuilt jar or another JDK trains a new one. The JVM checks the archive again when it maps it and silently
 * runs without it on any mismatch ({@code -Xshare:auto}), so a stale archive costs start time, never
 * correctness.
 *
 * <p>Off by default, on with {@code -Djproc.child.cds=true} (for the kernel: {@code JPROC_JAVA_OPTS}): on the
 * 2-core machine its gain stayed within the noise of cold starts (43.4 / 42.4 ms with it, 42.7 / 44.3 ms without
 * in the same benchmark) while the mapped archive added 0.9 MB to an idle child's resident memory (40.3 against
 * 39.4 MB, over the 40 MB bar); on a slower disk or CPU it may pay. Used only when every classpath entry is a
 * jar (the JVM cannot archive classes from directories, as in a Maven build's {@code target/classes}).
 */
public final class ChildCds {
    private static final Logger LOG = Logger.getLogger(ChildCds.class.getName());
    private static final Set<PosixFilePermission> OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);
    private static final long TRAINING_TIMEOUT_SECONDS = 120;
    /** Archives kept in the cache directory (about 1 MB each). */
    private static final int KEPT = 8;

    private static final Object LOCK = new Object();
    private static String trainedKey;
    private static boolean failed;
    private static Process training;

    private ChildCds() {
    }

    /**
     * The JVM options that map the archive for a child with this command line, or none; starts training the
     * archive in the background when it is missing (this child then starts without it).
     *
     * @param options   the child's JVM options (defaults and its own)
     * @param classpath the child's classpath
     */
    public static List<String> options(List<String> options, List<String> classpath) {
        if (!enabled() || touchesSharing(options) || !allJars(classpath)) {
            return List.of();
        }
        Path dir = cacheDirectory();
        if (dir == null) {
            return List.of();
        }
        String key = key(classpath);
        Path archive = dir.resolve("child-" + key + ".jsa");
        if (usable(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        startTraining(dir, archive, key, classpath);
        return List.of();
    }

    /** Ends a training child that is still running (the kernel ends every child at shutdown and restart). */
    public static void stopTraining() {
        Process p;
        synchronized (LOCK) {
            p = training;
            training = null;
        }
        if (p != null) {
            p.destroyForcibly();
        }
    }

    /** Waits at most {@code millis} for a training child to finish; true if none is running then. */
    public static boolean awaitTraining(long millis) throws InterruptedException {
        Process p;
        synchronized (LOCK) {
            p = training;
        }
        return p == null || p.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    private static boolean enabled() {
        return "true".equalsIgnoreCase(System.getProperty("jproc.child.cds", "false"));
    }

    private static boolean touchesSharing(List<String> options) {
        for (String o : options) {
            if (o.equals("-Xshare:off") || o.contains("SharedArchiveFile") || o.contains("ArchiveClassesAtExit")
                    || o.contains("AutoCreateSharedArchive") || o.startsWith("-XX:AOTCache")) {
                return true;
            }
        }
        return false;
    }

    private static boolean allJars(List<String> classpath) {
        if (classpath.isEmpty()) {
            return false;
        }
        for (String e : classpath) {
            Path p = Path.of(e);
            if (!e.endsWith(".jar") || !Files.isRegularFile(p)) {
                return false;
            }
        }
        return true;
    }

    /** The archive directory, created owner-only; null if it cannot be made safe. */
    static Path cacheDirectory() {
        String explicit = System.getenv("JPROC_CACHE_DIR");
        Path dir;
        if (explicit != null && !explicit.isBlank()) {
            dir = Path.of(explicit, "cds");
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"),
                    ".cache");
            dir = base.resolve("jproc").resolve("cds");
        }
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            return ownedAndPrivate(dir) ? dir : null;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    private static boolean ownedAndPrivate(Path p) throws IOException {
        String me = System.getProperty("user.name");
        var owner = Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName();
        var perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        return owner.equals(me) && perms.stream().noneMatch(OTHERS_WRITE::contains);
    }

    private static boolean usable(Path archive) {
        try {
            return Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS) && Files.size(archive) > 0
                    && ownedAndPrivate(archive);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * A digest of what makes an archive valid: the JVM and its base archives, the default options and the
     * classpath's jars.
     */
    static String key(List<String> classpath) {
        try {
            var d = MessageDigest.getInstance("SHA-256");
            var parts = new ArrayList<String>();
            parts.add(System.getProperty("java.home"));
            parts.add(System.getProperty("java.vm.version"));
            // the JDK's own archive, which a child archive extends (regenerating it invalidates every child one)
            for (String base : List.of("classes.jsa", "classes_nocoops.jsa")) {
                Path p = Path.of(System.getProperty("java.home"), "lib", "server", base);
                try {
                    parts.add(base + "=" + Files.size(p) + "/" + Files.getLastModifiedTime(p).toMillis());
                } catch (IOException ex) {
                    parts.add(base + "=none");
                }
            }
            parts.addAll(Launcher.defaultOptions());
            for (String e : classpath) {
                Path p = Path.of(e);
                parts.add(e);
                try {
                    parts.add(Files.size(p) + "/" + Files.getLastModifiedTime(p).toMillis());
                } catch (IOException ex) {
                    parts.add("?");
                }
            }
            d.update(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void startTraining(Path dir, Path archive, String key, List<String> classpath) {
        synchronized (LOCK) {
            if (failed || key.equals(trainedKey)) {
                return; // running, done (and then removed by someone), or failed once: not again in this JVM
            }
            trainedKey = key;
        }
        Path tmp = dir.resolve("child-" + key + "." + ProcessHandle.current().pid() + ".tmp");
        var cmd = new ArrayList<String>();
        cmd.add(Launcher.javaCommand());
        cmd.addAll(Launcher.defaultOptions());
        cmd.add("-XX:ArchiveClassesAtExit=" + tmp);
        cmd.add("-Xlog:cds=off");
        cmd.add("-Xlog:cds+dynamic=off");
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classpath));
        cmd.add(ChildAgent.class.getName());
        cmd.add("--train");
        var pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put(Session.ENV_SESSION, Session.current().id());
        Thread t = new Thread(() -> train(pb, tmp, archive), "jproc-cds-training");
        t.setDaemon(true);
        t.start();
    }

    /** Keeps the {@link #KEPT} newest archives (every rebuilt jar trains a new one). */
    private static void prune(Path dir) {
        try (var files = Files.list(dir)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches("child-[0-9a-f]+\\.jsa"))
                    .sorted((a, b) -> Long.compare(mtime(b), mtime(a))).toList();
            for (Path old : archives.subList(Math.min(KEPT, archives.size()), archives.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot prune " + dir, e);
        }
        // half-written archives of trainings that were killed (the kernel ended mid-training)
        long stale = System.currentTimeMillis() - 2 * TimeUnit.SECONDS.toMillis(TRAINING_TIMEOUT_SECONDS);
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                if (n.startsWith("child-") && n.endsWith(".tmp") && mtime(f) < stale) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot prune " + dir, e);
        }
    }

    private static long mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void train(ProcessBuilder pb, Path tmp, Path archive) {
        Process p = null;
        boolean ok = false;
        try {
            p = pb.start();
            synchronized (LOCK) {
                training = p;
            }
            ok = p.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0
                    && Files.isRegularFile(tmp) && Files.size(tmp) > 0;
            if (ok) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r--------"));
                try {
                    Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING);
                }
                prune(archive.getParent());
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "class-data sharing training failed", e);
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            synchronized (LOCK) {
                if (training == p) {
                    training = null;
                }
                if (!ok) {
                    failed = true;
                }
            }
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a leftover temporary file is overwritten by the next training of this key
            }
        }
    }
}
