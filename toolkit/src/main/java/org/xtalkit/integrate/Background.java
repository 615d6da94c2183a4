package org.xtalkit.integrate;

import org.xtalkit.XtalException;
import org.xtalkit.table.MaskCode;

import java.util.Arrays;

/**
 * The background of a shoebox from its background pixels (valid, not overlapped), as DIALS offers it:
 * "glm" (default for pixel-array detectors) — the robust Poisson mean, constant over the shoebox —
 * or "simple" — an outlier rejection (null, nsigma, truncated, tukey) then a least-squares model
 * (constant2d, constant3d, linear2d, linear3d). The pixels used are marked background_used.
 *
 * @param algorithm background.algorithm: glm or simple
 * @param model     background.simple.model.algorithm (glm: constant3d)
 * @param outlier   background.simple.outlier.algorithm
 * @param lower     lower bound of the outlier rule (nsigma: σ, truncated: fraction, tukey: IQR multiplier)
 * @param upper     upper bound likewise
 * @param minPixels fewest background pixels a fit may use
 */
public record Background(String algorithm, String model, String outlier, double lower, double upper, int minPixels) {
    public static final Background GLM = new Background("glm", "constant3d", "null", 0, 0, 10);
    private static final int BG = MaskCode.VALID | MaskCode.BACKGROUND;
    private static final double HUBER = 1.345;

    public Background {
        if (!algorithm.equals("glm") && !algorithm.equals("simple"))
            throw new XtalException("background.algorithm=" + algorithm + ": expected glm or simple");
        if (!Arrays.asList("constant2d", "constant3d", "linear2d", "linear3d").contains(model)
                || algorithm.equals("glm") && !model.equals("constant3d"))
            throw new XtalException("background model " + model + ": expected " + (algorithm.equals("glm") ? "constant3d for glm"
                    : "constant2d, constant3d, linear2d or linear3d"));
        if (!Arrays.asList("null", "nsigma", "truncated", "tukey").contains(outlier))
            throw new XtalException("background.simple.outlier.algorithm=" + outlier + ": expected null, nsigma, truncated or tukey");
    }

    /** DIALS' defaults of each outlier rule's bounds. */
    public static Background simple(String model, String outlier) {
        double bound = switch (outlier) {
            case "nsigma" -> 3;
            case "truncated" -> 0.01;
            case "tukey" -> 1.5;
            default -> 0;
        };
        return new Background("simple", model, outlier, bound, bound, 10);
    }

