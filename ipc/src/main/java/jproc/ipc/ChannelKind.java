package jproc.ipc;

/**
 * The kinds of channel, each with the word used in its file name ({@code jproc-<session>-<word>-<name>}) and the
 * code written into its header.
 */
public enum ChannelKind {
    QUEUE("queue"), PIPE("pipe"), VALUE("value"), ARRAY("array"), LOCK("lock"), RLOCK("rlock"),
    SEMAPHORE("semaphore"), EVENT("event"), CONDITION("condition"), BARRIER("barrier");

    private static final ChannelKind[] VALUES = values();
    private final String word;

    ChannelKind(String word) {
        this.word = word;
    }

    /** The word in file names and messages. */
    public String word() {
        return word;
    }

    /** The code stored in file headers. */
    public int code() {
        return ordinal() + 1;
    }

    /** The kind with this header code, or null. */
    public static ChannelKind ofCode(int code) {
        return code >= 1 && code <= VALUES.length ? VALUES[code - 1] : null;
    }

    /** The kind with this file-name word, or null. */
    public static ChannelKind ofWord(String word) {
        for (ChannelKind k : VALUES) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        return null;
    }
}
