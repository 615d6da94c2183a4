package org.xtalkit.spots;

import org.xtalkit.table.Shoebox;

/**
 * One strong spot as dials.find_spots reports it.
 *
 * @param panel     panel index
 * @param bbox      x0, x1, y0, y1, z0, z1 (half-open pixels and frames)
 * @param xyz       xyzobs.px.value: intensity-weighted centroid, pixel centres at +0.5
 * @param variance  xyzobs.px.variance: squared standard error of the centroid plus 1/12
 * @param intensity intensity.sum.value (raw sum of the strong pixels; its variance is the same)
 * @param nSignal   strong pixels in the region
 * @param peak      centre of the brightest pixel (the first in z, y, x order)
 * @param shoebox   data, mask (Valid | Foreground on the region) and zero background over bbox
 * @param firstKey  frame and index of the first pixel, for DIALS' order
 */
public record Spot(int panel, int[] bbox, double[] xyz, double[] variance, double intensity, int nSignal,
                   double[] peak, Shoebox shoebox, long firstKey) {

    /** Distance from the brightest pixel to the centroid, pixels (DIALS' max_separation filter). */
    public double peakCentroidDistance() {
        double dx = peak[0] - xyz[0], dy = peak[1] - xyz[1], dz = peak[2] - xyz[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
