package jproc.magics.core;

import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicContext;
import jproc.kernel.magic.MagicRegistry;
import jproc.kernel.magic.MagicUsageError;
import jproc.kernel.magic.UnknownMagicException;

import java.util.ArrayList;
import java.util.List;

/** {@code %help NAME}: shows a magic's usage and description (the same as {@code %NAME?}). */
public final class HelpMagic implements Magic {
    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "%help NAME";
    }

    @Override
    public String help() {
        return """
                Shows the usage and description of a magic. NAME may be written with or without % or %%.
                Example:
                    %help classpath
                The same text is shown by %classpath? (or %%spawn? for a cell magic).""";
    }

    @Override
    public Object run(MagicContext context, List<String> args, String body) {
        if (args.size() != 1) {
            throw new MagicUsageError("%help takes exactly one magic name, got " + args.size() + " arguments");
        }
        String raw = args.get(0);
        boolean cell = raw.startsWith("%%");
        String name = raw.replaceFirst("^%{1,2}", "").replaceFirst("\\?$", "");
        Magic m = context.magics().find(name).orElse(null);
        if (m == null) {
            var near = new ArrayList<>(context.magics().closest(name, false, 3));
            context.magics().closest(name, true, 3).stream().filter(s -> !near.contains(s.substring(1)))
                    .forEach(near::add);
            throw new UnknownMagicException((cell ? "%%" : "%") + name, near);
        }
        System.out.print(MagicRegistry.helpText(m));
        return null;
    }
}
