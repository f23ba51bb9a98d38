package jproc.magics.lifecycle;

import java.util.List;

import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicContext;
import jproc.kernel.magic.MagicUsageError;
import jproc.kernel.process.InterruptScope;
import jproc.kernel.process.ProcessSupport;

/**
 * {@code %interrupt [cell|all|none]}: shows or sets which child processes the notebook's interrupt (the stop button)
 * sends SIGINT to.
 */
public final class InterruptMagic implements Magic {
    @Override
    public String name() {
        return "interrupt";
    }

    @Override
    public String usage() {
        return "%interrupt [cell|all|none]";
    }

    @Override
    public String help() {
        return """
                Shows or sets what the notebook's interrupt (the stop button, Kernel > Interrupt) does to child
                processes. The interrupted cell's own code always stops (a KeyboardInterrupt-like error).
                  cell   SIGINT to the children the interrupted cell started (the default), like Ctrl-C in a
                         terminal reaching the program it stops and its children; children and pools of earlier
                         cells run on
                  all    SIGINT to every live child of the notebook, pool workers of earlier cells included
                  none   no child is signalled; use %terminate, %kill or %signal NAME INT yourself
                A child ends on SIGINT unless it installed a handler (ChildProcess.onSignal("INT", ...)). The
                mode for every kernel start can be given with the JVM option -Djproc.interrupt.children=MODE.
                Example:
                    %interrupt none
                    %interrupt""";
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) {
        if (args.size() > 1) {
            throw new MagicUsageError("%interrupt takes one mode (cell, all or none), got " + args.size()
                    + " arguments: " + String.join(" ", args));
        }
        if (args.size() == 1) {
            InterruptScope scope;
            try {
                scope = InterruptScope.parse(args.get(0));
            } catch (IllegalArgumentException e) {
                throw new MagicUsageError(e.getMessage());
            }
            ProcessSupport.setInterruptScope(scope);
        }
        InterruptScope now = ProcessSupport.interruptScope();
        System.out.println("interrupt mode: " + now.word() + " (an interrupt stops the cell's code and sends SIGINT to "
                + now.meaning() + ")");
        return null;
    }
}
