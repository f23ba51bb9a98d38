package jproc.ipc.shm;

/**
 * The first 4096 bytes of every channel file: identity, parameters and the attach table that decides when the
 * file is removed.
 *
 * <pre>
 *   0        4        8        12       16                24               32               40       64
 *   +--------+--------+--------+--------+----------------+----------------+----------------+--------+
 *   | MAGIC  | VERSION| kind   | layout | creator token  | created (ms)   | file length    |  ...   |
 *   +--------+--------+--------+--------+----------------+----------------+----------------+--------+
 *   64:  parameters, PARAMS longs (kind specific: capacity, item bound, element type, length, parties...)
 *   120: state (int): 0 live, 1 removed
 *   128: attach table (HolderTable with ATTACH_SLOTS slots): mutex | used | untracked | slots from 192:
 *        +----------------------+-------------+------------------------------+
 *        | process token (long) | count (int) | pending deadline (int, s)    |
 *        +----------------------+-------------+------------------------------+
 *   4096: body (the kind's own layout, see its *Descriptor)
 * </pre>
 *
 * <p>The creator writes everything, then MAGIC with a release store; openers wait for MAGIC. Each process that
 * has the channel open holds one slot. A serialized handle in flight holds a pending slot until its deadline or
 * until a receiving process attaches. Attach and detach run under the table's robust mutex. When a detach finds
 * no live process and no unexpired pending slot, it sets state to removed and deletes the file; an opener that
 * finds state removed starts over (creating the file anew).
 */
public final class HeaderDescriptor {
    public static final int MAGIC = 0x4A505243; // "JPRC"
    public static final int VERSION = 1;

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int KIND_OFFSET = 8;
    public static final int LAYOUT_OFFSET = 12;
    public static final int CREATOR_OFFSET = 16;
    public static final int CREATED_MS_OFFSET = 24;
    public static final int LENGTH_OFFSET = 32;
    public static final int PARAMS_OFFSET = 64;
    public static final int PARAMS = 7;
    public static final int STATE_OFFSET = 120;
    public static final int ATTACH_TABLE_OFFSET = 128;
    public static final int ATTACH_SLOTS = 128;
    public static final int BODY_OFFSET = 4096;

    public static final int STATE_LIVE = 0;
    public static final int STATE_REMOVED = 1;

    static {
        if (ATTACH_TABLE_OFFSET + HolderTable.bytes(ATTACH_SLOTS) > BODY_OFFSET) {
            throw new AssertionError("attach table overlaps the body");
        }
    }

    private HeaderDescriptor() {
    }

    /** Offset of parameter {@code i}. */
    public static int paramOffset(int i) {
        if (i < 0 || i >= PARAMS) {
            throw new IllegalArgumentException("parameter index must be in [0, " + PARAMS + "): index=" + i);
        }
        return PARAMS_OFFSET + i * 8;
    }

    /** Checks a header; returns null if valid, or the rule it breaks. */
    public static String validate(int magic, int version, int kindCode, int expectedKind, long length, long size) {
        if (magic != MAGIC) {
            return "not a channel file: magic=0x" + Integer.toHexString(magic);
        }
        if (version != VERSION) {
            return "unsupported header version: version=" + version + ", expected " + VERSION;
        }
        if (expectedKind != 0 && kindCode != expectedKind) {
            return "wrong channel kind: kind code=" + kindCode + ", expected " + expectedKind;
        }
        if (length > size || length < BODY_OFFSET) {
            return "file length does not match its header: header says " + length + ", file has " + size;
        }
        return null;
    }
}
