package org.xtalkit.merge;

import java.util.Arrays;

/**
 * French & Wilson (1978) amplitudes from merged intensities, as dials.merge does it (its "dials"
 * implementation): a Wilson prior whose mean intensity ⟨I⟩(d*³) is the standardised median
 * (median/ln 2) of ~60 equal-count shells interpolated linearly between shell centres; posterior
 * moments of J = |F|² and |F| for acentric (exponential prior) and centric (χ²₁ prior) reflections.
 *
 * <p>In units of σ the posterior depends on one number, h = I/σ − σ/Σ (acentric) or
 * I/σ − σ/(2Σ) (centric). Below h = 3 (acentric) or 4 (centric) the moments come from a table on
 * h = −4, −3.9, ... interpolated linearly, as DIALS does; we integrate that table ourselves to full
 * precision (cctbx ships it rounded to three decimals, and its centric moments are up to 0.004
 * off the exact integrals, so our weak-reflection F differ from DIALS' by up to ~1 %). Above,
 * the asymptotic forms. Reflections
 * with I/σ < −3.7 or h < −4 are rejected (F = NaN), as are σ ≤ 0 with I ≤ 0.
 */
public final class FrenchWilson {
    private FrenchWilson() {}

    private static final double H_MIN = -4;
    // columns: E[J], sd(J), E[F], sd(F) in units of σ (J) and √σ (F)
    private static final double[][] ACENTRIC = table(false, 71);
    private static final double[][] CENTRIC = table(true, 81);

    /** Amplitudes: out[0][i] = F, out[1][i] = σ(F), out[2][i] = J, out[3][i] = σ(J); NaN where rejected. */
    public static double[][] amplitudes(double[] intensity, double[] sigma, boolean[] centric, double[] dStarCubed) {
        int n = intensity.length;
        double[] expected = expectedIntensities(dStarCubed, intensity);
        double[][] out = new double[4][n];
        for (double[] o : out) Arrays.fill(o, Double.NaN);
        for (int i = 0; i < n; i++) {
            double I = intensity[i], s = sigma[i], e = expected[i];
            if (s <= 0 && (I <= 0 || s < 0)) continue;
            if (e == 0 || s == 0) continue;
            double h = centric[i] ? I / s - Math.abs(s / (2 * e)) : I / s - Math.abs(s / e);
            if (I / s < H_MIN + 0.3 || h < H_MIN) continue;
            double J, sJ, F, sF;
            if (!centric[i] && h < 3 || centric[i] && h < 4) {
                double[][] t = centric[i] ? CENTRIC : ACENTRIC;
                J = interp(t, 0, h) * s;
                sJ = interp(t, 1, h) * s;
                F = interp(t, 2, h) * Math.sqrt(s);
                sF = interp(t, 3, h) * Math.sqrt(s);
            } else if (!centric[i]) {
                J = h * s;
                sJ = s;
                F = Math.sqrt(J);
                sF = 0.5 * s / F;
            } else {
                double h2 = 1 / (h * h), h4 = h2 * h2, h6 = h2 * h4;
                double pf = Math.sqrt(h) * (1 - 3.0 / 8 * h2 - 87.0 / 128 * h4 - 2889.0 / 1024 * h6);
                double psf = Math.sqrt(h * (0.25 * h2 + 15.0 / 32 * h4 + 273.0 / 128 * h6));
                J = h * s * (1 - 0.5 * h2 - 0.75 * h4 - 3 * h6);
                sJ = 2 * s * pf * psf;
                F = pf * Math.sqrt(s);
                sF = psf * Math.sqrt(s);
            }
            out[0][i] = F; out[1][i] = sF; out[2][i] = J; out[3][i] = sJ;
        }
        return out;
    }

    /** Linear interpolation in a table on h = −4 + k/10 (the caller keeps h inside it). */
    private static double interp(double[][] t, int col, double h) {
        double x = (h - H_MIN) * 10;
        int k = Math.min((int) Math.floor(x), t.length - 2);
        double f = x - k;
        return t[k][col] * (1 - f) + t[k + 1][col] * f;
    }

