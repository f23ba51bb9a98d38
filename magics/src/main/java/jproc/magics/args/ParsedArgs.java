package jproc.magics.args;

import java.util.List;
import java.util.Map;

/** The result of {@link ArgSpec#parse}: flags, option values and positional arguments. */
public final class ParsedArgs {
    private final String usage;
    private final Map<String, Boolean> flags;
    private final Map<String, List<String>> values;
    private final List<String> positional;

    ParsedArgs(String usage, Map<String, Boolean> flags, Map<String, List<String>> values, List<String> positional) {
        this.usage = usage;
        this.flags = Map.copyOf(flags);
        this.values = Map.copyOf(values);
        this.positional = List.copyOf(positional);
    }

    /** True if the flag was given. */
    public boolean flag(String name) {
        return flags.getOrDefault(name, false);
    }

    /** The option's value, or {@code fallback} if it was not given. */
    public String option(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? fallback : v.get(v.size() - 1);
    }

    /** Every value of a repeatable option, in order. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** True if the option was given. */
    public boolean has(String name) {
        return values.containsKey(name) || flags.containsKey(name);
    }

    /** An integer option within {@code [min, max]}, or {@code fallback}. */
    public int intOption(String name, int fallback, int min, int max) {
        String v = option(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new MagicUsageException(name + " must be between " + min + " and " + max + ": " + name + "="
                        + v, usage);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new MagicUsageException(name + " must be a whole number: " + name + "=" + v, usage);
        }
    }

    /** A number of seconds ({@code 1.5}), or {@code fallback}; must not be negative. */
    public double secondsOption(String name, double fallback) {
        String v = option(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            double s = Double.parseDouble(v);
            if (s < 0 || Double.isNaN(s)) {
                throw new MagicUsageException(name + " must not be negative: " + name + "=" + v, usage);
            }
            return s;
        } catch (NumberFormatException e) {
            throw new MagicUsageException(name + " must be a number of seconds: " + name + "=" + v, usage);
        }
    }

    /** The positional arguments. */
    public List<String> positional() {
        return positional;
    }

    /** The positional argument at {@code i}, or {@code fallback}. */
    public String positional(int i, String fallback) {
        return i < positional.size() ? positional.get(i) : fallback;
    }

    /** The usage line (for errors the magic finds itself). */
    public String usage() {
        return usage;
    }

    /** A usage error with this problem. */
    public MagicUsageException error(String problem) {
        return new MagicUsageException(problem, usage);
    }
}
