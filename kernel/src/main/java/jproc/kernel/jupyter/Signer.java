package jproc.kernel.jupyter;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * HMAC signatures of Jupyter messages (over header, parent header, metadata and content), checked in constant
 * time. With an empty key, signing is off (as the protocol specifies) and every signature is accepted.
 *
 * <p>Thread-safe (one {@link Mac} per thread).
 */
final class Signer {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final ThreadLocal<Mac> mac;
    private final boolean enabled;

    /**
     * @param scheme the connection file's {@code signature_scheme}, e.g. {@code hmac-sha256}
     * @param key    the connection file's {@code key}; empty turns signing off
     * @throws IllegalArgumentException if the scheme is not supported
     */
    Signer(String scheme, String key) {
        this.enabled = key != null && !key.isEmpty();
        if (!enabled) {
            this.mac = null;
            return;
        }
        String algorithm = scheme == null ? "HmacSHA256" : scheme.replace("-", "").replace("hmac", "Hmac")
                .replace("sha", "SHA");
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        try {
            Mac.getInstance(algorithm).init(new SecretKeySpec(keyBytes, algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unsupported signature_scheme in the connection file: " + scheme
                    + " (use hmac-sha256)", e);
        }
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance(algorithm);
                m.init(new SecretKeySpec(keyBytes, algorithm));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The hex signature of the four parts, as ASCII bytes; empty if signing is off. */
    byte[] sign(byte[] header, byte[] parent, byte[] metadata, byte[] content) {
        if (!enabled) {
            return new byte[0];
        }
        Mac m = mac.get();
        m.update(header);
        m.update(parent);
        m.update(metadata);
        m.update(content);
        byte[] raw = m.doFinal();
        byte[] hex = new byte[raw.length * 2];
        for (int i = 0; i < raw.length; i++) {
            hex[2 * i] = (byte) HEX[(raw[i] >> 4) & 0xf];
            hex[2 * i + 1] = (byte) HEX[raw[i] & 0xf];
        }
        return hex;
    }

    /** True if {@code signature} is right for the parts; the comparison takes the same time wherever it differs. */
    boolean verify(byte[] signature, byte[] header, byte[] parent, byte[] metadata, byte[] content) {
        if (!enabled) {
            return true;
        }
        return MessageDigest.isEqual(sign(header, parent, metadata, content), signature);
    }
}
