package jproc.magics.support;

import java.util.LinkedHashMap;
import java.util.Map;

import jproc.kernel.display.MimeBundle;
import jproc.magics.view.View;

/** Views as the kernel's MIME bundles. */
public final class Bundles {
    private Bundles() {
    }

    /** The view's forms: SVG or HTML first, always {@code text/plain}. */
    public static MimeBundle of(View v) {
        Map<String, Object> data = new LinkedHashMap<>(v.mimeBundle());
        return new MimeBundle(data, Map.of());
    }
}
