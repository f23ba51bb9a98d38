package jproc.magics.channels;

import java.util.List;

import jproc.ipc.sync.ProcessEvent;
import jproc.magics.args.ArgSpec;
import jproc.magics.args.ParsedArgs;

/** {@code %event NAME}: a cross-process event flag. */
public final class EventMagic extends ChannelMagic {
    static final ArgSpec ARGS = ArgSpec.usage("%event NAME").positional(1, 1);

    /** The magic. */
    public EventMagic() {
        super(ARGS);
    }

    @Override
    public String name() {
        return "event";
    }

    @Override
    public String help() {
        return """
                Creates (or opens) the event NAME of the session, like multiprocessing.Event(), and declares a
                notebook variable NAME holding it (ProcessEvent: set/clear/isSet, await with or without a
                timeout). Every process waiting in await() goes on when it is set.

                Example:
                  %event ready
                  %%spawn waiter
                  ready.await(); System.out.println("go!");
                  ---
                  ready.set();
                """;
    }

    @Override
    List<Declared> create(ParsedArgs a, String name) {
        return List.of(new Declared(name, "jproc.ipc.sync.ProcessEvent", ProcessEvent.of(name), "event " + name));
    }
}
