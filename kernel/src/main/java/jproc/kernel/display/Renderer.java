package jproc.kernel.display;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.function.Function;

/**
 * Renders values to {@link MimeBundle}s: bundles and {@link Rich} content as they are, images as PNG, everything
 * else as text (JShell's form: strings quoted, arrays listed).
 */
public final class Renderer {
    private final Function<Object, String> plainText;

    /** @param plainText the text form of a value */
    public Renderer(Function<Object, String> plainText) {
        this.plainText = plainText;
    }

    /** The bundle for a value. */
    public MimeBundle render(Object value) {
        if (value instanceof MimeBundle b) {
            return b;
        }
        if (value instanceof Rich r) {
            return r.bundle();
        }
        if (value instanceof RenderedImage image) {
            return MimeBundle.of("image/png", png(image), plainText.apply(value));
        }
        return MimeBundle.text(plainText.apply(value));
    }

    static String png(RenderedImage image) {
        var bytes = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the image as PNG: " + e.getMessage(), e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
