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
 *   64: parameters, PARAMS longs (kind specific: capacity, item bound, element type, length, parties...)
 *   128: attach mutex (long, a MutexWord) | 136: state (int, 0 live, 1 removed) | 140: untracked attaches (int)
 *   192: attach slots, ATTACH_SLOTS x 16 bytes:
 *        +----------------------+-------------+------------------------------+
 *        | process token (long) | count (int) | pending deadline (int, s)    |
 *        +----------------------+-------------+------------------------------+
 *   4096: body (the kind's own layout, see its *Descriptor)
 * </pre>
 *
 * <p>The creator writes everything, then MAGIC with a release store; openers wait for MAGIC. Each process that
 * has the channel open holds one slot (count 1). A serialized handle in flight holds a pending slot (count -1)
 * until its deadline (epoch seconds) or until a receiving process attaches. Attach and detach run under the attach
 * mutex; each changes one slot with single writes, so a process killed while holding the mutex leaves the table
 * consistent and the next process takes the mutex over. When a detach finds no live process and no unexpired
 * pending slot, it sets state to removed and deletes the file.
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
    public static final int PARAMS = 8;
    public static final int ATTACH_MUTEX_OFFSET = 128;
    public static final int STATE_OFFSET = 136;
    public static final int UNTRACKED_OFFSET = 140;
    public static final int SLOTS_OFFSET = 192;
    public static final int SLOT_BYTES = 16;
    public static final int ATTACH_SLOTS = 128;
    public static final int BODY_OFFSET = 4096;

    public static final int STATE_LIVE = 0;
    public static final int STATE_REMOVED = 1;
    public static final int PENDING = -1;

    static {
        if (SLOTS_OFFSET + ATTACH_SLOTS * SLOT_BYTES > BODY_OFFSET) {
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

    /** Offset of attach slot {@code i}. */
    public static int slotOffset(int i) {
        return SLOTS_OFFSET + i * SLOT_BYTES;
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
