package org.xtalkit.integrate;

import org.xtalkit.table.MaskCode;


/**
 * Background and summation of one shoebox, as DIALS: the background from the chosen model (by default
 * the robust GLM, constant over the shoebox), then I = Σ(c − b) over the foreground with DIALS' variance
 * |I| + |B|(1 + n_fg/n_bg).
 */
final class BackgroundAndSum {

    /** What summation found; ok false with a reason when the reflection could not be summed. */
    record Result(boolean ok, String failure, double background, double intensity, double variance,
                  double backgroundSum, double backgroundSumVariance, int nForeground, int nBackground, int nValid,
                  double[] centroid, double[] centroidVariance, BackgroundFit fit) {}

    private BackgroundAndSum() {}

    /** The robust GLM background, DIALS' default. */
    static Result process(ReflectionPixels r, float[] background) {
        return process(r, background, Background.GLM);
    }

    /** Computes the background (stored in {@code background}) with the given model and the summed intensity. */
    static Result process(ReflectionPixels r, float[] background, Background model) {
        int n = r.data.length;
        int nValid = 0;
        for (int m : r.mask) if ((m & MaskCode.VALID) != 0) nValid++;
        BackgroundFit fit = model.fit(r);
        int nb = 0;
        double usedSum = 0;
        for (int i = 0; i < n; i++) if ((r.mask[i] & MaskCode.BACKGROUND_USED) != 0) { nb++; usedSum += r.data[i]; }
        if (fit == null) return failed("background", nb, nValid);
        int nx = r.bbox[1] - r.bbox[0], ny = r.bbox[3] - r.bbox[2];
        fit.fill(nx, ny, r.bbox[5] - r.bbox[4], background);
        // background.mean: the modelled constant (glm), the mean of the pixels used (simple), as DIALS reports them
        double mean = model.algorithm().equals("glm") ? fit.coef()[0] : nb > 0 ? usedSum / nb : 0;

        double sumP = 0, sumB = 0;
        int nf = 0;
        boolean bad = false;
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
            return new Result(false, "foreground", mean, intensity, variance, sumB, bgVariance, nf, nb, nValid, centroid, cvar, fit);
        return new Result(true, null, mean, intensity, variance, sumB, bgVariance, nf, nb, nValid, centroid, cvar, fit);
    }

    private static Result failed(String why, int nb, int nValid) {
        return new Result(false, why, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, nb, nValid, null, null, null);
    }
}
