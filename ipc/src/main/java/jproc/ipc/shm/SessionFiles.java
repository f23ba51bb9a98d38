package jproc.ipc.shm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jproc.ipc.session.Session;

/** The files of a session in its directory ({@code <dir>/jproc-<session>-*}): listing and orderly removal. */
public final class SessionFiles {
    private SessionFiles() {
    }

    /** Every file of the session, sorted by name. */
    public static List<Path> list(Session session) {
        String prefix = session.filePrefix();
        try (Stream<Path> s = Files.list(session.directory())) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + session.directory() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes every file of the session (channels, side files, trace files), for an orderly shutdown of the root
     * process after its children have ended. Channels still open in this process stay mapped but are no longer
     * reachable by name. Returns how many files were removed.
     */
    public static int removeAll(Session session) {
        return session.removeFiles();
    }
}
