package jproc.magics.support;

import jproc.ipc.session.Session;
import jproc.magics.state.ChannelSource;
import jproc.magics.state.ShmChannels;

/** Chooses how channels are read. */
final class ChannelSources {
    private ChannelSources() {
    }

    static ChannelSource best(Session session) {
        return new ShmChannels(session);
    }
}
