package jproc.magics.support;

import jproc.ipc.session.Session;
import jproc.magics.state.ChannelSource;
import jproc.magics.state.SessionReader;
import jproc.magics.state.SessionSnapshot;

/** The kernel's session as the views see it. */
public final class SessionViews {
    private static volatile ChannelSource channels;

    private SessionViews() {
    }

    /** Reads the session now. */
    public static SessionSnapshot read() {
        return new SessionReader(Session.current(), channels()).read();
    }

    /** The channel source: the channels' own snapshots where available, else the session's files. */
    public static ChannelSource channels() {
        ChannelSource c = channels;
        if (c == null) {
            c = ChannelSources.best(Session.current());
            channels = c;
        }
        return c;
    }
}
