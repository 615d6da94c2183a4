package org.xtalkit.integrate;

import org.xtalkit.table.MaskCode;

import java.util.Arrays;

/**
 * Background and summation of one shoebox, as DIALS' defaults for pixel-array detectors: a constant
 * background over the whole shoebox from the robust Poisson GLM (Huber 1.345, starting at the median,
 * at least 10 background pixels), then I = Σ(c − b) over the foreground with DIALS' variance
 * |I| + |B|(1 + n_fg/n_bg).
 */
final class BackgroundAndSum {
    static final int MIN_BACKGROUND_PIXELS = 10;
    static final double TUNING = 1.345;

    /** What summation found; ok false with a reason when the reflection could not be summed. */
    record Result(boolean ok, String failure, double background, double intensity, double variance,
                  double backgroundSum, double backgroundSumVariance, int nForeground, int nBackground, int nValid,
                  double[] centroid, double[] centroidVariance) {}

    private BackgroundAndSum() {}

    /** Computes the background (stored in {@code background}) and the summed intensity. */
    static Result process(ReflectionPixels r, float[] background) {
        int n = r.data.length;
        double[] y = new double[n];
        int nb = 0, nValid = 0;
        int bgCode = MaskCode.VALID | MaskCode.BACKGROUND;
        for (int i = 0; i < n; i++) {
            int m = r.mask[i];
            if ((m & MaskCode.VALID) != 0) nValid++;
            if ((m & bgCode) == bgCode && (m & MaskCode.OVERLAPPED) == 0) y[nb++] = r.data[i];
        }
        if (nb < MIN_BACKGROUND_PIXELS)
            return failed("background", nb, nValid);
        double[] sorted = Arrays.copyOf(y, nb);
        Arrays.sort(sorted);
        double median = sorted[nb / 2] == 0 ? 1.0 : sorted[nb / 2]; // DIALS starts at 1 when the median is 0
        double mean = RobustPoissonMean.mean(y, nb, median, TUNING, 1e-3, 100);
        if (!Double.isFinite(mean)) return failed("background", nb, nValid);
        Arrays.fill(background, (float) mean);
        for (int i = 0; i < n; i++) if ((r.mask[i] & bgCode) == bgCode && (r.mask[i] & MaskCode.OVERLAPPED) == 0)
            r.mask[i] |= MaskCode.BACKGROUND_USED;

        double sumP = 0, sumB = 0;
        int nf = 0;
        boolean bad = false;
        int nx = r.bbox[1] - r.bbox[0], ny = r.bbox[3] - r.bbox[2];
        double cx = 0, cy = 0, cz = 0, cw = 0, cxx = 0, cyy = 0, czz = 0;
        for (int i = 0; i < n; i++) {
            int m = r.mask[i];
            if ((m & MaskCode.FOREGROUND) == 0) continue;
            if ((m & MaskCode.VALID) == 0 || (m & MaskCode.OVERLAPPED) != 0) { bad = true; continue; }
            sumP += r.data[i];
            sumB += background[i];
            nf++;
            double w = r.data[i] - background[i];
            if (w > 0) {
                int x = i % nx, yy = (i / nx) % ny, z = i / (nx * ny);
                double px = r.bbox[0] + x + 0.5, py = r.bbox[2] + yy + 0.5, pz = r.bbox[4] + z + 0.5;
                cx += w * px; cy += w * py; cz += w * pz; cw += w;
                cxx += w * px * px; cyy += w * py * py; czz += w * pz * pz;
            }
        }
        double[] centroid = null, cvar = null;
        if (cw > 0) {
            centroid = new double[] {cx / cw, cy / cw, cz / cw};
            cvar = new double[] {Math.max(cxx / cw - centroid[0] * centroid[0], 0) / cw,
                    Math.max(cyy / cw - centroid[1] * centroid[1], 0) / cw, Math.max(czz / cw - centroid[2] * centroid[2], 0) / cw};
        }
        double intensity = sumP - sumB;
        double mn = nb > 0 ? (double) nf / nb : 0;
        double variance = Math.abs(intensity) + Math.abs(sumB) * (1 + mn);
        double bgVariance = Math.abs(sumB) * (1 + mn);
        if (bad || nf == 0)
            return new Result(false, "foreground", mean, intensity, variance, sumB, bgVariance, nf, nb, nValid, centroid, cvar);
        return new Result(true, null, mean, intensity, variance, sumB, bgVariance, nf, nb, nValid, centroid, cvar);
    }

    private static Result failed(String why, int nb, int nValid) {
        return new Result(false, why, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, nb, nValid, null, null);
    }
}
