package org.xtalkit.integrate;

import org.xtalkit.table.Flag;
import org.xtalkit.table.MaskCode;
import org.xtalkit.table.Shoebox;

/**
 * A reflection's shoebox while the images stream past: counts and mask codes filled image by
 * image over its bbox (z, y, x order, x fastest), then turned into a {@link Shoebox}.
 */
final class ReflectionPixels {
    final int row, panel;
    final int[] bbox;
    final float[] data;
    final int[] mask;
    boolean overloaded;

    ReflectionPixels(int row, int panel, int[] bbox) {
        this.row = row;
        this.panel = panel;
        this.bbox = bbox;
        int n = (bbox[1] - bbox[0]) * (bbox[3] - bbox[2]) * (bbox[5] - bbox[4]);
        this.data = new float[n];
        this.mask = new int[n];
    }

    /**
     * Copy this reflection's part of one image: pixels off the panel, masked, or outside the
     * trusted range are left invalid; counts at or above the trusted maximum mark an overload.
     */
    void fill(int frame, int[] image, boolean[] staticMask, int width, int height, double trustedMin, double trustedMax) {
        int x0 = bbox[0], x1 = bbox[1], y0 = bbox[2], y1 = bbox[3];
        int nx = x1 - x0, ny = y1 - y0;
        int base = (frame - bbox[4]) * nx * ny;
        for (int y = y0; y < y1; y++) {
            if (y < 0 || y >= height) continue;
            int rowOut = base + (y - y0) * nx, rowIn = y * width;
            for (int x = Math.max(x0, 0); x < Math.min(x1, width); x++) {
                int v = image[rowIn + x];
                int o = rowOut + x - x0;
                data[o] = v;
                if (staticMask != null && !staticMask[rowIn + x]) continue;
                if (v <= trustedMin) continue;
                if (v >= trustedMax) { overloaded = true; continue; }
                mask[o] = MaskCode.VALID;
            }
        }
    }

    /**
     * DIALS' pixel inspection once the mask is set: background_includes_bad_pixels,
     * foreground_includes_bad_pixels, overlapped_bg, overlapped_fg as flag bits.
     */
    long inspect() {
        long f = 0;
        for (int m : mask) {
            boolean valid = (m & MaskCode.VALID) != 0, overlapped = (m & MaskCode.OVERLAPPED) != 0;
            if ((m & MaskCode.BACKGROUND) != 0) {
                if (!valid) f |= Flag.BACKGROUND_INCLUDES_BAD_PIXELS.bits;
                if (overlapped) f |= Flag.OVERLAPPED_BG.bits;
            }
            if ((m & MaskCode.FOREGROUND) != 0) {
                if (!valid) f |= Flag.FOREGROUND_INCLUDES_BAD_PIXELS.bits;
                if (overlapped) f |= Flag.OVERLAPPED_FG.bits;
            }
        }
        return f;
    }

    /** Valid foreground pixels over all foreground pixels (1 without foreground). */
    double validForegroundFraction() {
        int fg = 0, valid = 0;
        for (int m : mask) if ((m & MaskCode.FOREGROUND) != 0) {
            fg++;
            if ((m & MaskCode.VALID) != 0) valid++;
        }
        return fg == 0 ? 1 : (double) valid / fg;
    }

    Shoebox toShoebox(float[] background) {
        return new Shoebox(panel, bbox, data, mask, background);
    }
}
