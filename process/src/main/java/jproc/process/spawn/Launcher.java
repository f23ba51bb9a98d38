package jproc.process.spawn;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jproc.ipc.session.Session;
import jproc.process.ChildStartException;
import jproc.process.agent.ChildAgent;

/** Builds child JVM command lines: the java launcher, JVM options and the parent's effective classpath. */
public final class Launcher {
    /**
     * Default JVM options of children, chosen for start-up time and footprint (measured in
     * {@code docs/process-model.md}): C1 only, G1 with one GC thread of each kind and a small initial heap, no
     * perf-data file, small thread stacks.
     * Throughput-sensitive work can override them per child or process-wide.
     */
    public static final List<String> STARTUP_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseG1GC",
            "-XX:ParallelGCThreads=1", "-XX:ConcGCThreads=1", "-Xms4m", "-XX:-UsePerfData", "-Xss512k",
            "-XX:CICompilerCount=1", "-Xshare:auto");

    private static final List<String> EXTRA_CLASSPATH = new CopyOnWriteArrayList<>();
    private static volatile List<String> defaultOptions = STARTUP_OPTIONS;
    private static volatile List<String> classpath;

    private Launcher() {
    }

    /** The default JVM options of children. */
    public static List<String> defaultOptions() {
        return defaultOptions;
    }

    /** Replaces the default JVM options of children (warm spares started with the old ones are discarded). */
    public static void setDefaultOptions(List<String> options) {
        defaultOptions = List.copyOf(options);
        WarmPool.instance().discardSpares();
    }

    /**
     * Adds a classpath entry children get (the kernel's {@code %classpath}); running children are unaffected,
     * warm spares are replaced.
     */
    public static void addClasspath(String entry) {
        String abs = Path.of(entry).toAbsolutePath().normalize().toString();
        if (!EXTRA_CLASSPATH.contains(abs)) {
            EXTRA_CLASSPATH.add(abs);
            classpath = null;
            // spares have the old classpath on their application class loader: replace them
            WarmPool.instance().discardSpares();
            WarmPool.instance().prestart();
        }
    }

    /**
     * The parent's effective classpath: {@code java.class.path}, the locations of the JProc classes if they were
     * loaded from elsewhere, and the entries added with {@link #addClasspath}.
     */
    public static List<String> classpath() {
        List<String> cached = classpath;
        if (cached == null) {
            cached = computeClasspath();
            classpath = cached;
        }
        return cached;
    }

    private static List<String> computeClasspath() {
        var set = new LinkedHashSet<String>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                set.add(e);
            }
        }
        set.add(location(ChildAgent.class));
        set.add(location(Session.class));
        set.addAll(EXTRA_CLASSPATH);
        set.remove("");
        return List.copyOf(set);
    }

    private static String location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "";
        }
        try {
            return Path.of(cs.getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "";
        }
    }

    /**
     * The options of one child: the defaults, then its own. A collector chosen by the child's own options
     * ({@code -XX:+UseSerialGC}) replaces the default one (the JVM refuses to start with two).
     */
    static List<String> options(List<String> defaults, List<String> extra) {
        var options = new ArrayList<String>();
        boolean ownCollector = extra != null && extra.stream().anyMatch(Launcher::selectsCollector);
        for (String o : defaults) {
            if (!(ownCollector && selectsCollector(o))) {
                options.add(o);
            }
        }
        if (extra != null) {
            options.addAll(extra);
        }
        return options;
    }

    private static boolean selectsCollector(String option) {
        return option.startsWith("-XX:+Use") && option.endsWith("GC");
    }

    /** The java launcher of this JVM. */
    public static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts a child JVM running the agent.
     *
     * @param extraOptions options after the defaults (null for none)
     * @param spare        true for a warm spare (it warms up, then waits for its SPAWN frame)
     */
    public static Process launch(List<String> extraOptions, boolean spare) {
        var cmd = new ArrayList<String>(SignalDefaults.prefix());
        String java = javaCommand();
        cmd.add(java);
        var options = options(defaultOptions, extraOptions);
        List<String> cp = classpath();
        cmd.addAll(options);
        cmd.addAll(ChildCds.options(options, cp));
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add(ChildAgent.class.getName());
        if (spare) {
            cmd.add("--spare");
        }
        var pb = new ProcessBuilder(cmd);
        pb.environment().put(Session.ENV_SESSION, Session.current().id());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new ChildStartException("cannot start a child JVM with " + java + ": " + e.getMessage()
                    + ". Check that java.home points to a full JDK or JRE.", e);
        }
    }
}
