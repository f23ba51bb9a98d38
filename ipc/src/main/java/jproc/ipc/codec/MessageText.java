package jproc.ipc.codec;

import java.util.Arrays;

/** Renders messages as short text for inspection ({@code %inspect}). */
public final class MessageText {
    /** Longest rendering. */
    public static final int MAX_CHARS = 120;

    private MessageText() {
    }

    /** Text for a value, or for an {@link Encoded} message (decoded if possible). */
    public static String render(Object v) {
        Object value = v;
        if (v instanceof Encoded e) {
            if (e.tag() == MessageTags.SERIALIZED && e.bytes().length == 0) {
                return "<large message>";
            }
            try {
                value = MessageCodec.decode(e.tag(), e.bytes());
            } catch (RuntimeException ex) {
                return "<" + MessageTags.name(e.tag()) + ", " + e.bytes().length + " bytes>";
            }
        }
        String s;
        if (value == null) {
            s = "null";
        } else if (value instanceof String str) {
            s = '"' + str + '"';
        } else if (value.getClass().isArray()) {
            s = Arrays.deepToString(new Object[] {value});
            s = s.substring(1, s.length() - 1);
        } else {
            try {
                s = String.valueOf(value);
            } catch (RuntimeException ex) {
                s = "<" + value.getClass().getName() + ">";
            }
        }
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS - 3) + "..." : s;
    }
}
