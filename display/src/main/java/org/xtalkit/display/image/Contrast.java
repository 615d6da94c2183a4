package org.xtalkit.display.image;

import java.util.Arrays;
import java.util.Locale;
import org.xtalkit.XtalException;

/**
 * From counts to grey levels as dials.image_viewer does. Its default is "brightness" 10 on a slider
 * of 1..1000: the 90th percentile p90 of the valid pixels sets the scale, a pixel of value v gets
 * grey 256·(1 − v·c) with c = (brightness/100)·0.4/p90 (clamped to 0..255; white background, dark
 * spots, black from 25·p90 at the default). "min/max" maps [min, max] linearly onto white..black.
 * Colour schemes as its menu: grayscale (default), inverted, heatmap, rainbow; masked pixels and
 * overloads get their own colours.
 *
 * @param scale  counts → darkness factor c (grey = 256(1 − (v − offset)·c))
 * @param offset counts at white
 * @param scheme colour scheme
 */
public record Contrast(double scale, double offset, Scheme scheme) {
    public enum Scheme { GRAYSCALE, INVERTED, HEATMAP, RAINBOW }

    /** dials.image_viewer's default brightness. */
    public static final double DEFAULT_BRIGHTNESS = 10;

    static final int MASKED = 0xF5C8C8, OVERLOAD = 0xFFE800, OUTSIDE = 0xEDEDED;

    /** DIALS' brightness rule on the valid pixels given (a sample of the image is enough). */
    public static Contrast brightness(double brightness, int[] validValues, int n, Scheme scheme) {
        if (!(brightness > 0)) throw new XtalException("brightness=" + brightness + ": expected a positive value (dials.image_viewer's default is 10)");
        double p90 = percentile90(validValues, n);
        return new Contrast(brightness / 100 * 0.4 / Math.max(p90, 1), 0, scheme);
    }

    /** A linear ramp: min white, max black (grayscale). */
    public static Contrast minMax(double min, double max, Scheme scheme) {
        if (!(max > min)) throw new XtalException(String.format(Locale.ROOT, "min=%g, max=%g: expected max > min", min, max));
        return new Contrast(1.0 / (max - min), min, scheme);
    }

    static double percentile90(int[] v, int n) {
        if (n == 0) return 1;
        int[] s = Arrays.copyOf(v, n);
        Arrays.sort(s);
        return s[(int) Math.min(n - 1, Math.floor(0.9 * n))];
    }

    public static Scheme scheme(String name) {
        try {
            return Scheme.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new XtalException("colour scheme '" + name + "': expected grayscale, inverted, heatmap or rainbow");
        }
    }

    /** RGB of a pixel value. */
    public int rgb(double v) {
        double g = 256 * (1 - (v - offset) * scale);
        int grey = (int) Math.max(0, Math.min(255, g));
        return switch (scheme) {
            case GRAYSCALE -> grey * 0x010101;
            case INVERTED -> (255 - grey) * 0x010101;
            case HEATMAP -> heat((255 - grey) / 255.0);
            case RAINBOW -> java.awt.Color.HSBtoRGB((float) (0.75 * Math.sqrt(grey / 255.0)), 1f, grey == 255 ? 0f : 1f) & 0xFFFFFF;
        };
    }

    /** Black through red and yellow to white with rising signal. */
    private static int heat(double t) {
        int r = (int) (255 * Math.min(1, 3 * t)), g = (int) (255 * Math.max(0, Math.min(1, 3 * t - 1))), b = (int) (255 * Math.max(0, Math.min(1, 3 * t - 2)));
        return (r << 16) | (g << 8) | b;
    }
}
