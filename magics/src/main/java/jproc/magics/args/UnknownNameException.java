package jproc.magics.args;

import java.util.Collection;
import java.util.List;

/** A magic was given a process or channel name that does not exist; the message suggests the closest ones. */
public class UnknownNameException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> suggestions;

    /**
     * @param what  {@code process}, {@code channel}, {@code process or channel}
     * @param name  the name given
     * @param known the names that exist
     */
    public UnknownNameException(String what, String name, Collection<String> known) {
        super(message(what, name, known));
        this.suggestions = Suggest.closest(name, known);
    }

    /** The closest known names, best first (may be empty). */
    public List<String> suggestions() {
        return suggestions;
    }

    private static String message(String what, String name, Collection<String> known) {
        List<String> close = Suggest.closest(name, known);
        var b = new StringBuilder("no ").append(what).append(" named '").append(name).append("'");
        if (!close.isEmpty()) {
            b.append("; did you mean ").append(String.join(", ", close.stream().map(s -> "'" + s + "'").toList()))
                    .append('?');
        } else if (known.isEmpty()) {
            b.append("; there is none yet");
        } else {
            b.append("; known: ").append(String.join(", ", known.stream().sorted().limit(20).toList()));
        }
        return b.toString();
    }
}
