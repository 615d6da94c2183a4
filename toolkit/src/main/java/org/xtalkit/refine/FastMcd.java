package org.xtalkit.refine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Centroid outliers by the Minimum Covariance Determinant (FAST-MCD, Rousseeuw and Van Driessen
 * 1999), as DIALS' default "mcd" rejector for scans: the robust location and scatter of the 3D
 * residuals (X, Y, φ) come from the half of the data with the smallest covariance determinant;
 * a point whose squared Mahalanobis distance exceeds χ²₃(0.975) = 9.348 is an outlier.
 *
 * <p>Small sets (n &lt; 600) run every trial on all the data; larger ones, as DIALS, run the trials in
 * up to 5 disjoint groups of 300 drawn at random, merge the 10 best of each group on the pooled
 * sample, and finish the best on the whole set. The raw scatter is made consistent at the normal
 * model (median distance = median of χ²₃) and reweighted once.
 */
public final class FastMcd {
    /** χ² quantile at 0.975 for 3 degrees of freedom. */
    static final double CHI2_3_0975 = 9.348403604496148;
    /** Median of χ² with 3 degrees of freedom, for the consistency factor. */
    static final double CHI2_3_MEDIAN = 2.365973884375338;
    private static final int MIN_GROUP = 300, MAX_GROUPS = 5, K1 = 2, K2 = 2, K3 = 100;

    private FastMcd() {}

    /** A location, scatter and the determinant of the scatter. */
    private record Fit(double[] mean, double[] cov, double det) {}

