package org.xtalkit.spots;

import java.util.List;

/**
 * DIALS' spotfinder.filter masking parameters (dials.util.masking).
 *
 * @param border             pixels masked around the edge of every panel
 * @param dMin               pixels at higher resolution (d &lt; d_min) are masked, or null
 * @param dMax               pixels at lower resolution (d &gt; d_max) are masked, or null
 * @param resolutionRanges   untrusted resolution ranges (d1, d2) in Å
 * @param untrusted          untrusted regions
 * @param iceRings           ice_rings.filter
 * @param iceRingWidth       ice_rings.width, in 1/d^2
 * @param iceRingDMin        ice_rings.d_min, or null for the panel's corner resolution
 * @param iceCell            ice_rings.unit_cell (hexagonal ice, P6_3/mmc)
 * @param disableParallax    resolution masks without parallax correction
 */
public record MaskParams(int border, Double dMin, Double dMax, List<double[]> resolutionRanges,
                         List<Untrusted> untrusted, boolean iceRings, double iceRingWidth, Double iceRingDMin,
                         double[] iceCell, boolean disableParallax) {

    public MaskParams {
        resolutionRanges = List.copyOf(resolutionRanges);
        untrusted = List.copyOf(untrusted);
        iceCell = iceCell.clone();
        if (border < 0) throw new IllegalArgumentException("border must be >= 0, got " + border);
    }

    public static MaskParams defaults() {
        return new MaskParams(0, null, null, List.of(), List.of(), false, 0.002, null,
                new double[] {4.498, 4.498, 7.338, 90, 90, 120}, false);
    }

    /**
     * One untrusted region of DIALS' untrusted scope; with neither circle, rectangle nor pixel the
     * whole panel is untrusted.
     *
     * @param panel     panel index
     * @param circle    xc, yc, r (pixels), or null
     * @param rectangle x0, x1, y0, y1 (half-open), or null
     * @param pixel     y, x, or null
     */
    public record Untrusted(int panel, int[] circle, int[] rectangle, int[] pixel) {}

    public boolean needsResolution() {
        return dMin != null || dMax != null || !resolutionRanges.isEmpty() || iceRings;
    }
}
