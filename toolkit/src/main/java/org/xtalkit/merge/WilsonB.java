package org.xtalkit.merge;

import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.SpaceGroup;
import org.xtalkit.symmetry.ExpectedScattering;

/**
 * The Wilson B dials.merge reports (mmtbx's ml_iso_absolute_scaling on the merged intensities, for
 * 200 residues per asymmetric unit, i.e. 200·Z in the cell): F = √I of the positive merged
 * intensities with 0.008 &lt; d*² &lt; 0.69, σ_F as cctbx's f_sq_as_f, k = exp(B·d*²/4 − p), and
 * −ln L summed over Wilson distributions about εΣ_N(1+γ) + k²σ_F², acentric or centric as the
 * space group makes each reflection; B at the minimum (NaN: no reflection in range, or a
 * centrosymmetric group, where DIALS reports none).
 */
public final class WilsonB {
    private WilsonB() {}

    /** From merged data as dials.merge fits it (anomalous=True, its default): I(+) at h and I(−) at −h as separate reflections. */
    public static double estimate(MergedReflections m, SpaceGroup sg, UnitCell cell) {
        int n = m.size(), k = 0;
        int[] hkl = new int[6 * n];
        double[] i = new double[2 * n], s = new double[2 * n];
        for (int r = 0; r < n; r++) {
            for (int sign = 1; sign >= -1; sign -= 2) {
                double v = sign > 0 ? m.iPlus()[r] : m.iMinus()[r], sv = sign > 0 ? m.sigIPlus()[r] : m.sigIMinus()[r];
                if (Double.isNaN(v)) continue;
                for (int a = 0; a < 3; a++) hkl[3 * k + a] = sign * m.hkl()[3 * r + a];
                i[k] = v;
                s[k] = sv;
                k++;
            }
        }
        return estimate(java.util.Arrays.copyOf(hkl, 3 * k), java.util.Arrays.copyOf(i, k), java.util.Arrays.copyOf(s, k), sg, cell);
    }

    public static double estimate(int[] hkl, double[] i, double[] sigma, SpaceGroup sg, UnitCell cell) {
        if (sg.isCentrosymmetric()) return Double.NaN;
        double[] gs = cell.metricTensor().inverse().toArray();
        int residues = 200 * sg.order();
        int n0 = i.length, n = 0;
        double[] s4 = new double[n0], f2 = new double[n0], sf2 = new double[n0], a = new double[n0];
        boolean[] centric = new boolean[n0];
        for (int j = 0; j < n0; j++) {
            int h = hkl[3 * j], k = hkl[3 * j + 1], l = hkl[3 * j + 2];
            double ds = h * (gs[0] * h + gs[1] * k + gs[2] * l) + k * (gs[3] * h + gs[4] * k + gs[5] * l) + l * (gs[6] * h + gs[7] * k + gs[8] * l);
            if (!(i[j] > 0) || ds <= 0.008 || ds >= 0.69) continue;
            double fo = Math.sqrt(i[j]);
            double sf = (fo < 1e-6 && sigma[j] < 1e-6) || sigma[j] < 0 ? 0 : sigma[j] / (fo + Math.sqrt(sigma[j] + fo * fo));
            s4[n] = ds / 4;
            f2[n] = i[j];
            sf2[n] = sf * sf;
            a[n] = sg.epsilon(h, k, l) * ExpectedScattering.sigmaSq(ds, residues) * (1 + ExpectedScattering.gamma(ds));
            centric[n] = sg.isCentric(h, k, l);
            n++;
        }
        if (n == 0) return Double.NaN;
        final int nn = n;
        // scitbx's L-BFGS from p = 0, B = 50, as mmtbx runs it
        double[] x = org.xtalkit.symmetry.Lbfgs.minimise((v, g) -> {
            double[] d = new double[5];
            double f = nll(v[0], v[1], s4, f2, sf2, a, centric, nn, d);
            g[0] = d[0];
            g[1] = d[1];
            return f;
        }, new double[] {0, 50}, 1_000_000);
        double b = x == null ? Double.NaN : x[1];
        return b;
    }

    /**
     * −ln L without constants; with d, also dL/dp, dL/dB, d²/dp², d²/dpdB, d²/dB². Per reflection
     * with t = ln k, u = k², D = A + uσ²: acentric φ = −t + ln D + uF²/D, centric half of it plus t/2.
     */
    private static double nll(double p, double b, double[] s4, double[] f2, double[] sf2, double[] a, boolean[] centric, int n, double[] d) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double t = Math.min(b * s4[j] - p, 300);
            double u = Math.exp(2 * t), dd = a[j] + u * sf2[j];
            double phi = -t + Math.log(dd) + u * f2[j] / dd;
            double d1 = -1 + 2 * u * sf2[j] / dd + 2 * u * f2[j] * a[j] / (dd * dd);
            double d2 = 4 * u * sf2[j] * a[j] / (dd * dd) + 4 * u * f2[j] * a[j] * (a[j] - u * sf2[j]) / (dd * dd * dd);
            if (centric[j]) { phi = (phi + t) / 2; d1 = (d1 + 1) / 2; d2 /= 2; }
            sum += phi;
            if (d == null) continue;
            // dt/dp = −1, dt/dB = d*²/4
            d[0] -= d1; d[1] += d1 * s4[j];
            d[2] += d2; d[3] -= d2 * s4[j]; d[4] += d2 * s4[j] * s4[j];
        }
        return sum;
    }
}
