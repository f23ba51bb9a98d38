package jproc.magics;

import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicProvider;
import jproc.kernel.magic.MagicRegistry;
import jproc.magics.core.ClasspathMagic;
import jproc.magics.core.HelpMagic;
import jproc.magics.core.LsMagic;
import jproc.magics.channels.ArrayMagic;
import jproc.magics.channels.BarrierMagic;
import jproc.magics.channels.ConditionMagic;
import jproc.magics.channels.EventMagic;
import jproc.magics.channels.LockMagic;
import jproc.magics.channels.PipeMagic;
import jproc.magics.channels.QueueMagic;
import jproc.magics.channels.RLockMagic;
import jproc.magics.channels.SemaphoreMagic;
import jproc.magics.channels.ValueMagic;
import jproc.magics.inspect.InspectMagic;
import jproc.magics.inspect.IpcMagic;
import jproc.magics.inspect.TimelineMagic;
import jproc.magics.inspect.TraceMagic;
import jproc.magics.inspect.WiringMagic;
import jproc.magics.lifecycle.InterruptMagic;
import jproc.magics.lifecycle.JoinMagic;
import jproc.magics.lifecycle.KillMagic;
import jproc.magics.lifecycle.PsMagic;
import jproc.magics.lifecycle.SignalMagic;
import jproc.magics.lifecycle.SpawnMagic;
import jproc.magics.lifecycle.TerminateMagic;

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
                new ClasspathMagic(),
                // processes
                new SpawnMagic(),
                new PsMagic(),
                new JoinMagic(),
                new TerminateMagic(),
                new KillMagic(),
                new SignalMagic(),
                new InterruptMagic(),
                // channels
                new QueueMagic(),
                new PipeMagic(),
                new ValueMagic(),
                new ArrayMagic(),
                new LockMagic(),
                new RLockMagic(),
                new SemaphoreMagic(),
                new EventMagic(),
                new ConditionMagic(),
                new BarrierMagic(),
                // inspection
                new InspectMagic(),
                new IpcMagic(),
                new WiringMagic(),
                new TimelineMagic(),
                new TraceMagic()
        );
    }

    @Override
    public void register(MagicRegistry registry) {
        for (Magic m : all()) {
            registry.register(m);
        }
    }
}
