package jproc.kernel.display;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value rendered for Jupyter: MIME type to content ({@code text/plain}, {@code text/html}, {@code image/png} as
 * base64, {@code image/svg+xml}, {@code text/markdown}), plus per-type metadata.
 *
 * @param data     MIME type to content; always has {@code text/plain}
 * @param metadata MIME type (or key) to metadata, often empty
 */
public record MimeBundle(Map<String, Object> data, Map<String, Object> metadata) {
    public MimeBundle {
        var d = new LinkedHashMap<String, Object>(data);
        d.putIfAbsent("text/plain", "");
        data = java.util.Collections.unmodifiableMap(d);
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A bundle with only plain text. */
    public static MimeBundle text(String text) {
        return new MimeBundle(Map.of("text/plain", text), Map.of());
    }

    /** A bundle with one rich type and a plain-text fallback. */
    public static MimeBundle of(String mimeType, Object content, String plainText) {
        var d = new LinkedHashMap<String, Object>();
        d.put(mimeType, content);
        d.putIfAbsent("text/plain", plainText);
        return new MimeBundle(d, Map.of());
    }

    /** The plain-text form. */
    public String plainText() {
        return String.valueOf(data.get("text/plain"));
    }
}
