package jproc.ipc;

/** {@code open(name)} found no channel of that kind and name in the session (none was created, or it was removed). */
public class ChannelNotFoundException extends IpcException {
    private static final long serialVersionUID = 1L;

    public ChannelNotFoundException(String kind, String name, String where) {
        super("no " + kind + " named '" + name + "' in this session (looked for " + where
                + "); create it first, for example with " + kind + " factory of(name)");
    }
}
