package jproc.process;

/**
 * Receives the output of one child, line by line, as printed. Calls come from the child's pump threads (one
 * per stream): lines of one stream arrive in order and are never split or merged; lines of stdout and stderr
 * may interleave in any order. {@link #closed()} comes last, once, after every line of both streams, and before
 * {@code join()} returns.
 */
public interface ChildOutput {
    /**
     * One line without its line terminator.
     *
     * @param stream which stream printed it
     * @param text   the line, decoded as UTF-8
     */
    void line(ChildStream stream, String text);

    /** The child ended and all of its output has been delivered. */
    void closed();
}
