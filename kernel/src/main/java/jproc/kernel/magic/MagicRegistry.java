package jproc.kernel.magic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every magic of the kernel, by name. Thread-safe. */
public final class MagicRegistry {
    private final Map<String, Magic> magics = new TreeMap<>();

    /** A registry filled by every {@link MagicProvider} visible to {@code loader}. */
    public static MagicRegistry load(ClassLoader loader) {
        var registry = new MagicRegistry();
        for (MagicProvider p : ServiceLoader.load(MagicProvider.class, loader)) {
            p.register(registry);
        }
        return registry;
    }

    /**
     * Adds a magic.
     *
     * @throws IllegalArgumentException if the name is not valid or already taken
     */
    public synchronized MagicRegistry register(Magic magic) {
        String name = magic.name();
        if (!name.matches("[A-Za-z][A-Za-z0-9_.\\-]*")) {
            throw new IllegalArgumentException("a magic name starts with a letter and uses letters, digits, _ . -:"
                    + " name=" + name);
        }
        if (magics.containsKey(name)) {
            throw new IllegalArgumentException("a magic named " + name + " is already registered ("
                    + magics.get(name).getClass().getName() + "); choose another name");
        }
        magics.put(name, magic);
        return this;
    }

    /** The magic of this name. */
    public synchronized Optional<Magic> find(String name) {
        return Optional.ofNullable(magics.get(name));
    }

    /** Every magic, sorted by name. */
    public synchronized List<Magic> all() {
        return List.copyOf(magics.values());
    }

    /**
     * The registered names closest to {@code name} (edit distance at most 2, or sharing a prefix), best first.
     *
     * @param cell true to consider cell magics, false for line magics
     */
    public synchronized List<String> closest(String name, boolean cell, int max) {
        record Scored(String name, int score) {
        }
        var scored = new ArrayList<Scored>();
        for (Magic m : magics.values()) {
            if (cell ? !m.isCell() : !m.isLine()) {
                continue;
            }
            int d = EditDistance.between(name.toLowerCase(), m.name().toLowerCase());
            boolean prefix = name.length() >= 2 && (m.name().startsWith(name) || name.startsWith(m.name()));
            if (d <= Math.max(1, Math.min(2, name.length() / 2)) || prefix) {
                scored.add(new Scored(m.name(), prefix ? Math.min(d, 1) : d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
        return scored.stream().limit(max).map(s -> (cell ? "%%" : "%") + s.name()).toList();
    }

    /** The help text of a magic: usage, forms, description. */
    public static String helpText(Magic m) {
        var forms = new ArrayList<String>();
        if (m.isLine()) {
            forms.add("%" + m.name());
        }
        if (m.isCell()) {
            forms.add("%%" + m.name());
        }
        return "Usage: " + m.usage() + "\n" + "Forms: " + String.join(", ", forms) + "\n\n" + m.help().strip() + "\n";
    }
}
