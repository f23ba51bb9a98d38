package jproc.ipc.shm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jproc.ipc.session.Session;

/**
 * Side files for messages larger than a ring's inline limit
 * ({@code jproc-<session>-blob-<pid>.<n>.<random>+<kind>-<channel>}, owner-only). The sender writes the file and
 * puts a small BLOB record naming it into the ring; the consumer that commits the record reads and deletes the
 * file. The name ends with the channel it belongs to ({@code +} never occurs in channel names), so the process
 * that removes a channel file also removes every side file of that channel: one whose sender was killed while
 * writing it, one whose consumer was killed between committing and deleting, one never consumed.
 */
public final class BlobFiles {
    private static final AtomicLong COUNTER = new AtomicLong();

    private BlobFiles() {
    }

    /**
     * A fresh side-file name for this process (the part after {@code blob-}); no file is created.
     *
     * @param channel the channel's key, {@code <kind>-<name>} ({@link SharedFile#key()})
     */
    public static String newName(String channel) {
        return OwnerToken.myPid() + "." + COUNTER.incrementAndGet() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8) + CHANNEL_SEPARATOR + channel;
    }

    /** Separates the unique part of a side-file name from its channel's key. */
    static final char CHANNEL_SEPARATOR = '+';

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.\\-]{1,60}"
            + "(\\+[A-Za-z0-9_.\\-]{1,120})?");

    private static Path path(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a side-file name: " + name);
        }
        Session s = Session.current();
        return s.directory().resolve(s.filePrefix() + "blob-" + name);
    }

    /**
     * Deletes every side file of a channel (called by the process that removes the channel file, when no process
     * uses the channel any more).
     *
     * @return how many files were deleted
     */
    public static int deleteAll(String channel) {
        Session s = Session.current();
        String prefix = s.filePrefix() + "blob-";
        String suffix = CHANNEL_SEPARATOR + channel;
        int n = 0;
        try (var files = Files.list(s.directory())) {
            for (Path p : (Iterable<Path>) files.filter(f -> {
                String fn = f.getFileName().toString();
                return fn.startsWith(prefix) && fn.endsWith(suffix);
            })::iterator) {
                try {
                    if (Files.deleteIfExists(p)) {
                        n++;
                    }
                } catch (IOException ignored) {
                    // removed meanwhile
                }
            }
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // directory gone: nothing left to remove
        }
        return n;
    }

    /** Writes the side file {@code name}. */
    public static void write(String name, byte[] data) {
        Path p = path(name);
        Session.createOwnerOnly(p);
        try {
            Files.write(p, data);
        } catch (IOException e) {
            delete(name);
            throw new UncheckedIOException("cannot write message side file " + p + ": " + e.getMessage(), e);
        }
    }

    /** Reads a side file, or returns null if it no longer exists (another consumer took it). */
    public static byte[] read(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message side file " + name + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a side file if it exists. */
    public static void delete(String name) {
        try {
            Files.deleteIfExists(path(name));
        } catch (IOException | IllegalArgumentException e) {
            // removed with the session otherwise
        }
    }
}
