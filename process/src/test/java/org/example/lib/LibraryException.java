package org.example.lib;

import java.io.Serial;

/**
 * An exception class of a library (not of JProc, not of the JDK, not a user class of the session): what a pool task
 * may throw when it calls third-party code.
 */
public class LibraryException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public LibraryException(String message) {
        super(message);
    }
}
