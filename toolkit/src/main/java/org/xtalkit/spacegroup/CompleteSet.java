package org.xtalkit.spacegroup;

import org.xtalkit.math.Mat3;
import org.xtalkit.model.UnitCell;

import java.util.Arrays;

/**
 * Every unique, not systematically absent Miller index of the reciprocal ASU between d_max and
 * d_min (cctbx's miller.build_set, non-anomalous): the denominator of completeness.
 *
 * @param hkl flat h0,k0,l0,h1,... in the ASU
 * @param d   resolution of each, Å
 */
public record CompleteSet(int[] hkl, double[] d) {

    public static CompleteSet of(SpaceGroup sg, UnitCell cell, double dMin, double dMax) {
        ReciprocalAsu asu = sg.reciprocalAsu();
        Mat3 gs = cell.metricTensor().inverse();
        double g00 = gs.get(0, 0), g11 = gs.get(1, 1), g22 = gs.get(2, 2), g01 = gs.get(0, 1), g02 = gs.get(0, 2), g12 = gs.get(1, 2);
        // strict limits as cctbx's index generator; callers widen them (cctbx's complete_set uses d_min·(1−1e-6))
        double sMax = 1 / (dMin * dMin), sMin = Double.isInfinite(dMax) ? 0 : 1 / (dMax * dMax);
        int hm = (int) Math.floor(cell.a() / dMin) + 1, km = (int) Math.floor(cell.b() / dMin) + 1, lm = (int) Math.floor(cell.c() / dMin) + 1;
        int[] out = new int[3 * 1024];
        double[] dd = new double[1024];
        int n = 0;
        for (int h = -hm; h <= hm; h++)
            for (int k = -km; k <= km; k++)
                for (int l = -lm; l <= lm; l++) {
                    if (h == 0 && k == 0 && l == 0) continue;
                    double s = h * h * g00 + k * k * g11 + l * l * g22 + 2 * (h * k * g01 + h * l * g02 + k * l * g12);
                    if (s > sMax || s < sMin) continue;
                    if (!asu.isIn(h, k, l) || sg.isSystematicallyAbsent(h, k, l)) continue;
                    if (n == dd.length) { dd = Arrays.copyOf(dd, 2 * n); out = Arrays.copyOf(out, 6 * n); }
                    out[3 * n] = h; out[3 * n + 1] = k; out[3 * n + 2] = l;
                    dd[n++] = 1 / Math.sqrt(s);
                }
        return new CompleteSet(Arrays.copyOf(out, 3 * n), Arrays.copyOf(dd, n));
    }

    public int size() { return d.length; }
    public int h(int i) { return hkl[3 * i]; }
    public int k(int i) { return hkl[3 * i + 1]; }
    public int l(int i) { return hkl[3 * i + 2]; }
}
