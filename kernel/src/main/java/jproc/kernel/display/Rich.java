package jproc.kernel.display;

/**
 * Content of one MIME type, as returned by {@link Display#html(String)} and friends; shown richly when it is the
 * value of a cell or passed to {@link Display#display(Object)}.
 *
 * @param mimeType  e.g. {@code text/html}
 * @param content   the content (base64 text for binary types)
 * @param plainText what text-only frontends show
 */
public record Rich(String mimeType, String content, String plainText) {
    /** The bundle of this content. */
    public MimeBundle bundle() {
        return MimeBundle.of(mimeType, content, plainText);
    }

    @Override
    public String toString() {
        return plainText;
    }
}
