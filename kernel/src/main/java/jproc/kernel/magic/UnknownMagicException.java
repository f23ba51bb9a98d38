package jproc.kernel.magic;

import java.util.List;

/** A cell used a magic name that is not registered; the message lists the closest names. */
public final class UnknownMagicException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<String> suggestions;

    /**
     * @param name        the unknown name, with its {@code %} or {@code %%}
     * @param suggestions the closest registered names, with their prefix
     */
    public UnknownMagicException(String name, List<String> suggestions) {
        super("unknown magic " + name + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions)
                + "?") + " (%lsmagic lists every magic)");
        this.name = name;
        this.suggestions = List.copyOf(suggestions);
    }

    /** The unknown name. */
    public String name() {
        return name;
    }

    /** The closest registered names. */
    public List<String> suggestions() {
        return suggestions;
    }
}
