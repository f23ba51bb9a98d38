package jproc.ipc.codec;

/**
 * An encoded message that is not a single primitive word.
 *
 * @param tag   one of {@link MessageTags}
 * @param bytes the payload (owned by this record; not copied)
 */
public record Encoded(int tag, byte[] bytes) {
}
