package jproc.magics.lifecycle;

import java.util.ArrayList;
import java.util.List;

import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicContext;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;
import jproc.process.ChildProcess;
import jproc.process.ChildProcesses;
import jproc.process.SerializableRunnable;

/**
 * {@code %%spawn NAME}: the cell body runs in a new child JVM. The body is compiled once in the kernel (it
 * sees the notebook's methods, classes, records and imports); the variables it uses arrive as copies and
 * channel handles re-attach. Returns at once unless {@code --wait}.
 */
public final class SpawnMagic implements Magic {
    static final ArgSpec ARGS = ArgSpec.usage("%%spawn NAME [--wait] [--daemon] [-n N] [--jvm-opt OPT]...")
            .flag("--wait", "-w").flag("--daemon", "-d").option("-n").multi("--jvm-opt").positional(1, 1);

    @Override
    public String name() {
        return "spawn";
    }

    @Override
    public String usage() {
        return ARGS.usage();
    }

    /** Also a line magic, so that {@code %spawn?} shows help and {@code %spawn NAME} explains the cell form. */
    @Override
    public boolean isLine() {
        return true;
    }

    @Override
    public boolean isCell() {
        return true;
    }

    @Override
    public String help() {
        return """
                Runs the cell body in a new child JVM named NAME, like multiprocessing.Process(target=...).start().
                Methods, classes, records and imports of earlier cells are available in the child. Notebook
                variables the body uses arrive as copies (changing them in the child does not change the
                notebook's); channel handles (queues, pipes, values, locks) re-attach to the same channel. A
                variable that cannot be copied is an error here, naming it. Output of the child appears under
                this cell, each line tagged [NAME], also after the cell finished.

                  --wait        wait for the child(ren) to end (interrupt the cell to stop waiting: the
                                children get SIGINT)
                  --daemon      daemon child: ended when the kernel ends, never waited for
                  -n N          start N children named NAME-1 .. NAME-N running the same body
                  --jvm-opt OPT an option for the child JVM (repeatable), e.g. --jvm-opt -Xmx64m

                Example:
                  %%spawn producer
                  for (int i = 0; i < 5; i++) { queue.put(i); Thread.sleep(100); }

                  %%spawn worker -n 3 --wait
                  System.out.println("I am " + Mp.currentProcess().name());
                """;
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) {
        ParsedArgs a = ARGS.parse(args);
        String name = a.positional(0, null);
        if (!name.matches("[A-Za-z0-9_.\\-]{1,80}")) {
            throw a.error("a process name uses letters, digits and _ . - (1-80 chars): NAME=" + name);
        }
        if (body == null) {
            throw a.error("%%spawn is a cell magic: write %%spawn " + name + " on the first line of a cell and the"
                    + " code the child runs on the lines below");
        }
        if (body.isBlank()) {
            throw a.error("the cell body is empty: write the code the child runs on the lines below %%spawn");
        }
        int n = a.intOption("-n", 1, 1, 64);
        List<String> names = new ArrayList<>();
        if (a.has("-n")) {
            for (int i = 1; i <= n; i++) {
                names.add(name + "-" + i);
            }
        } else {
            names.add(name);
        }
        SerializableRunnable target = ChildProcesses.cellCompiler().compile(names.get(0), body);
        List<String> opts = a.all("--jvm-opt");
        var started = new ArrayList<ChildProcess>();
        for (String childName : names) {
            var p = new ChildProcess(childName, target).daemon(a.flag("--daemon"));
            if (!opts.isEmpty()) {
                p.jvmOptions(opts.toArray(String[]::new));
            }
            p.start();
            started.add(p);
        }
        if (!a.flag("--wait")) {
            return null;
        }
        for (ChildProcess p : started) {
            p.join();
        }
        var failed = new ArrayList<String>();
        for (ChildProcess p : started) {
            Integer code = p.exitCode();
            if (code != null && code != 0) {
                failed.add(p.name() + " exit " + code);
            }
        }
        if (!failed.isEmpty()) {
            System.err.println("ended with an error: " + String.join(", ", failed));
        }
        return null;
    }
}
