package org.xtalkit.refine;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;

import java.util.Arrays;
import java.util.Random;

/**
 * Centroid outliers by the Minimum Covariance Determinant (FAST-MCD, Rousseeuw and Van Driessen
 * 1999), as DIALS' default "mcd" rejector for scans: the robust location and scatter of the 3D
 * residuals (X, Y, φ) come from the half of the data with the smallest covariance determinant;
 * a point whose squared Mahalanobis distance exceeds χ²₃(0.975) = 9.348 is an outlier.
 */
public final class FastMcd {
    /** χ² quantile at 0.975 for 3 degrees of freedom. */
    static final double CHI2_3_0975 = 9.348403604496148;
    /** Median of χ² with 3 degrees of freedom, for the consistency factor. */
    static final double CHI2_3_MEDIAN = 2.365973884375338;

    private FastMcd() {}

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
        int h = (n + 3 + 1) / 2;
        Random rnd = new Random(seed);
        double bestDet = Double.POSITIVE_INFINITY;
        int[] best = null;
        int[] candidates = new int[n];
        // initial subsets of p+1 = 4 points, two concentration steps each; keep the best
        int trials = Math.min(nTrials, 50 + n);
        for (int t = 0; t < trials; t++) {
            int[] subset = randomSubset(n, 4, rnd);
            double[] mean = mean(xyz, subset, subset.length);
            Mat3 cov = covariance(xyz, subset, subset.length, mean);
            if (cov.determinant() <= 1e-300) continue;
            int[] sel = subset;
            for (int step = 0; step < 2; step++) {
                sel = concentrate(xyz, mean, cov, h, candidates);
                mean = mean(xyz, sel, h);
                cov = covariance(xyz, sel, h, mean);
            }
            double det = cov.determinant();
            if (det > 0 && det < bestDet) { bestDet = det; best = sel.clone(); }
        }
        if (best == null) return out;
        // concentrate the best to convergence
        double[] mean = mean(xyz, best, h);
        Mat3 cov = covariance(xyz, best, h, mean);
        for (int step = 0; step < 100; step++) {
            int[] sel = concentrate(xyz, mean, cov, h, candidates);
            double[] m2 = mean(xyz, sel, h);
            Mat3 c2 = covariance(xyz, sel, h, m2);
            double d2 = c2.determinant();
            boolean done = d2 >= bestDet * (1 - 1e-12);
            mean = m2;
            cov = c2;
            bestDet = Math.min(bestDet, d2);
            if (done) break;
        }
        // consistency correction, then one reweighting step
        double[] d2 = distances(xyz, mean, cov.inverse());
        double[] sorted = d2.clone();
        Arrays.sort(sorted);
        double factor = sorted[n / 2] / CHI2_3_MEDIAN;
        cov = cov.times(factor);
        d2 = distances(xyz, mean, cov.inverse());
        int kept = 0;
        int[] keep = new int[n];
        for (int i = 0; i < n; i++) if (d2[i] <= CHI2_3_0975) keep[kept++] = i;
        if (kept > 4) {
            mean = mean(xyz, keep, kept);
            cov = covariance(xyz, keep, kept, mean);
            d2 = distances(xyz, mean, cov.inverse());
            Arrays.sort(sorted = d2.clone());
            cov = cov.times(sorted[n / 2] / CHI2_3_MEDIAN);
            d2 = distances(xyz, mean, cov.inverse());
        }
        for (int i = 0; i < n; i++) out[i] = d2[i] > CHI2_3_0975;
        return out;
    }

    private static int[] randomSubset(int n, int k, Random rnd) {
        int[] s = new int[k];
        for (int i = 0; i < k; i++) {
            int c;
            boolean dup;
            do {
                c = rnd.nextInt(n);
                dup = false;
                for (int j = 0; j < i; j++) dup |= s[j] == c;
            } while (dup);
            s[i] = c;
        }
        return s;
    }

    /** The h points closest in Mahalanobis distance (a C-step); primitive sort, no boxing. */
    private static int[] concentrate(double[] xyz, double[] mean, Mat3 cov, int h, int[] scratch) {
        double[] d = distances(xyz, mean, cov.inverse());
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        double cut = sorted[h - 1];
        int[] sel = new int[h];
        int k = 0;
        for (int i = 0; i < d.length && k < h; i++) if (d[i] < cut) sel[k++] = i;
        for (int i = 0; i < d.length && k < h; i++) if (d[i] == cut) sel[k++] = i;
        return sel;
    }

    private static double[] distances(double[] xyz, double[] mean, Mat3 inv) {
        int n = xyz.length / 3;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            Vec3 v = new Vec3(xyz[3 * i] - mean[0], xyz[3 * i + 1] - mean[1], xyz[3 * i + 2] - mean[2]);
            d[i] = v.dot(inv.times(v));
        }
        return d;
    }

    private static double[] mean(double[] xyz, int[] rows, int count) {
        double[] m = new double[3];
        for (int i = 0; i < count; i++) for (int c = 0; c < 3; c++) m[c] += xyz[3 * rows[i] + c];
        for (int c = 0; c < 3; c++) m[c] /= count;
        return m;
    }

    private static Mat3 covariance(double[] xyz, int[] rows, int count, double[] mean) {
        double[] c = new double[9];
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++)
                    c[3 * a + b] += (xyz[3 * r + a] - mean[a]) * (xyz[3 * r + b] - mean[b]);
        }
        for (int k = 0; k < 9; k++) c[k] /= Math.max(1, count - 1);
        return new Mat3(c);
    }
}
