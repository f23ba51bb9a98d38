package jproc.kernel.process;

import java.util.Locale;

/**
 * Which child processes the kernel's interrupt (the notebook's stop button, {@code interrupt_request}) sends
 * SIGINT to, besides stopping the notebook's own code. Set with {@code %interrupt MODE}, or for every kernel start
 * with the JVM option {@code -Djproc.interrupt.children=MODE} (see the kernelspec installer's {@code --java-opts}).
 */
public enum InterruptScope {
    /** The children started by the interrupted cell (and by threads it started); the default. */
    CELL("the children the interrupted cell started"),
    /** Every live child of the kernel, whichever cell started it (idle pool workers included). */
    ALL("every live child of the notebook"),
    /** No child: only the notebook's code stops; children run on. */
    NONE("no child (only the notebook's code stops)");

    /** The system property giving the mode at kernel start. */
    public static final String PROPERTY = "jproc.interrupt.children";

    private final String meaning;

    InterruptScope(String meaning) {
        this.meaning = meaning;
    }

    /** What an interrupt sends SIGINT to in this mode, in words. */
    public String meaning() {
        return meaning;
    }

    /** The mode's word ({@code cell}, {@code all}, {@code none}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a mode word.
     *
     * @throws IllegalArgumentException naming the word and the accepted ones
     */
    public static InterruptScope parse(String word) {
        for (InterruptScope s : values()) {
            if (s.word().equalsIgnoreCase(word.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown interrupt mode '" + word + "': use cell (the interrupted cell's "
                + "children get SIGINT), all (every child gets SIGINT) or none (children run on)");
    }

    /** The mode given by {@link #PROPERTY}, else {@link #CELL}. */
    static InterruptScope fromSystemProperty() {
        String v = System.getProperty(PROPERTY);
        return v == null || v.isBlank() ? CELL : parse(v);
    }
}
