package jproc.magics.channels;

import java.util.List;

import jproc.ipc.sync.BoundedProcessSemaphore;
import jproc.ipc.sync.ProcessSemaphore;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;

/** {@code %semaphore NAME PERMITS [--bounded]}: a cross-process counting semaphore. */
public final class SemaphoreMagic extends ChannelMagic {
    static final ArgSpec ARGS = ArgSpec.usage("%semaphore NAME PERMITS [--bounded]").flag("--bounded")
            .positional(2, 2);

    /** The magic. */
    public SemaphoreMagic() {
        super(ARGS);
    }

    @Override
    public String name() {
        return "semaphore";
    }

    @Override
    public String help() {
        return """
                Creates (or opens) the semaphore NAME of the session with PERMITS free permits, like
                multiprocessing.Semaphore(3), and declares a notebook variable NAME holding it
                (ProcessSemaphore: acquire/release, tryAcquire, availablePermits). With --bounded a release
                beyond PERMITS is an error (BoundedSemaphore). Permits of a process that dies come back.
                %inspect NAME shows free permits, who holds how many and who waits.

                Example:
                  %semaphore slots 2
                  %%spawn worker -n 4
                  slots.acquire();
                  try { System.out.println("working"); Thread.sleep(500); } finally { slots.release(); }
                """;
    }

    @Override
    List<Declared> create(ParsedArgs a, String name) {
        int permits;
        try {
            permits = Integer.parseInt(a.positional(1, ""));
        } catch (NumberFormatException e) {
            throw a.error("PERMITS must be a whole number: PERMITS=" + a.positional(1, ""));
        }
        if (permits < 0) {
            throw a.error("PERMITS must not be negative: PERMITS=" + permits);
        }
        if (a.flag("--bounded")) {
            return List.of(new Declared(name, "jproc.ipc.sync.BoundedProcessSemaphore",
                    BoundedProcessSemaphore.of(name, permits), "bounded semaphore " + name + ", " + permits
                    + " permits"));
        }
        return List.of(new Declared(name, "jproc.ipc.sync.ProcessSemaphore", ProcessSemaphore.of(name, permits),
                "semaphore " + name + ", " + permits + " permits"));
    }
}
