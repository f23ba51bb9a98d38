package jproc.magics.channels;

import java.util.List;
import java.util.Locale;

import jproc.ipc.value.SharedBoolean;
import jproc.ipc.value.SharedByte;
import jproc.ipc.value.SharedDouble;
import jproc.ipc.value.SharedInt;
import jproc.ipc.value.SharedLong;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;

/** {@code %value NAME TYPE [INITIAL] [--no-lock]}: a shared primitive value. */
public final class ValueMagic extends ChannelMagic {
    static final ArgSpec ARGS = ArgSpec.usage("%value NAME int|long|double|boolean|byte [INITIAL] [--no-lock]")
            .flag("--no-lock").positional(2, 3);

    /** The magic. */
    public ValueMagic() {
        super(ARGS);
    }

    @Override
    public String name() {
        return "value";
    }

    @Override
    public String help() {
        return """
                Creates (or opens) the shared value NAME of the session, like multiprocessing.Value('i', 0),
                and declares a notebook variable NAME holding it (SharedInt, SharedLong, SharedDouble,
                SharedBoolean or SharedByte: get/set, compareAndSet, getAndAdd). It has a built-in lock
                (NAME.getLock(), like get_lock()) unless --no-lock. INITIAL defaults to 0 / false.

                Example:
                  %value counter int 0
                  %%spawn adder -n 4 --wait
                  for (int i = 0; i < 10_000; i++) counter.getLock().run(() -> counter.set(counter.get() + 1));
                  ---
                  counter.get()
                """;
    }

    @Override
    List<Declared> create(ParsedArgs a, String name) {
        String type = a.positional(1, "").toLowerCase(Locale.ROOT);
        String init = a.positional(2, null);
        boolean lock = !a.flag("--no-lock");
        String what = "value " + name + " (" + type + (lock ? ", with a lock" : ", no lock") + ")";
        try {
            return List.of(switch (type) {
                case "int" -> new Declared(name, "jproc.ipc.value.SharedInt",
                        SharedInt.of(name, init == null ? 0 : Integer.parseInt(init), lock), what);
                case "long" -> new Declared(name, "jproc.ipc.value.SharedLong",
                        SharedLong.of(name, init == null ? 0 : Long.parseLong(init), lock), what);
                case "double" -> new Declared(name, "jproc.ipc.value.SharedDouble",
                        SharedDouble.of(name, init == null ? 0 : Double.parseDouble(init), lock), what);
                case "boolean" -> new Declared(name, "jproc.ipc.value.SharedBoolean",
                        SharedBoolean.of(name, init != null && parseBoolean(a, init), lock), what);
                case "byte" -> new Declared(name, "jproc.ipc.value.SharedByte",
                        SharedByte.of(name, init == null ? 0 : Byte.parseByte(init), lock), what);
                default -> throw a.error("TYPE must be int, long, double, boolean or byte: TYPE=" + type);
            });
        } catch (NumberFormatException e) {
            throw a.error("INITIAL must be a " + type + ": INITIAL=" + init);
        }
    }

    static boolean parseBoolean(ParsedArgs a, String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw a.error("a boolean is true or false: " + s);
        };
    }
}
