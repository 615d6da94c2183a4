package org.xtalkit.symmetry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The automatic d_min of dials.symmetry from ⟨I⟩/⟨σ(I)⟩ as DIALS' Resolutionizer finds it: Wilson
 * outliers (E² ≥ 16) removed, Friedel mates merged, up to 100 shells of equal count (≥ 10 unique
 * reflections each), a degree-6 polynomial fitted to log(⟨I⟩/⟨σ⟩) against each shell's highest
 * d*², and the d*² where the fit crosses the limit.
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
        int bins = Math.max(1, Math.min(100, n / 2 / 10));
        try {
            var stats = org.xtalkit.merge.MergingStatistics.compute(data, org.xtalkit.spacegroup.SpaceGroup.of("P 1"), cell, bins);
            return org.xtalkit.merge.ResolutionFit.ccHalfLimit(stats.shells(), limit);
        } catch (RuntimeException e) {
            return Double.NaN;  // too few pairs for CC½: DIALS logs the failure and goes on
        }
    }

    /** NaN when the fit never crosses the limit inside the data; the data's own limit when every shell is above it. */
    static double fromIOverSigma(int[] hkl, double[] I, double[] S, double[] ds, double limit) {
        Map<Long, Integer> slot = new HashMap<>();
        int n = 0;
        double[] sw = new double[I.length], swi = new double[I.length], d = new double[I.length];
        for (int j = 0; j < I.length; j++) {
            if (I[j] >= 16) continue;
            int h = hkl[3 * j], k = hkl[3 * j + 1], l = hkl[3 * j + 2];
            boolean flip = h < 0 || (h == 0 && (k < 0 || (k == 0 && l < 0)));
            long key = flip ? NormalisedIntensities.pack(-h, -k, -l) : NormalisedIntensities.pack(h, k, l);
            Integer s = slot.get(key);
            if (s == null) { s = n++; slot.put(key, s); d[s] = ds[j]; }
            double w = 1 / (S[j] * S[j]);
            sw[s] += w;
            swi[s] += w * I[j];
        }
        if (n == 0) return Double.NaN;
        Integer[] order = new Integer[n];
        for (int s = 0; s < n; s++) order[s] = s;
        final double[] dd = d;
        Arrays.sort(order, (a, b) -> Double.compare(dd[a], dd[b]));
        int bins = Math.max(1, Math.min(100, n / 10));
        double[] x = new double[bins], y = new double[bins];
        int m = 0;
        for (int b = 0; b < bins; b++) {
            int lo = (int) ((long) b * n / bins), hi = (int) ((long) (b + 1) * n / bins);
            double si = 0, ss = 0, xmax = 0;
            for (int q = lo; q < hi; q++) {
                int s = order[q];
                si += swi[s] / sw[s];
                ss += Math.sqrt(1 / sw[s]);
                xmax = Math.max(xmax, d[s]);
            }
            double v = si / ss;
            if (v > 0) { x[m] = xmax; y[m] = v; m++; }
        }
        if (m == 0) return Double.NaN;
        x = Arrays.copyOf(x, m);
        y = Arrays.copyOf(y, m);
        double minY = Double.POSITIVE_INFINITY, maxX = 0;
        for (int j = 0; j < m; j++) { minY = Math.min(minY, y[j]); maxX = Math.max(maxX, x[j]); }
        if (minY > limit) return 1 / Math.sqrt(maxX);
        double[] logY = new double[m];
        for (int j = 0; j < m; j++) logY[j] = Math.log(y[j]);
        double[] fit = Polynomial.fitValues(x, logY, Math.min(6, m - 1));
        for (int j = 0; j < m; j++) fit[j] = Math.exp(fit[j]);
        for (int j = 1; j < m; j++) {
            double y0 = fit[j - 1], y1 = fit[j];
            if ((y0 - limit) * (y1 - limit) < 0) return 1 / Math.sqrt(x[j - 1] + (limit - y0) * (x[j] - x[j - 1]) / (y1 - y0));
        }
        return Double.NaN;
    }
}
