package jproc.ipc.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A session is one notebook kernel (or one plain-Java parent) together with every child it starts.
 *
 * <p>Cross-process contract: the session id travels to every child in the environment variable
 * {@value #ENV_SESSION}; every shared-memory file of the session is named
 * {@code jproc-<session>-<kind>-<name>} inside {@link #directory()}, so that any process of the same
 * session can open a channel by name, and so that a tracker can remove every file of a session whose
 * processes all died. Files are created readable and writable by the owner only.
 *
 * <p>User classes: code defined at run time (JShell snippets in the kernel, shipped class bytes in a
 * child) lives in class loaders registered with {@link #registerUserLoader(ClassLoader)}. Message
 * decoding resolves class names through them and the deserialization filter allows classes they
 * define.
 */
public final class Session {
    /** Environment variable (and system property {@code jproc.session}) carrying the session id. */
    public static final String ENV_SESSION = "JPROC_SESSION";
    /** Environment variable (and system property {@code jproc.shm.dir}) overriding the file directory. */
    public static final String ENV_DIR = "JPROC_SHM_DIR";
    /** Prefix of every file JProc creates. */
    public static final String FILE_PREFIX = "jproc-";

    private static volatile Session current;
    /** User loaders registered before the session was needed (guarded by Session.class). */
    private static List<ClassLoader> early;

    private final String id;
    private final Path directory;
    private final boolean owner;
    private final List<ClassLoader> userLoaders = new CopyOnWriteArrayList<>();

    private Session(String id, Path directory, boolean owner) {
        this.id = id;
        this.directory = directory;
        this.owner = owner;
    }

    /** The session of this process: inherited from the parent, or a new one if this process is the root. */
    public static Session current() {
        var s = current;
        if (s == null) {
            synchronized (Session.class) {
                s = current;
                if (s == null) {
                    s = create();
                    if (early != null) {
                        for (ClassLoader l : early) {
                            s.registerUserLoader(l);
                        }
                        early = null;
                    }
                    current = s;
                    if (s.owner) {
                        Session root = s;
                        Thread hook = new Thread(root::removeFiles, "jproc-session-cleanup");
                        Runtime.getRuntime().addShutdownHook(hook);
                        // Removes the session's files if this process dies without running its hook (kill -9).
                        jproc.ipc.shm.SessionTracker.startFor(root);
                    }
                }
            }
        }
        return s;
    }

    private static Session create() {
        String inherited = setting("jproc.session", ENV_SESSION);
        Path dir = chooseDirectory(setting("jproc.shm.dir", ENV_DIR));
        if (inherited != null && !inherited.isBlank()) {
            checkId(inherited);
            return new Session(inherited, dir, false);
        }
        return new Session(newId(), dir, true);
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        return v != null ? v : System.getenv(env);
    }

    private static String newId() {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        var sb = new StringBuilder().append(ProcessHandle.current().pid()).append('x');
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }

    private static void checkId(String id) {
        if (!id.matches("[A-Za-z0-9]{1,40}")) {
            throw new IllegalArgumentException("session id must be 1-40 letters or digits: " + ENV_SESSION + "=" + id);
        }
    }

    private static Path chooseDirectory(String override) {
        if (override != null && !override.isBlank()) {
            return Paths.get(override);
        }
        Path shm = Paths.get("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Paths.get(System.getProperty("java.io.tmpdir"));
    }

    /** The session id, letters and digits only. */
    public String id() {
        return id;
    }

    /** True in the process that created the session (the kernel or the plain-Java parent). */
    public boolean isRoot() {
        return owner;
    }

    /** Where the session's shared-memory files live: {@code /dev/shm}, or the temp dir when it is missing. */
    public Path directory() {
        return directory;
    }

    /** The file name prefix of this session: {@code jproc-<session>-}. */
    public String filePrefix() {
        return FILE_PREFIX + id + "-";
    }

    /**
     * The path of a session file.
     *
     * @param kind a short word naming the layout ({@code queue}, {@code pipe}, {@code trace}...)
     * @param name the channel or process name; letters, digits, {@code _.-} only
     */
    public Path file(String kind, String name) {
        if (!name.matches("[A-Za-z0-9_.\\-]{1,100}")) {
            throw new IllegalArgumentException("a channel name may use letters, digits and _ . - (1-100 chars): name="
                    + name);
        }
        return directory.resolve(filePrefix() + kind + "-" + name);
    }

    /**
     * Creates a new empty file readable and writable by the owner only; fails if it exists.
     */
    public static Path createOwnerOnly(Path file) {
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            try {
                return Files.createFile(file);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes every file of this session from {@link #directory()}. The root process calls it when it
     * exits normally (a shutdown hook); a tracker calls the same when the root died without cleaning up.
     *
     * @return how many files were removed
     */
    public int removeFiles() {
        int n = 0;
        String prefix = filePrefix();
        try (var files = Files.list(directory)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith(prefix))::iterator) {
                try {
                    if (Files.deleteIfExists(p)) {
                        n++;
                    }
                } catch (IOException ignored) {
                    // removed meanwhile, or not ours to remove
                }
            }
        } catch (IOException ignored) {
            // directory gone
        }
        return n;
    }

    /**
     * Registers a user class loader with this process's session like {@link #registerUserLoader}, without creating
     * the session before something needs it (a child registers its loader before its target runs; creating the
     * session then would delay the target).
     */
    public static void addUserLoader(ClassLoader loader) {
        Session s = current;
        if (s == null) {
            synchronized (Session.class) {
                s = current;
                if (s == null) {
                    if (early == null) {
                        early = new java.util.ArrayList<>();
                    }
                    early.add(loader);
                    return;
                }
            }
        }
        s.registerUserLoader(loader);
    }

    /** Registers a class loader that defines user classes (newest first); see the class comment. */
    public void registerUserLoader(ClassLoader loader) {
        if (loader != null && !userLoaders.contains(loader)) {
            userLoaders.add(0, loader);
        }
    }

    /** Removes a class loader registered earlier (a JShell instance that was closed). */
    public void unregisterUserLoader(ClassLoader loader) {
        userLoaders.remove(loader);
    }

    /** The registered user class loaders, newest first. */
    public List<ClassLoader> userLoaders() {
        return List.copyOf(userLoaders);
    }

    /** True if the class was defined by a registered user class loader (or a loader below one). */
    public boolean isUserClass(Class<?> type) {
        ClassLoader l = type.getClassLoader();
        for (; l != null; l = l.getParent()) {
            if (userLoaders.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resolves a class by name through the user loaders, then the thread's context loader, then the
     * loader of this library.
     */
    public Class<?> resolveClass(String name) throws ClassNotFoundException {
        for (ClassLoader l : userLoaders) {
            try {
                return Class.forName(name, false, l);
            } catch (ClassNotFoundException ignored) {
                // try the next one
            }
        }
        ClassLoader ctx = Thread.currentThread().getContextClassLoader();
        if (ctx != null) {
            try {
                return Class.forName(name, false, ctx);
            } catch (ClassNotFoundException ignored) {
                // fall through
            }
        }
        return Class.forName(name, false, Session.class.getClassLoader());
    }
}
