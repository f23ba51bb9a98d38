package jproc.magics.channels;

import java.util.List;
import java.util.Locale;

import jproc.ipc.value.SharedBooleanArray;
import jproc.ipc.value.SharedByteArray;
import jproc.ipc.value.SharedDoubleArray;
import jproc.ipc.value.SharedIntArray;
import jproc.ipc.value.SharedLongArray;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;

/** {@code %array NAME TYPE LENGTH [--no-lock]}: a shared primitive array. */
public final class ArrayMagic extends ChannelMagic {
    static final ArgSpec ARGS = ArgSpec.usage("%array NAME int|long|double|boolean|byte LENGTH [--no-lock]")
            .flag("--no-lock").positional(3, 3);

    /** The magic. */
    public ArrayMagic() {
        super(ARGS);
    }

    @Override
    public String name() {
        return "array";
    }

    @Override
    public String help() {
        return """
                Creates (or opens) the shared array NAME of the session, like multiprocessing.Array('d', 4),
                filled with zeros, and declares a notebook variable NAME holding it (SharedIntArray,
                SharedLongArray, SharedDoubleArray, SharedBooleanArray or SharedByteArray: get(i)/set(i, v),
                length()). It has a built-in lock (NAME.getLock()) unless --no-lock.

                Example:
                  %array samples double 4
                  %%spawn filler --wait
                  for (int i = 0; i < samples.length(); i++) samples.set(i, i * 1.5);
                  ---
                  %inspect samples
                """;
    }

    @Override
    List<Declared> create(ParsedArgs a, String name) {
        String type = a.positional(1, "").toLowerCase(Locale.ROOT);
        int n;
        try {
            n = Integer.parseInt(a.positional(2, ""));
        } catch (NumberFormatException e) {
            throw a.error("LENGTH must be a whole number: LENGTH=" + a.positional(2, ""));
        }
        if (n < 1) {
            throw a.error("LENGTH must be at least 1: LENGTH=" + n);
        }
        boolean lock = !a.flag("--no-lock");
        String what = "array " + name + " (" + type + "[" + n + "]" + (lock ? ", with a lock" : ", no lock") + ")";
        return List.of(switch (type) {
            case "int" -> new Declared(name, "jproc.ipc.value.SharedIntArray",
                    SharedIntArray.of(name, new int[n], lock), what);
            case "long" -> new Declared(name, "jproc.ipc.value.SharedLongArray",
                    SharedLongArray.of(name, new long[n], lock), what);
            case "double" -> new Declared(name, "jproc.ipc.value.SharedDoubleArray",
                    SharedDoubleArray.of(name, new double[n], lock), what);
            case "boolean" -> new Declared(name, "jproc.ipc.value.SharedBooleanArray",
                    SharedBooleanArray.of(name, new boolean[n], lock), what);
            case "byte" -> new Declared(name, "jproc.ipc.value.SharedByteArray",
                    SharedByteArray.of(name, new byte[n], lock), what);
            default -> throw a.error("TYPE must be int, long, double, boolean or byte: TYPE=" + type);
        });
    }
}
