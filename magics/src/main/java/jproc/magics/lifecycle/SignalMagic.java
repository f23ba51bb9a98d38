package jproc.magics.lifecycle;

import java.util.List;
import java.util.Locale;

import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicContext;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;

/** {@code %signal NAME SIG}: sends a signal to a child. */
public final class SignalMagic implements Magic {
    static final ArgSpec ARGS = ArgSpec.usage("%signal NAME SIG").positional(2, 2);

    @Override
    public String name() {
        return "signal";
    }

    @Override
    public String usage() {
        return ARGS.usage();
    }

    @Override
    public String help() {
        return """
                Sends a signal to a child, like os.kill(pid, signal.SIGUSR1). SIG is USR1, HUP, INT, TERM or
                KILL (with or without the SIG prefix). The child handles it with
                ChildProcess.onSignal("USR1", () -> ...). QUIT is refused (the JVM prints a thread dump
                instead) and so is USR2 (HotSpot uses it internally).

                Example:
                  %%spawn listener
                  ChildProcess.onSignal("USR1", () -> System.out.println("got USR1"));
                  Thread.sleep(60_000);

                  %signal listener USR1
                """;
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) {
        ParsedArgs a = ARGS.parse(args);
        String sig = a.positional(1, "").toUpperCase(Locale.ROOT);
        if (sig.startsWith("SIG")) {
            sig = sig.substring(3);
        }
        SignalMagics.send(List.of(a.positional(0, "")), sig);
        return null;
    }
}
