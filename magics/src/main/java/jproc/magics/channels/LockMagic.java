package jproc.magics.channels;

import java.util.List;

import jproc.ipc.sync.ProcessLock;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;

/** {@code %lock NAME}: a cross-process lock. */
public final class LockMagic extends ChannelMagic {
    static final ArgSpec ARGS = ArgSpec.usage("%lock NAME").positional(1, 1);

    /** The magic. */
    public LockMagic() {
        super(ARGS);
    }

    @Override
    public String name() {
        return "lock";
    }

    @Override
    public String help() {
        return """
                Creates (or opens) the lock NAME of the session, like multiprocessing.Lock(), and declares a
                notebook variable NAME holding it (ProcessLock: acquire/release, try-with-resources through
                hold(), run(() -> ...)). Not re-entrant: use %rlock for that. A process that dies holding it
                is reported to the next one that takes it (OwnerDiedException). %inspect NAME shows the owner
                and who waits; %ps names a deadlock when processes wait for each other's locks.

                Example:
                  %lock printLock
                  %%spawn worker -n 3
                  printLock.run(() -> System.out.println("one at a time"));
                """;
    }

    @Override
    List<Declared> create(ParsedArgs a, String name) {
        return List.of(new Declared(name, "jproc.ipc.sync.ProcessLock", ProcessLock.of(name), "lock " + name));
    }
}
