package jproc.ipc.shm;

import static jproc.ipc.shm.HeaderDescriptor.ATTACH_SLOTS;
import static jproc.ipc.shm.HeaderDescriptor.ATTACH_TABLE_OFFSET;
import static jproc.ipc.shm.HeaderDescriptor.BODY_OFFSET;
import static jproc.ipc.shm.HeaderDescriptor.CREATED_MS_OFFSET;
import static jproc.ipc.shm.HeaderDescriptor.CREATOR_OFFSET;
import static jproc.ipc.shm.HeaderDescriptor.KIND_OFFSET;
import static jproc.ipc.shm.HeaderDescriptor.LENGTH_OFFSET;
import static jproc.ipc.shm.HeaderDescriptor.MAGIC;
import static jproc.ipc.shm.HeaderDescriptor.MAGIC_OFFSET;
import static jproc.ipc.shm.HeaderDescriptor.STATE_OFFSET;
import static jproc.ipc.shm.HeaderDescriptor.STATE_REMOVED;
import static jproc.ipc.shm.HeaderDescriptor.VERSION;
import static jproc.ipc.shm.HeaderDescriptor.VERSION_OFFSET;
import static jproc.ipc.shm.HeaderDescriptor.paramOffset;
import static jproc.ipc.shm.ShmAccess.INTS;
import static jproc.ipc.shm.ShmAccess.LONGS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelLayoutException;
import jproc.ipc.ChannelNotFoundException;
import jproc.ipc.session.Session;

/**
 * One channel file of the session, mapped into this process (layout: {@link HeaderDescriptor}).
 *
 * <p>Each process maps a channel file once: opening the same kind and name again returns the same instance with
 * a local reference count, and the process holds one slot of the file's attach table. When the last local
 * reference is closed the process detaches; when the last process detaches the file is removed. Processes that
 * die without detaching are recognised by their dead tokens; files left by a session whose processes all died are
 * removed by {@link SessionTracker}. A JVM shutdown hook detaches whatever this process still has open.
 *
 * <p>Thread-safe. Opening may wait up to {@link #INIT_WAIT_MS} for a file another process is creating.
 */
public final class SharedFile implements AutoCloseable {
    /** How long an opener waits for the creator to publish a new file. */
    public static final long INIT_WAIT_MS = 5000;
    /** Largest body a channel file may have. */
    public static final long MAX_BODY = 1L << 30;

    private static final Map<String, SharedFile> OPEN = new HashMap<>();
    private static boolean hookInstalled;

    private final ChannelKind kind;
    private final String name;
    private final Path path;
    private final ByteBuffer buf;
    private final Consumer<ByteBuffer> onRemove;
    private final HolderTable attachTable;
    private int localRefs = 1;
    private boolean detached;

    private SharedFile(ChannelKind kind, String name, Path path, ByteBuffer buf, Consumer<ByteBuffer> onRemove) {
        this.kind = kind;
        this.name = name;
        this.path = path;
        this.buf = buf;
        this.onRemove = onRemove;
        this.attachTable = new HolderTable(buf, ATTACH_TABLE_OFFSET, ATTACH_SLOTS);
    }

    /**
     * Opens the channel file, creating it if it does not exist.
     *
     * @param params    parameters written into a new file's header (at most {@link HeaderDescriptor#PARAMS})
     * @param bodyBytes size of the kind's body
     * @param init      writes a new file's initial body (before other processes can see the file)
     * @param onRemove  runs in the process that removes the file, just before removal (may be null)
     */
    public static SharedFile createOrOpen(ChannelKind kind, String name, long[] params, long bodyBytes,
                                          Consumer<ByteBuffer> init, Consumer<ByteBuffer> onRemove) {
        return obtain(kind, name, params, bodyBytes, init, onRemove, true);
    }

