package org.xtalkit.integrate;

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

    Shoebox toShoebox(float[] background) {
        return new Shoebox(panel, bbox, data, mask, background);
    }
}
