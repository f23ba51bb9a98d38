package jproc.ipc;

/** {@code open(name)} found no channel of that kind and name in the session (none was created, or it was removed). */
public class ChannelNotFoundException extends IpcException {
    private static final long serialVersionUID = 1L;

    public ChannelNotFoundException(String kind, String name, String where) {
        super("no " + kind + " named '" + name + "' in this session (looked for " + where
                + "); create it first with the factory's of(name), or see Channels.list() for the names in use");
    }
}