    /**
     * Flags outliers among n 3-vectors (flat xyz, 3n).
     *
     * @param seed    the random subsets are drawn from it: results are reproducible
     * @param nTrials initial (p+1)-subsets tried (DIALS: 500)
     */
    public static boolean[] outliers(double[] xyz, long seed, int nTrials) {
        int n = xyz.length / 3;
        boolean[] out = new boolean[n];
        if (n < 20) return out; // DIALS' min_num_obs: too few to judge
        Random rnd = new Random(seed);
        int h = (n + 3 + 1) / 2;
        Fit raw = n < 2 * MIN_GROUP ? small(xyz, h, nTrials, rnd) : large(xyz, h, nTrials, rnd);
        if (raw == null) return out;
        // consistency correction, then one reweighting step
        double[] cov = scaled(xyz, raw.mean(), raw.cov());
        double[] d2 = distances(xyz, raw.mean(), cov);
        int[] keep = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++) if (d2[i] <= CHI2_3_0975) keep[kept++] = i;
        if (kept > 4) {
            Fit w = fit(xyz, keep, kept);
            if (w.det() > 0) d2 = distances(xyz, w.mean(), scaled(xyz, w.mean(), w.cov()));
        }
        for (int i = 0; i < n; i++) out[i] = d2[i] > CHI2_3_0975;
        return out;
    }

    /** Trials on all the data, the 10 best concentrated to convergence. */
    private static Fit small(double[] xyz, int h, int nTrials, Random rnd) {
        List<Fit> trials = trials(xyz, allRows(xyz.length / 3), h, nTrials, rnd);
        return best(xyz, allRows(xyz.length / 3), h, trials, 10, K3);
    }

    private static Fit large(double[] xyz, int h, int nTrials, Random rnd) {
        int n = xyz.length / 3;
        int groups = Math.min(n / MIN_GROUP, MAX_GROUPS);
        int sampleSize = groups < MAX_GROUPS ? n : MIN_GROUP * MAX_GROUPS;
        int[] sample = permutation(n, rnd);
        sample = Arrays.copyOf(sample, sampleSize);
        double hFrac = (double) h / n;
        List<Fit> merged = new ArrayList<>();
        int at = 0;
        for (int g = 0; g < groups; g++) {
            int size = sampleSize / groups + (g < sampleSize % groups ? 1 : 0);
            int[] group = Arrays.copyOfRange(sample, at, at + size);
            at += size;
            List<Fit> t = trials(xyz, group, (int) (size * hFrac), nTrials / groups, rnd);
            merged.addAll(t.subList(0, Math.min(10, t.size())));
        }
        List<Fit> pooled = new ArrayList<>();
        int hPooled = (int) (sampleSize * hFrac);
        for (Fit f : merged) pooled.add(steps(xyz, sample, hPooled, f, K2));
        pooled.sort(Comparator.comparingDouble(Fit::det));
        long size = (long) n * 3;
        int k4 = size <= 100000 ? K3 : (int) Math.max(1, 11 - (size - 1) / 100000);
        return best(xyz, allRows(n), h, pooled, n > 5000 ? 1 : 10, k4);
    }

    /** Initial subsets (p+1 points, grown until the scatter is non-singular), K1 C-steps each; sorted by det. */
    private static List<Fit> trials(double[] xyz, int[] rows, int h, int nTrials, Random rnd) {
        List<Fit> out = new ArrayList<>();
        for (int t = 0; t < nTrials; t++) {
            int[] perm = permutation(rows.length, rnd);
            Fit f = null;
            for (int size = 4; size <= rows.length; size++) {
                int[] sub = new int[size];
                for (int i = 0; i < size; i++) sub[i] = rows[perm[i]];
                f = fit(xyz, sub, size);
                if (f.det() > 0) break;
            }
            if (f == null || !(f.det() > 0)) continue;
            out.add(steps(xyz, rows, h, f, K1 + 1));
        }
        out.sort(Comparator.comparingDouble(Fit::det));
        return out;
    }

    /** The best of the first {@code count} fits after at most {@code k} C-steps each (stopping when det stays). */
    private static Fit best(double[] xyz, int[] rows, int h, List<Fit> fits, int count, int k) {
        Fit best = null;
        for (int i = 0; i < Math.min(count, fits.size()); i++) {
            Fit f = fits.get(i);
            for (int s = 0; s < k; s++) {
                Fit g = steps(xyz, rows, h, f, 1);
                boolean same = g.det() >= f.det() * (1 - 1e-12);
                f = g;
                if (same) break;
            }
            if (f.det() > 0 && (best == null || f.det() < best.det())) best = f;
        }
        return best;
    }

    /** C-steps: the h rows closest in Mahalanobis distance, refitted. */
    private static Fit steps(double[] xyz, int[] rows, int h, Fit f, int k) {
        for (int s = 0; s < k && f.det() > 0; s++) {
            double[] d = distances(xyz, rows, f.mean(), f.cov());
            double[] sorted = d.clone();
            Arrays.sort(sorted);
            double cut = sorted[h - 1];
            int[] sel = new int[h];
            int m = 0;
            for (int i = 0; i < d.length && m < h; i++) if (d[i] < cut) sel[m++] = rows[i];
            for (int i = 0; i < d.length && m < h; i++) if (d[i] == cut) sel[m++] = rows[i];
            f = fit(xyz, sel, h);
        }
        return f;
    }

    /** The scatter scaled so that the median squared distance is the median of χ²₃. */
    private static double[] scaled(double[] xyz, double[] mean, double[] cov) {
        double[] d2 = distances(xyz, mean, cov);
        Arrays.sort(d2);
        double factor = d2[d2.length / 2] / CHI2_3_MEDIAN;
        double[] c = cov.clone();
        for (int k = 0; k < 9; k++) c[k] *= factor;
        return c;
    }

    private static int[] allRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    private static int[] permutation(int n, Random rnd) {
        int[] p = allRows(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1), t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double[] distances(double[] xyz, double[] mean, double[] cov) {
        return distances(xyz, allRows(xyz.length / 3), mean, cov);
    }

    /** Squared Mahalanobis distances of the rows (primitive 3×3 inverse, no allocation per row). */
    private static double[] distances(double[] xyz, int[] rows, double[] mean, double[] c) {
        double a = c[0], b = c[1], cc = c[2], d = c[3], e = c[4], f = c[5], g = c[6], hh = c[7], k = c[8];
        double det = a * (e * k - f * hh) - b * (d * k - f * g) + cc * (d * hh - e * g);
        double i00 = (e * k - f * hh) / det, i01 = (cc * hh - b * k) / det, i02 = (b * f - cc * e) / det;
        double i10 = (f * g - d * k) / det, i11 = (a * k - cc * g) / det, i12 = (cc * d - a * f) / det;
        double i20 = (d * hh - e * g) / det, i21 = (b * g - a * hh) / det, i22 = (a * e - b * d) / det;
        double[] out = new double[rows.length];
        for (int j = 0; j < rows.length; j++) {
            int r = 3 * rows[j];
            double x = xyz[r] - mean[0], y = xyz[r + 1] - mean[1], z = xyz[r + 2] - mean[2];
            out[j] = x * (i00 * x + i01 * y + i02 * z) + y * (i10 * x + i11 * y + i12 * z) + z * (i20 * x + i21 * y + i22 * z);
        }
        return out;
    }

    private static Fit fit(double[] xyz, int[] rows, int count) {
        double[] m = new double[3];
        for (int i = 0; i < count; i++) for (int c = 0; c < 3; c++) m[c] += xyz[3 * rows[i] + c];
        for (int c = 0; c < 3; c++) m[c] /= count;
        double[] cov = new double[9];
        for (int i = 0; i < count; i++) {
            int r = 3 * rows[i];
            double x = xyz[r] - m[0], y = xyz[r + 1] - m[1], z = xyz[r + 2] - m[2];
            cov[0] += x * x; cov[1] += x * y; cov[2] += x * z;
            cov[4] += y * y; cov[5] += y * z; cov[8] += z * z;
        }
        cov[3] = cov[1]; cov[6] = cov[2]; cov[7] = cov[5];
        for (int k = 0; k < 9; k++) cov[k] /= Math.max(1, count - 1);
        double det = cov[0] * (cov[4] * cov[8] - cov[5] * cov[7]) - cov[1] * (cov[3] * cov[8] - cov[5] * cov[6])
                + cov[2] * (cov[3] * cov[7] - cov[4] * cov[6]);
        return new Fit(m, cov, det);
    }
}
