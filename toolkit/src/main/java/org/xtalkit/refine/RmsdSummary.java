package org.xtalkit.refine;

/**
 * One row of DIALS' RMSD table: reflections used and the RMSDs of X, Y (pixels) and Z (images).
 */
public record RmsdSummary(int nref, double rmsdXpx, double rmsdYpx, double rmsdZimages) {

    /** RMSDs of residuals (mm, mm, rad) over the reflections with non-zero weight. */
    static RmsdSummary of(double[] residuals, double[] weights, double pixelSizeFast, double pixelSizeSlow,
                          double oscillationRad) {
        double sx = 0, sy = 0, sz = 0;
        int n = 0;
        for (int i = 0; i < residuals.length; i += 3) {
            if (weights[i] == 0) continue;
            sx += residuals[i] * residuals[i];
            sy += residuals[i + 1] * residuals[i + 1];
            sz += residuals[i + 2] * residuals[i + 2];
            n++;
        }
        if (n == 0) return new RmsdSummary(0, Double.NaN, Double.NaN, Double.NaN);
        return new RmsdSummary(n, Math.sqrt(sx / n) / pixelSizeFast, Math.sqrt(sy / n) / pixelSizeSlow,
                Math.sqrt(sz / n) / oscillationRad);
    }
}