    /** Opens an existing channel file. @throws ChannelNotFoundException if there is none */
    public static SharedFile open(ChannelKind kind, String name, Consumer<ByteBuffer> onRemove) {
        return obtain(kind, name, null, 0, null, onRemove, false);
    }

    private static SharedFile obtain(ChannelKind kind, String name, long[] params, long bodyBytes,
                                     Consumer<ByteBuffer> init, Consumer<ByteBuffer> onRemove, boolean create) {
        if (bodyBytes < 0 || bodyBytes > MAX_BODY) {
            throw new IllegalArgumentException("a channel body must be 0.." + MAX_BODY + " bytes: bodyBytes="
                    + bodyBytes);
        }
        String key = kind.word() + "-" + name;
        synchronized (OPEN) {
            SharedFile cached = OPEN.get(key);
            if (cached != null) {
                cached.localRefs++;
                return cached;
            }
            installHook();
            Path path = Session.current().file(kind.word(), name);
            for (int attempt = 0; attempt < 100; attempt++) {
                SharedFile f = create ? tryCreate(kind, name, path, params, bodyBytes, init, onRemove) : null;
                if (f == null) {
                    f = tryOpen(kind, name, path, onRemove, create);
                }
                if (f != null) {
                    OPEN.put(key, f);
                    return f;
                }
                Thread.onSpinWait();
            }
            throw new ChannelLayoutException(kind.word() + " '" + name + "' is being removed and re-created by other "
                    + "processes faster than it can be opened: " + path);
        }
    }

