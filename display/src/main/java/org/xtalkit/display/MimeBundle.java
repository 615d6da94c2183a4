package org.xtalkit.display;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a display produces: the same content in several MIME types (Jupyter's display data).
 * Binary types (image/png) hold base64 text, as Jupyter expects them.
 *
 * @param data MIME type -> content, in order of preference
 */
public record MimeBundle(Map<String, String> data) {
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";

    public MimeBundle {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static MimeBundle text(String text) { return new MimeBundle(Map.of(TEXT, text)); }

    public static MimeBundle html(String html, String text) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        m.put(HTML, html);
        m.put(TEXT, text);
        return new MimeBundle(m);
    }

    public static MimeBundle png(byte[] png, String text) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        m.put(PNG, Base64.getEncoder().encodeToString(png));
        m.put(TEXT, text);
        return new MimeBundle(m);
    }

    public String get(String mime) { return data.get(mime); }
}
