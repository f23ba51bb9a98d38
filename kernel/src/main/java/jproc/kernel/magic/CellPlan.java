package jproc.kernel.magic;

import java.util.List;

/**
 * A cell cut into what runs in order: code and line magics, or one cell magic with its body.
 *
 * @param segments the parts, in order
 */
public record CellPlan(List<Segment> segments) {
    public CellPlan {
        segments = List.copyOf(segments);
    }

    /** One part of a cell. */
    public sealed interface Segment {
    }

    /**
     * Java code. {@code text} keeps the cell's line numbers: lines before it are blank.
     *
     * @param text the code, padded with leading blank lines
     */
    public record Code(String text) implements Segment {
    }

    /**
     * A magic call.
     *
     * @param name    the magic name without {@code %}
     * @param cell    true for {@code %%name} (with a body)
     * @param help    true for {@code %name?}: show help instead of running
     * @param args    the arguments, split like a shell does
     * @param rawArgs the argument text as written
     * @param body    the body of a cell magic (the lines after the first), null for a line magic
     * @param line    the 1-based cell line of the call
     */
    public record MagicCall(String name, boolean cell, boolean help, List<String> args, String rawArgs, String body,
                            int line) implements Segment {
        public MagicCall {
            args = List.copyOf(args);
        }
    }
}