    /**
     * ⟨I⟩ at each reflection: equal-count shells in d*³ (at most 60, at least 20 reflections each),
     * median/ln 2 per shell, linear between shell centres, constant beyond.
     */
    static double[] expectedIntensities(double[] x, double[] intensity) {
        int n = x.length;
        int perBin = Math.max(n / 60, 20), nBins = Math.max(1, n / perBin);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] edges = new double[nBins + 1];
        for (int b = 0; b <= nBins; b++) {
            double pos = (double) n * b / nBins;          // np.interp over the sorted values, clamped
            int k = (int) Math.floor(pos);
            edges[b] = k >= n - 1 ? sorted[n - 1] : sorted[k] + (pos - k) * (sorted[k + 1] - sorted[k]);
        }
        double[][] members = new double[nBins][];
        int[] count = new int[nBins];
        int[] bin = new int[n];
        for (int i = 0; i < n; i++) {
            int b = binOf(edges, x[i]);
            bin[i] = b;
            if (b >= 0) count[b]++;
        }
        for (int b = 0; b < nBins; b++) members[b] = new double[count[b]];
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) if (bin[i] >= 0) members[bin[i]][count[bin[i]]++] = intensity[i];
        double[] centre = new double[nBins], value = new double[nBins];
        for (int b = 0; b < nBins; b++) {
            centre[b] = 0.5 * (edges[b] + edges[b + 1]);
            value[b] = median(members[b]) / Math.log(2);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double v = x[i];
            if (v <= centre[0]) out[i] = value[0];
            else if (v >= centre[nBins - 1]) out[i] = value[nBins - 1];
            else {
                int k = 0;
                while (centre[k + 1] < v) k++;
                out[i] = value[k] + (v - centre[k]) * (value[k + 1] - value[k]) / (centre[k + 1] - centre[k]);
            }
        }
        return out;
    }

    /** scipy's binned_statistic: [e_b, e_b+1), the last bin closed on the right. */
    private static int binOf(double[] e, double v) {
        int nb = e.length - 1;
        if (v < e[0] || v > e[nb]) return -1;
        if (v == e[nb]) return nb - 1;
        int lo = 0, hi = nb;                      // find b with e[b] <= v < e[b+1]
        while (hi - lo > 1) { int mid = (lo + hi) >>> 1; if (e[mid] <= v) lo = mid; else hi = mid; }
        return lo;
    }

    private static double median(double[] a) {
        if (a.length == 0) return Double.NaN;
        double[] s = a.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    /**
     * Posterior moments on h = −4 .. in steps of 0.1 by Simpson quadrature. Acentric:
     * p(z) ∝ exp(−(z−h)²/2), z ≥ 0. Centric: p(z) ∝ z^−½ exp(−(z−h)²/2), integrated in u = √z.
     */
    private static double[][] table(boolean centric, int rows) {
        double[][] t = new double[rows][4];
        for (int r = 0; r < rows; r++) {
            double h = H_MIN + r / 10.0;
            double top = centric ? Math.sqrt(Math.max(h, 0) + 12) : Math.max(h, 0) + 12;
            int n = 40000;
            double du = top / n, s0 = 0, sz = 0, sz2 = 0, sf = 0;
            for (int k = 0; k <= n; k++) {
                double u = k * du, w = (k == 0 || k == n) ? 1 : (k % 2 == 1 ? 4 : 2);   // Simpson
                double z = centric ? u * u : u;
                double p = w * Math.exp(-0.5 * (z - h) * (z - h));
                s0 += p; sz += p * z; sz2 += p * z * z; sf += p * Math.sqrt(z);
            }
            double ez = sz / s0, ez2 = sz2 / s0, ef = sf / s0;
            t[r][0] = ez;
            t[r][1] = Math.sqrt(Math.max(0, ez2 - ez * ez));
            t[r][2] = ef;
            t[r][3] = Math.sqrt(Math.max(0, ez - ef * ef));
        }
        return t;
    }

    /** The tabulated moments (for tests): row k is h = −4 + k/10; columns E[J], sd(J), E[F], sd(F). */
    static double[][] table(boolean centric) { return (centric ? CENTRIC : ACENTRIC).clone(); }
}
