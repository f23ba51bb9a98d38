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
 * Side files for messages larger than a ring's inline limit ({@code jproc-<session>-blob-<pid>.<n>.<random>},
 * owner-only). The sender writes the file and puts a small BLOB record naming it into the ring; the consumer
 * that commits the record reads and deletes the file. A file whose consumer died after committing, or whose
 * sender died before publishing, is removed with the session's other files.
 */
public final class BlobFiles {
    private static final AtomicLong COUNTER = new AtomicLong();

    private BlobFiles() {
    }

    /** Writes a side file and returns its name (the part after {@code blob-}). */
    public static String write(byte[] data) {
        String name = newName();
        write(name, data);
        return name;
    }

    /** A fresh side-file name for this process (the part after {@code blob-}); no file is created. */
    public static String newName() {
        return OwnerToken.myPid() + "." + COUNTER.incrementAndGet() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);
    }

    /** Writes the side file {@code name}. */
    public static void write(String name, byte[] data) {
        Path p = Session.current().file("blob", name);
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
            return Files.readAllBytes(Session.current().file("blob", name));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message side file " + name + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a side file if it exists. */
    public static void delete(String name) {
        try {
            Files.deleteIfExists(Session.current().file("blob", name));
        } catch (IOException | IllegalArgumentException e) {
            // removed with the session otherwise
        }
    }
}