    private static SharedFile tryCreate(ChannelKind kind, String name, Path path, long[] params, long bodyBytes,
                                        Consumer<ByteBuffer> init, Consumer<ByteBuffer> onRemove) {
        try {
            Session.createOwnerOnly(path);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileAlreadyExistsException) {
                return null;
            }
            throw e;
        }
        long size = BODY_OFFSET + bodyBytes;
        ByteBuffer b;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            b = ch.map(FileChannel.MapMode.READ_WRITE, 0, size).order(ByteOrder.nativeOrder());
        } catch (IOException e) {
            deleteQuietly(path);
            throw new UncheckedIOException("cannot create " + path + ": " + e.getMessage(), e);
        }
        INTS.set(b, VERSION_OFFSET, VERSION);
        INTS.set(b, KIND_OFFSET, kind.code());
        LONGS.set(b, CREATOR_OFFSET, OwnerToken.process());
        LONGS.set(b, CREATED_MS_OFFSET, System.currentTimeMillis());
        LONGS.set(b, LENGTH_OFFSET, size);
        for (int i = 0; params != null && i < params.length; i++) {
            LONGS.set(b, paramOffset(i), params[i]);
        }
        new HolderTable(b, ATTACH_TABLE_OFFSET, ATTACH_SLOTS).addLocked(OwnerToken.process(), false);
        if (init != null) {
            init.accept(b);
        }
        INTS.setRelease(b, MAGIC_OFFSET, MAGIC);
        return new SharedFile(kind, name, path, b, onRemove);
    }

    private static SharedFile tryOpen(ChannelKind kind, String name, Path path, Consumer<ByteBuffer> onRemove,
                                      boolean create) {
        ByteBuffer b;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = waitForSize(ch, path);
            b = ch.map(FileChannel.MapMode.READ_WRITE, 0, size).order(ByteOrder.nativeOrder());
            waitForMagic(b, path);
            String problem = validate(b, kind.code(), size);
            if (problem != null) {
                throw new ChannelLayoutException(kind.word() + " '" + name + "' cannot be opened: " + problem
                        + " (" + path + ")");
            }
        } catch (NoSuchFileException e) {
            if (!create) {
                throw new ChannelNotFoundException(kind.word(), name, path.toString());
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
        }
        var f = new SharedFile(kind, name, path, b, onRemove);
        if (!f.attach()) {
            if (!create) {
                throw new ChannelNotFoundException(kind.word(), name, path + " (being removed)");
            }
            return null;
        }
        return f;
    }

    private static long waitForSize(FileChannel ch, Path path) throws IOException {
        long until = System.currentTimeMillis() + INIT_WAIT_MS;
        while (true) {
            long size = ch.size();
            if (size >= BODY_OFFSET) {
                return size;
            }
            if (System.currentTimeMillis() > until) {
                throw new ChannelLayoutException("channel file was never initialised by its creator (it may have "
                        + "died while creating it); remove it and create the channel again: " + path);
            }
            sleepMs(1);
        }
    }

    private static void waitForMagic(ByteBuffer b, Path path) {
        long until = System.currentTimeMillis() + INIT_WAIT_MS;
        while ((int) INTS.getAcquire(b, MAGIC_OFFSET) != MAGIC) {
            if (System.currentTimeMillis() > until) {
                throw new ChannelLayoutException("channel file was never published by its creator (it may have "
                        + "died while creating it); remove it and create the channel again: " + path);
            }
            sleepMs(1);
        }
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new jproc.ipc.ChannelInterruptedException("open", "channel", "?");
        }
    }

    /** Checks a mapped header; null if valid, else the broken rule. {@code kindCode} 0 accepts any kind. */
    public static String validate(ByteBuffer b, int kindCode, long size) {
        return HeaderDescriptor.validate((int) INTS.getAcquire(b, MAGIC_OFFSET), (int) INTS.get(b, VERSION_OFFSET),
                (int) INTS.get(b, KIND_OFFSET), kindCode, (long) LONGS.get(b, LENGTH_OFFSET), size);
    }

    /**
     * Maps a channel file read-only without attaching to it, for inspection from any process. Returns null if
     * the file does not exist or is not a published channel file.
     */
    public static ByteBuffer peek(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < BODY_OFFSET) {
                return null;
            }
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.nativeOrder());
            return validate(b, 0, size) == null ? b : null;
        } catch (IOException e) {
            return null;
        }
    }

    private boolean attach() {
        attachTable.lock();
        try {
            if ((int) INTS.getVolatile(buf, STATE_OFFSET) == STATE_REMOVED) {
                return false;
            }
            attachTable.addLocked(OwnerToken.process(), true);
            return true;
        } finally {
            attachTable.unlock();
        }
    }

    /**
     * Keeps the file alive for {@code seconds} although no process may have it open: a serialized handle is in
     * flight (passed to a child that has not started yet, or sitting in a queue). The receiving process's attach
     * consumes the hold.
     */
    public void holdForTransfer(int seconds) {
        attachTable.lock();
        try {
            attachTable.addPendingLocked(seconds);
        } finally {
            attachTable.unlock();
        }
    }

    /** Adds a local reference (another handle object of this process uses the mapping). */
    public void retain() {
        synchronized (OPEN) {
            if (detached) {
                throw new IllegalStateException(kind.word() + " '" + name + "' is no longer attached");
            }
            localRefs++;
        }
    }

    /** Drops a local reference; the last one detaches this process (and removes the file if it was the last). */
    @Override
    public void close() {
        synchronized (OPEN) {
            if (detached || --localRefs > 0) {
                return;
            }
            OPEN.remove(kind.word() + "-" + name, this);
            detach();
        }
    }

    private void detach() {
        detached = true;
        attachTable.lock();
        try {
            attachTable.removeLocked(OwnerToken.process());
            if (!attachTable.anyLive()) {
                removeLocked();
            } else if (attachTable.livePids().isEmpty()) {
                // Only handles in flight keep the file (passed to a child that has not attached yet). If their
                // receivers never attach (killed first), nobody would close it again: look again once the holds
                // have expired, and remove the file then if still nobody has it open.
                scheduleRecheck(0);
            }
        } finally {
            attachTable.unlock();
        }
    }

    /**
     * Removes the channel now that nobody has it open (the caller holds the attach table's lock): marks it removed,
     * runs the kind's side-file cleanup, deletes every side file of the channel, then the file.
     */
    private void removeLocked() {
        INTS.setVolatile(buf, STATE_OFFSET, STATE_REMOVED);
        if (onRemove != null) {
            try {
                onRemove.accept(buf);
            } catch (RuntimeException e) {
                // removal of side files is best effort; the session's files go with the session
            }
        }
        BlobFiles.deleteAll(key());
        deleteQuietly(path);
    }

    private static final java.util.concurrent.ScheduledExecutorService RECHECK =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jproc-shm-recheck");
                t.setDaemon(true);
                return t;
            });

    private void scheduleRecheck(int round) {
        if (round > 30) {
            return; // two and a half minutes: the session's cleanup removes it at the end
        }
        RECHECK.schedule(() -> {
            attachTable.lock();
            try {
                if ((int) INTS.getVolatile(buf, STATE_OFFSET) == STATE_REMOVED) {
                    return;
                }
                if (!attachTable.anyLive()) {
                    removeLocked();
                } else if (attachTable.livePids().isEmpty()) {
                    scheduleRecheck(round + 1);
                }
            } catch (RuntimeException e) {
                // the file was removed meanwhile
            } finally {
                attachTable.unlock();
            }
        }, 5, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** The pids of the live processes that have the file open (read without locking). */
    public static List<Long> attachedPids(ByteBuffer b) {
        return new HolderTable(b, ATTACH_TABLE_OFFSET, ATTACH_SLOTS).livePids();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the session tracker removes it later
        }
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        hookInstalled = true;
        var t = new Thread(SharedFile::detachAll, "jproc-channels-detach");
        t.setDaemon(true);
        try {
            Runtime.getRuntime().addShutdownHook(t);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    /** Detaches every channel file this process has open (called at JVM exit). */
    public static void detachAll() {
        synchronized (OPEN) {
            for (SharedFile f : List.copyOf(OPEN.values())) {
                f.localRefs = 0;
                OPEN.remove(f.kind.word() + "-" + f.name, f);
                try {
                    f.detach();
                } catch (RuntimeException e) {
                    // best effort at exit
                }
            }
        }
    }

    /** The mapped file (native byte order); the kind's body starts at {@link HeaderDescriptor#BODY_OFFSET}. */
    public ByteBuffer buffer() {
        return buf;
    }

    /** The file length recorded in a mapping's header. */
    public static long length(ByteBuffer b) {
        return (long) LONGS.get(b, LENGTH_OFFSET);
    }

    /**
     * Checks that a mapping's recorded length is the header plus a body of {@code bodyBytes}: what every
     * {@code *Descriptor.validate} checks first. Null if so, else the broken rule with the values.
     */
    public static String checkBodyLength(ByteBuffer b, long bodyBytes) {
        long expected = HeaderDescriptor.BODY_OFFSET + bodyBytes;
        long length = length(b);
        return length == expected ? null : "file length must be " + expected + ": length=" + length;
    }

    /** Header parameter {@code i} of a mapping. */
    public static long param(ByteBuffer b, int i) {
        return (long) LONGS.get(b, paramOffset(i));
    }

    /**
     * Closes this reference and throws if {@code problem} (a descriptor's validation result) is not null.
     *
     * @throws ChannelLayoutException naming the channel, the broken rule and the file
     */
    public void require(String problem) {
        if (problem != null) {
            close();
            throw new ChannelLayoutException(kind.word() + " '" + name + "' has an invalid layout: " + problem + " ("
                    + path + "); remove the file or use another name");
        }
    }

    /** Header parameter {@code i}. */
    public long param(int i) {
        return (long) LONGS.get(buf, paramOffset(i));
    }

    public ChannelKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** {@code <kind>-<name>}: the channel's key within its session (side files of the channel end with it). */
    public String key() {
        return kind.word() + "-" + name;
    }

    public Path path() {
        return path;
    }
}
