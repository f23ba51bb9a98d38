package jproc.magics.channels;

import java.util.List;

import jproc.ipc.sync.ProcessCondition;
import jproc.ipc.sync.ProcessLock;
import jproc.ipc.sync.ProcessRLock;
import jproc.kernel.magic.MagicContext;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;

/** {@code %condition NAME [--lock LOCK]}: a cross-process condition variable. */
public final class ConditionMagic extends ChannelMagic {
    static final ArgSpec ARGS = ArgSpec.usage("%condition NAME [--lock LOCK]").option("--lock").positional(1, 1);

    /** The magic. */
    public ConditionMagic() {
        super(ARGS);
    }

    @Override
    public String name() {
        return "condition";
    }

    @Override
    public String help() {
        return """
                Creates (or opens) the condition NAME of the session, like multiprocessing.Condition(), and
                declares a notebook variable NAME holding it (ProcessCondition: acquire/release, await,
                waitFor(predicate), signal/signalAll). It has its own re-entrant lock, or shares the lock held
                by the notebook variable LOCK (made with %lock or %rlock), like Condition(lock).

                Example:
                  %condition changed
                  %value stock int 0
                  %%spawn consumer
                  changed.acquire();
                  try { changed.waitFor(() -> stock.get() > 0); stock.set(stock.get() - 1); }
                  finally { changed.release(); }
                """;
    }

    @Override
    List<Declared> create(ParsedArgs a, String name, MagicContext context) {
        String lockVar = a.option("--lock", null);
        ProcessCondition c;
        String what = "condition " + name;
        if (lockVar == null) {
            c = ProcessCondition.of(name);
        } else {
            Object lock = context.variable(lockVar).orElseThrow(() -> a.error("--lock names no notebook variable: "
                    + "--lock=" + lockVar + "; create the lock first with %lock " + lockVar));
            if (lock instanceof ProcessLock l) {
                c = ProcessCondition.of(name, l);
            } else if (lock instanceof ProcessRLock r) {
                c = ProcessCondition.of(name, r);
            } else {
                throw a.error("--lock must name a ProcessLock or ProcessRLock variable: " + lockVar + " is a "
                        + lock.getClass().getName());
            }
            what += ", sharing " + lockVar;
        }
        return List.of(new Declared(name, "jproc.ipc.sync.ProcessCondition", c, what));
    }
}
