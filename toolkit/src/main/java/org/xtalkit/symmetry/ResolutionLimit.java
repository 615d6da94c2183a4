package org.xtalkit.symmetry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The automatic d_min of dials.symmetry from ⟨I⟩/⟨σ(I)⟩ as DIALS' Resolutionizer finds it (after the
 * caller removed Wilson outliers), from the same merging statistics and curve fits.
 */
final class ResolutionLimit {
    private ResolutionLimit() {}

    /**
     * d_min from CC½ of the Friedel pairs (P1, Friedel mates merged): merging statistics in shells
     * of ≥ 10 unique reflections (at most 100) and DIALS' tanh fit crossing the limit. NaN: none.
     */
    static double fromCcHalf(int[] hkl, double[] I, double[] S, org.xtalkit.model.UnitCell cell, double limit) {
        int n = I.length;
        int[] id = new int[n], row = new int[n];
        double[] part = new double[n];
        for (int j = 0; j < n; j++) { row[j] = j; part[j] = 1; }
        var data = new org.xtalkit.merge.ScaledIntensities(hkl, I, S, id, row, part);
        try {
            var stats = org.xtalkit.merge.MergingStatistics.computeCountingSorted(data, org.xtalkit.spacegroup.SpaceGroup.of("P 1"), cell, 100, 10);
            return org.xtalkit.merge.ResolutionFit.ccHalfLimit(stats.shells(), limit);
        } catch (RuntimeException e) {
            return Double.NaN;  // too few pairs for CC½: DIALS logs the failure and goes on
        }
    }

    /**
     * NaN when the fit never crosses the limit inside the data; the data's own limit when every
     * shell is above it. Shells as the Resolutionizer's merging statistics make them (counting
     * sorted over the observations' distinct d*², ≤ 100 shells of ≥ 10), ⟨I⟩/⟨σ⟩ of the
     * Friedel-merged reflections in each, log-polynomial of degree 6 against each shell's upper
     * d*² limit, and the first crossing counted from the high-resolution end, as DIALS scans it.
     */
    static double fromIOverSigma(int[] hkl, double[] I, double[] S, double[] ds, double limit) {
        if (I.length == 0) return Double.NaN;
        double[][] xy = iOverSigmaShells(hkl, I, S, ds);
        double[] x = xy[0], y = xy[1];
        int m = x.length;
        if (m == 0) return Double.NaN;
        double minY = Double.POSITIVE_INFINITY, maxX = 0;
        for (int j = 0; j < m; j++) { minY = Math.min(minY, y[j]); maxX = Math.max(maxX, x[j]); }
        if (minY > limit) return 1 / Math.sqrt(maxX);
        double[] logY = new double[m];
        for (int j = 0; j < m; j++) logY[j] = Math.log(y[j]);
        double[] fit = dialsPolynomialFit(x, logY, 6);
        if (fit == null) return Double.NaN;  // DIALS' fit raises: no estimate
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) { fit[j] = Math.exp(fit[j]); lo = Math.min(lo, fit[j]); hi = Math.max(hi, fit[j]); }
        if (limit < lo || limit > hi) return Double.NaN;
        for (int j = 1; j < m; j++) {
            double y0 = fit[j - 1], y1 = fit[j];
            if ((y0 - limit) * (y1 - limit) < 0) return 1 / Math.sqrt(x[j - 1] + (limit - y0) * (x[j] - x[j - 1]) / (y1 - y0));
        }
        return Double.NaN;
    }

    /** Each shell's upper d*² limit and its positive ⟨I⟩/⟨σ⟩, high resolution first. */
    static double[][] iOverSigmaShells(int[] hkl, double[] I, double[] S, double[] ds) {
        double[] limits = org.xtalkit.merge.MergingStatistics.countingSortedLimits(ds, 100, 10);
        int bins = limits.length - 1;
        Map<Long, Integer> slot = new HashMap<>();
        int n = 0;
        double[] sw = new double[I.length], swi = new double[I.length];
        int[] binOf = new int[I.length];
        for (int j = 0; j < I.length; j++) {
            int h = hkl[3 * j], k = hkl[3 * j + 1], l = hkl[3 * j + 2];
            boolean flip = h < 0 || (h == 0 && (k < 0 || (k == 0 && l < 0)));
            long key = flip ? NormalisedIntensities.pack(-h, -k, -l) : NormalisedIntensities.pack(h, k, l);
            Integer s = slot.get(key);
            if (s == null) {
                s = n++;
                slot.put(key, s);
                int b = 0;
                while (b < bins - 1 && ds[j] >= limits[b + 1]) b++;
                binOf[s] = b;
            }
            double w = 1 / (S[j] * S[j]);
            sw[s] += w;
            swi[s] += w * I[j];
        }
        double[] si = new double[bins], ss = new double[bins];
        int[] cnt = new int[bins];
        for (int s = 0; s < n; s++) {
            si[binOf[s]] += swi[s] / sw[s];
            ss[binOf[s]] += Math.sqrt(1 / sw[s]);
            cnt[binOf[s]]++;
        }
        // high resolution first, as DIALS reverses the shells
        double[] x = new double[bins], y = new double[bins];
        int m = 0;
        for (int b = bins - 1; b >= 0; b--) {
            if (cnt[b] == 0) continue;
            double v = si[b] / ss[b];
            if (v > 0) { x[m] = limits[b + 1]; y[m] = v; m++; }
        }
        return new double[][] {Arrays.copyOf(x, m), Arrays.copyOf(y, m)};
    }

    /**
     * scitbx's univariate_polynomial_fit as DIALS calls it: Σ aₙxⁿ (n ≤ degree) from all aₙ = 1,
     * least squares by L-BFGS stopped after 100 iterations; the fitted values at x.
     */
    static double[] dialsPolynomialFit(double[] x, double[] y, int degree) {
        int p = degree + 1, m = x.length;
        double[][] pow = new double[m][p];
        for (int j = 0; j < m; j++) for (int k = 0; k < p; k++) pow[j][k] = Math.pow(x[j], k);
        double[] start = new double[p];
        Arrays.fill(start, 1);
        double[] a = Lbfgs.minimise((c, g) -> {
            Arrays.fill(g, 0);
            double f = 0;
            for (int j = 0; j < m; j++) {
                double yc = 0;
                for (int k = 0; k < p; k++) yc += c[k] * pow[j][k];
                double dy = y[j] - yc;
                f += dy * dy;
                for (int k = 0; k < p; k++) g[k] -= 2 * dy * pow[j][k];
            }
            return f;
        }, start, 100);
        if (a == null) return null;
        double[] out = new double[m];
        for (int j = 0; j < m; j++) for (int k = 0; k < p; k++) out[j] += a[k] * pow[j][k];
        return out;
    }
}
