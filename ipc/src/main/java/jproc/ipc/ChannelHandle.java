package jproc.ipc;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What a channel becomes when it is serialized: its kind, name and creation parameters. Deserializing a handle in
 * any process of the same session re-opens the same channel (creating it with the same parameters if it was
 * removed meanwhile). This is how channels passed to a child process, or sent through a queue or pipe, re-attach.
 *
 * @param kind   the channel kind
 * @param name   the channel name
 * @param params kind-specific parameters (capacity, bounds, element type, pipe end...)
 */
public record ChannelHandle(ChannelKind kind, String name, long[] params) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public ChannelHandle {
        params = params.clone();
    }

    @Override
    public long[] params() {
        return params.clone();
    }

    /** Parameter {@code i}, or 0 if absent. */
    public long param(int i) {
        return i < params.length ? params[i] : 0;
    }

    @Serial
    private Object readResolve() {
        return Channels.reopen(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelHandle h && h.kind == kind && h.name.equals(name) && Arrays.equals(h.params, params);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return kind.word() + " '" + name + "' " + Arrays.toString(params);
    }
}
