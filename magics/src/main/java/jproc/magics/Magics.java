package jproc.magics;

import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicProvider;
import jproc.kernel.magic.MagicRegistry;
import jproc.magics.core.ClasspathMagic;
import jproc.magics.core.HelpMagic;
import jproc.magics.core.LsMagic;

import java.util.List;

/**
 * Every magic of JProc, registered by name in this one place (the kernel finds this class through
 * {@code META-INF/services/jproc.kernel.magic.MagicProvider}). One class per magic.
 */
public final class Magics implements MagicProvider {
    /** The magics, in the order {@code %lsmagic} groups them. */
    public static List<Magic> all() {
        return List.of(
                // the kernel's own
                new LsMagic(),
                new HelpMagic(),
                new ClasspathMagic()
        );
    }

    @Override
    public void register(MagicRegistry registry) {
        for (Magic m : all()) {
            registry.register(m);
        }
    }
}