    /** Fits the shoebox's background and marks the pixels used; null when it cannot be fitted. */
    BackgroundFit fit(ReflectionPixels r) {
        int n = r.data.length, nb = 0;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            int m = r.mask[i];
            if ((m & BG) == BG && (m & MaskCode.OVERLAPPED) == 0) idx[nb++] = i;
        }
        if (algorithm.equals("glm")) return glm(r, idx, nb);
        int used = reject(r, idx, nb);
        if (used < minPixels) return null;
        return model(r, idx, used);
    }

    private BackgroundFit glm(ReflectionPixels r, int[] idx, int nb) {
        if (nb < minPixels) return null;
        double[] y = new double[nb];
        for (int i = 0; i < nb; i++) y[i] = r.data[idx[i]];
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double median = sorted[nb / 2] == 0 ? 1.0 : sorted[nb / 2]; // DIALS starts at 1 when the median is 0
        double mean = RobustPoissonMean.mean(y, nb, median, HUBER, 1e-3, 100);
        if (!Double.isFinite(mean)) return null;
        for (int i = 0; i < nb; i++) r.mask[idx[i]] |= MaskCode.BACKGROUND_USED;
        return BackgroundFit.constant(mean);
    }

    /** Keeps the candidates the outlier rule accepts at the front of idx, marks them used; returns their number. */
    private int reject(ReflectionPixels r, int[] idx, int nb) {
        double lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
        int from = 0, to = nb;
        switch (outlier) {
            case "nsigma" -> {
                if (nb < 2) return 0;
                double mean = 0, ss = 0;
                for (int i = 0; i < nb; i++) mean += r.data[idx[i]];
                mean /= nb;
                for (int i = 0; i < nb; i++) ss += (r.data[idx[i]] - mean) * (r.data[idx[i]] - mean);
                double sigma = Math.sqrt(ss / (nb - 1));
                lo = mean - lower * sigma;
                hi = mean + upper * sigma;
            }
            case "tukey" -> {
                if (nb < 3) return 0;
                double[] v = new double[nb];
                for (int i = 0; i < nb; i++) v[i] = r.data[idx[i]];
                Arrays.sort(v);
                int mid = nb / 2;
                double q1 = v[mid / 2], q3 = v[mid + (nb - mid) / 2], iqr = q3 - q1;
                lo = q1 - lower * iqr;
                hi = q3 + upper * iqr;
            }
            case "truncated" -> {
                // drop a fraction of the lowest and of the highest counts (DIALS: lower·n/2 and upper·n/2)
                Integer[] order = new Integer[nb];
                for (int i = 0; i < nb; i++) order[i] = idx[i];
                Arrays.sort(order, (a, b) -> Float.compare(r.data[a], r.data[b]));
                for (int i = 0; i < nb; i++) idx[i] = order[i];
                from = (int) (lower * nb / 2.0);
                to = nb - (int) (upper * nb / 2.0);
            }
            default -> { }
        }
        int kept = 0;
        for (int i = from; i < to; i++) {
            int p = idx[i];
            if (r.data[p] < lo || r.data[p] > hi) continue;
            r.mask[p] |= MaskCode.BACKGROUND_USED;
            idx[kept++] = p;
        }
        return kept;
    }

    /** Least squares of the model over the used pixels (idx[0..used)); null when under-determined or negative. */
    private BackgroundFit model(ReflectionPixels r, int[] idx, int used) {
        int nx = r.bbox[1] - r.bbox[0], ny = r.bbox[3] - r.bbox[2], nz = r.bbox[5] - r.bbox[4];
        int terms = switch (model) {
            case "constant2d", "constant3d" -> 1;
            case "linear2d" -> 3;
            default -> 4;
        };
        boolean perFrame = model.endsWith("2d");
        int groups = perFrame ? nz : 1;
        double[] coef = new double[groups * terms];
        double mean = 0;
        for (int g = 0; g < groups; g++) {
            double[] a = new double[terms * terms], b = new double[terms], f = new double[terms];
            int count = 0;
            for (int q = 0; q < used; q++) {
                int p = idx[q], k = p / (nx * ny);
                if (perFrame && k != g) continue;
                basis(p % nx, (p / nx) % ny, k, terms, f);
                for (int u = 0; u < terms; u++) {
                    b[u] += f[u] * r.data[p];
                    for (int v = 0; v < terms; v++) a[u * terms + v] += f[u] * f[v];
                }
                count++;
            }
            if (count <= terms) return null; // DIALS needs more pixels than parameters on every frame
            double[] x = solve(a, b, terms);
            if (x == null) return null;
            System.arraycopy(x, 0, coef, g * terms, terms);
        }
        BackgroundFit fit = new BackgroundFit(model, coef);
        for (int q = 0; q < used; q++) mean += r.data[idx[q]];
        if (mean < 0) return null;
        return fit;
    }

    private static void basis(int i, int j, int k, int terms, double[] f) {
        f[0] = 1;
        if (terms >= 3) { f[1] = i + 0.5; f[2] = j + 0.5; }
        if (terms == 4) f[3] = k + 0.5;
    }

    /** Solves the small symmetric system a·x = b by Gaussian elimination with pivoting; null when singular. */
    private static double[] solve(double[] a, double[] b, int n) {
        a = a.clone();
        b = b.clone();
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]) > Math.abs(a[piv * n + c])) piv = r;
            if (Math.abs(a[piv * n + c]) < 1e-12) return null;
            if (piv != c) {
                for (int k = 0; k < n; k++) { double t = a[c * n + k]; a[c * n + k] = a[piv * n + k]; a[piv * n + k] = t; }
                double t = b[c]; b[c] = b[piv]; b[piv] = t;
            }
            for (int r = c + 1; r < n; r++) {
                double m = a[r * n + c] / a[c * n + c];
                for (int k = c; k < n; k++) a[r * n + k] -= m * a[c * n + k];
                b[r] -= m * b[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) s -= a[r * n + k] * x[k];
            x[r] = s / a[r * n + r];
        }
        return x;
    }
}
