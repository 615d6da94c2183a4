package org.xtalkit.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** The DIALS regression files the display tests render (../shared beside the clone), and checks on rendered HTML. */
public final class Fixtures {
    private Fixtures() {}

    public static Path quartz(String file) {
        Path p = Path.of(System.getProperty("xtalkit.shared", "../shared"), "data", "quartz_processed", file);
        assertTrue(Files.isRegularFile(p), "fixture missing: " + p);
        return p;
    }

    private static final Pattern IMG = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"");

    /** Every inline PNG of an HTML fragment, decoded. */
    public static List<BufferedImage> images(String html) {
        List<BufferedImage> out = new ArrayList<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            try {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
                assertNotNull(img, "an inline image is not a PNG ImageIO can read");
                out.add(img);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The inline plots decode and have the house size. */
    public static void assertCharts(String html, int expected) {
        List<BufferedImage> imgs = images(html);
        assertEquals(expected, imgs.size(), "inline plots");
        for (BufferedImage i : imgs) {
            assertEquals(Charts.WIDTH, i.getWidth());
            assertEquals(Charts.HEIGHT, i.getHeight());
        }
    }
}
