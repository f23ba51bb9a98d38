package jproc.magics.args;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments a magic accepts: flags ({@code --wait}), options with a value ({@code -n 3},
 * {@code --timeout=5}), repeatable options ({@code --jvm-opt OPT}...) and positional arguments. Parsing
 * fails with {@link MagicUsageException} carrying the usage line.
 *
 * <p>An option's value is the next word even if it starts with {@code -} ({@code --jvm-opt -Xmx64m}).
 * Words are split at spaces; single or double quotes keep spaces in a word; {@code --} ends the options.
 */
public final class ArgSpec {
    private final String usage;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    private int minPositional;
    private int maxPositional;

    private enum Kind { FLAG, OPTION, MULTI }

    private ArgSpec(String usage) {
        this.usage = usage;
    }

    /** A spec with this usage line ({@code %join NAME... | --all [--timeout S]}). */
    public static ArgSpec usage(String usage) {
        return new ArgSpec(usage);
    }

    /** The usage line. */
    public String usage() {
        return usage;
    }

    /** A flag; {@code aliases} are other spellings ({@code -w}). */
    public ArgSpec flag(String name, String... aliases) {
        return add(name, Kind.FLAG, aliases);
    }

    /** An option that takes one value; the last one given wins. */
    public ArgSpec option(String name, String... aliases) {
        return add(name, Kind.OPTION, aliases);
    }

    /** An option that may be given several times; every value is kept, in order. */
    public ArgSpec multi(String name, String... aliases) {
        return add(name, Kind.MULTI, aliases);
    }

    /** How many positional arguments are allowed ({@code max} = {@link Integer#MAX_VALUE} for any number). */
    public ArgSpec positional(int min, int max) {
        this.minPositional = min;
        this.maxPositional = max;
        return this;
    }

    private ArgSpec add(String name, Kind kind, String... aliases) {
        kinds.put(name, kind);
        names.put(name, name);
        for (String a : aliases) {
            names.put(a, name);
        }
        return this;
    }

    /** Parses an argument line. */
    public ParsedArgs parse(String line) {
        return parse(Words.split(line == null ? "" : line, usage));
    }

    /** Parses words. */
    public ParsedArgs parse(List<String> words) {
        var flags = new HashMap<String, Boolean>();
        var values = new HashMap<String, List<String>>();
        var positional = new ArrayList<String>();
        boolean optionsEnded = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!optionsEnded && w.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (optionsEnded || !w.startsWith("-") || w.length() == 1 || isNumber(w)) {
                positional.add(w);
                continue;
            }
            String key = w;
            String inline = null;
            int eq = w.indexOf('=');
            if (w.startsWith("--") && eq > 0) {
                key = w.substring(0, eq);
                inline = w.substring(eq + 1);
            }
            String canonical = names.get(key);
            if (canonical == null) {
                var close = Suggest.closest(key, names.keySet());
                throw new MagicUsageException("unknown option " + key
                        + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)"), usage);
            }
            Kind kind = kinds.get(canonical);
            if (kind == Kind.FLAG) {
                if (inline != null) {
                    throw new MagicUsageException("option " + key + " takes no value: " + w, usage);
                }
                flags.put(canonical, true);
                continue;
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= words.size()) {
                    throw new MagicUsageException("option " + key + " needs a value", usage);
                }
                value = words.get(++i);
            }
            var list = values.computeIfAbsent(canonical, k -> new ArrayList<>());
            if (kind == Kind.OPTION) {
                list.clear();
            }
            list.add(value);
        }
        if (positional.size() < minPositional) {
            throw new MagicUsageException(minPositional == 1 && maxPositional == 1 ? "a name is needed"
                    : "at least " + minPositional + " argument(s) needed, got " + positional.size(), usage);
        }
        if (positional.size() > maxPositional) {
            throw new MagicUsageException(maxPositional == 0 ? "no arguments expected, got: "
                    + String.join(" ", positional) : "at most " + maxPositional + " argument(s) expected, got "
                    + positional.size() + ": " + String.join(" ", positional), usage);
        }
        return new ParsedArgs(usage, flags, values, positional);
    }

    private static boolean isNumber(String w) {
        return w.matches("-\\d+(\\.\\d+)?");
    }
}
