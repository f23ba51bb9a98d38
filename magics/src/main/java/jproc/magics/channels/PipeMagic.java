package jproc.magics.channels;

import java.util.List;

import jproc.ipc.pipe.ProcessPipe;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;

/** {@code %pipe A B [--one-way]}: a pipe whose two ends become the variables A and B. */
public final class PipeMagic extends ChannelMagic {
    static final ArgSpec ARGS = ArgSpec.usage("%pipe A B [--one-way] [--capacity BYTES]  |  %pipe NAME")
            .flag("--one-way").option("--capacity").positional(1, 2);

    /** The magic. */
    public PipeMagic() {
        super(ARGS);
    }

    @Override
    public String name() {
        return "pipe";
    }

    @Override
    public String help() {
        return """
                Creates a pipe, like a, b = multiprocessing.Pipe(), and declares its two ends as the notebook
                variables A and B (PipeConnection: send/recv/poll). The pipe is named A-B in the session.
                With --one-way, A only receives and B only sends (Python's r, w = Pipe(duplex=False)). With
                one name, the variable holds the whole ProcessPipe (its left() and right() ends).

                  --one-way          B sends, A receives
                  --capacity BYTES   ring size of each direction, a power of 2 (default 256 KiB)

                Example:
                  %pipe parentEnd childEnd
                  %%spawn child
                  childEnd.send("hello from the child");
                  ---
                  parentEnd.recv()
                """;
    }

    @Override
    List<String> variableNames(ParsedArgs a) {
        return a.positional();
    }

    @Override
    List<Declared> create(ParsedArgs a, String first) {
        int cap = a.intOption("--capacity", ProcessPipe.DEFAULT_CAPACITY, 4096, 1 << 30);
        if (Integer.bitCount(cap) != 1) {
            throw a.error("--capacity must be a power of 2: --capacity=" + cap);
        }
        boolean duplex = !a.flag("--one-way");
        String kind = duplex ? "duplex pipe " : "one-way pipe ";
        if (a.positional().size() == 1) {
            ProcessPipe p = ProcessPipe.of(first, duplex, cap);
            return List.of(new Declared(first, "jproc.ipc.pipe.ProcessPipe", p, kind + first));
        }
        String second = a.positional(1, "");
        if (first.equals(second)) {
            throw a.error("the two ends need two names: A=" + first + ", B=" + second);
        }
        String name = first + "-" + second;
        ProcessPipe p = ProcessPipe.of(name, duplex, cap);
        String type = "jproc.ipc.pipe.PipeConnection";
        return List.of(new Declared(first, type, p.left(), kind + name + ", end " + first
                        + (duplex ? "" : " (receives)")),
                new Declared(second, type, p.right(), kind + name + ", end " + second + (duplex ? "" : " (sends)")));
    }
}
