package jproc.process;

/** The output stream of a child a line came from. */
public enum ChildStream {
    /** {@code System.out} of the child. */
    STDOUT,
    /** {@code System.err} of the child. */
    STDERR
}
