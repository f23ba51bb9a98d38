package jproc.magics.channels;

import java.util.List;

import jproc.ipc.sync.ProcessBarrier;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;

/** {@code %barrier NAME PARTIES}: a cross-process barrier. */
public final class BarrierMagic extends ChannelMagic {
    static final ArgSpec ARGS = ArgSpec.usage("%barrier NAME PARTIES").positional(2, 2);

    /** The magic. */
    public BarrierMagic() {
        super(ARGS);
    }

    @Override
    public String name() {
        return "barrier";
    }

    @Override
    public String help() {
        return """
                Creates (or opens) the barrier NAME of the session for PARTIES processes, like
                multiprocessing.Barrier(3), and declares a notebook variable NAME holding it (ProcessBarrier:
                await, with a timeout, abort, reset). Each await blocks until PARTIES processes have called it;
                then all go on and the next round starts. %inspect NAME shows how many have arrived.

                Example:
                  %barrier start 3
                  %%spawn runner -n 3
                  start.await();
                  System.out.println("off at " + System.nanoTime());
                """;
    }

    @Override
    List<Declared> create(ParsedArgs a, String name) {
        int parties;
        try {
            parties = Integer.parseInt(a.positional(1, ""));
        } catch (NumberFormatException e) {
            throw a.error("PARTIES must be a whole number: PARTIES=" + a.positional(1, ""));
        }
        if (parties < 1) {
            throw a.error("PARTIES must be at least 1: PARTIES=" + parties);
        }
        return List.of(new Declared(name, "jproc.ipc.sync.ProcessBarrier", ProcessBarrier.of(name, parties),
                "barrier " + name + " for " + parties + " parties"));
    }
}
