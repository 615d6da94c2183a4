package org.xtalkit.table;

import java.util.Arrays;

/**
 * The pixels around one reflection, as DIALS' Shoebox: a 3D box (z, y, x order, x fastest) of
 * counts, mask codes and background over the bounding box.
 *
 * @param panel      panel index
 * @param bbox       x0, x1, y0, y1, z0, z1 (half-open, pixels and frames)
 * @param data       counts, (z1-z0)*(y1-y0)*(x1-x0) values, or empty when not allocated
 * @param mask       mask codes per pixel ({@link MaskCode}), same length as data or empty
 * @param background background per pixel, same length as data or empty
 */
public record Shoebox(int panel, int[] bbox, float[] data, int[] mask, float[] background) {

    public Shoebox {
        if (bbox.length != 6) throw new IllegalArgumentException("a bbox has 6 values, got " + bbox.length);
    }

    public int xSize() { return bbox[1] - bbox[0]; }
    public int ySize() { return bbox[3] - bbox[2]; }
    public int zSize() { return bbox[5] - bbox[4]; }
    public int volume() { return xSize() * ySize() * zSize(); }
    public boolean isAllocated() { return data.length > 0; }

    /** Number of pixels whose mask has all the given bits. */
    public int count(int bits) {
        int n = 0;
        for (int m : mask) if ((m & bits) == bits) n++;
        return n;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Shoebox s && s.panel == panel && Arrays.equals(s.bbox, bbox) && Arrays.equals(s.data, data)
                && Arrays.equals(s.mask, mask) && Arrays.equals(s.background, background);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(bbox) + Arrays.hashCode(data); }
}
