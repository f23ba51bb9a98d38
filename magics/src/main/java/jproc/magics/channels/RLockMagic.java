package jproc.magics.channels;

import java.util.List;

import jproc.ipc.sync.ProcessRLock;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;

/** {@code %rlock NAME}: a re-entrant cross-process lock. */
public final class RLockMagic extends ChannelMagic {
    static final ArgSpec ARGS = ArgSpec.usage("%rlock NAME").positional(1, 1);

    /** The magic. */
    public RLockMagic() {
        super(ARGS);
    }

    @Override
    public String name() {
        return "rlock";
    }

    @Override
    public String help() {
        return """
                Creates (or opens) the re-entrant lock NAME of the session, like multiprocessing.RLock(), and
                declares a notebook variable NAME holding it (ProcessRLock). The owning thread may acquire it
                again; it is free once released as many times as acquired.

                Example:
                  %rlock tree
                  tree.acquire(); tree.acquire(); tree.release(); tree.release();
                """;
    }

    @Override
    List<Declared> create(ParsedArgs a, String name) {
        return List.of(new Declared(name, "jproc.ipc.sync.ProcessRLock", ProcessRLock.of(name), "re-entrant lock "
                + name));
    }
}
