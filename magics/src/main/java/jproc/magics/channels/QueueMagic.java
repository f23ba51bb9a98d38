package jproc.magics.channels;

import java.util.List;

import jproc.ipc.queue.ProcessQueue;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;

/** {@code %queue NAME [--maxsize N] [--capacity BYTES] [--joinable]}: a cross-process queue. */
public final class QueueMagic extends ChannelMagic {
    static final ArgSpec ARGS = ArgSpec.usage("%queue NAME [--maxsize N] [--capacity BYTES] [--joinable]")
            .option("--maxsize").option("--capacity").flag("--joinable").positional(1, 1);

    /** The magic. */
    public QueueMagic() {
        super(ARGS);
    }

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public String help() {
        return """
                Creates (or opens) the queue NAME of the session, like multiprocessing.Queue(maxsize), and
                declares a notebook variable NAME holding it. Children started afterwards that use the
                variable re-attach to the same queue.

                  --maxsize N       at most N items (put blocks while full); default: no bound
                  --capacity BYTES  ring size in bytes, a power of 2 (default 1 MiB)
                  --joinable        declare it as a JoinableProcessQueue (taskDone()/join())

                Example:
                  %queue jobs --maxsize 10
                  jobs.put(42);
                  %inspect jobs
                """;
    }

    @Override
    List<Declared> create(ParsedArgs a, String name) {
        int max = a.intOption("--maxsize", 0, 0, Integer.MAX_VALUE - 1);
        int cap = a.intOption("--capacity", ProcessQueue.DEFAULT_CAPACITY, 4096, 1 << 30);
        if (Integer.bitCount(cap) != 1) {
            throw a.error("--capacity must be a power of 2: --capacity=" + cap);
        }
        ProcessQueue<Object> q = ProcessQueue.of(name, max, cap);
        boolean joinable = a.flag("--joinable");
        String type = joinable ? "jproc.ipc.queue.JoinableProcessQueue<Object>" : "jproc.ipc.queue.ProcessQueue<Object>";
        return List.of(new Declared(name, type, q, "queue " + name + (max > 0 ? ", at most " + max + " items"
                : ", unbounded")));
    }
}
