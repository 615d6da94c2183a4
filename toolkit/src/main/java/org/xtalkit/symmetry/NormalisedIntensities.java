package org.xtalkit.symmetry;

import org.xtalkit.spacegroup.ChangeOfBasis;
import org.xtalkit.model.UnitCell;
import org.xtalkit.progress.Progress;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Unique intensities in the minimum cell, prepared as DIALS' symmetry_base prepares them: observations
 * of one index merged in P1 with Friedel mates apart (inverse-variance mean), reflections fixed by an
 * operator of the lattice's Patterson group dropped (ε &gt; 1), σ inflated by DIALS' typical SD
 * factors σ' = 2·√(σ² + (0.03·I)²), intensities normalised to ⟨I⟩ = 1 in shells of d*² (E², DIALS'
 * quasi-normalisation), and a resolution cut where ⟨I⟩/⟨σ⟩ falls below a limit.
 *
 * @param hkl       indices in the minimum cell (flat h,k,l)
 * @param i         normalised intensity E²
 * @param sigma     its standard deviation
 * @param dStarSq   1/d²
 * @param dMin      the resolution limit applied (NaN: none)
 */
public record NormalisedIntensities(int[] hkl, double[] i, double[] sigma, double[] dStarSq, double dMin) {

    public int size() { return i.length; }

    public static NormalisedIntensities prepare(IntegratedIntensities in, ChangeOfBasis cbInpMin, UnitCell minCell,
                                                List<int[]> latticeRotations, String normalisation, double dMin,
                                                double minIOverSigma, double minCcHalf, Progress progress) {
        int[] h = in.hkl().clone();
        boolean[] ok = cbInpMin.applyToMiller(h);
        // merge equal indices (P1, anomalous)
        Map<Long, Integer> slot = new HashMap<>();
        int n = 0;
        int[] uh = new int[h.length];
        double[] sw = new double[in.size()], swi = new double[in.size()];
        for (int q = 0; q < in.size(); q++) {
            if (!ok[q] || in.sigma()[q] <= 0) continue;
            long key = pack(h[3 * q], h[3 * q + 1], h[3 * q + 2]);
            Integer s = slot.get(key);
            if (s == null) {
                s = n++;
                slot.put(key, s);
                System.arraycopy(h, 3 * q, uh, 3 * s, 3);
            }
            double w = 1 / (in.sigma()[q] * in.sigma()[q]);
            sw[s] += w;
            swi[s] += w * in.i()[q];
        }
        // ε = 1 in the Patterson group of the lattice: no rotation other than the identity maps h to ±h
        int[] keep = new int[n];
        int m = 0;
        for (int s = 0; s < n; s++) if (!fixedByLattice(uh[3 * s], uh[3 * s + 1], uh[3 * s + 2], latticeRotations)) keep[m++] = s;
        int[] hk = new int[3 * m];
        double[] I = new double[m], S = new double[m], ds = new double[m];
        double[] gs = minCell.metricTensor().inverse().toArray();
        for (int j = 0; j < m; j++) {
            int s = keep[j];
            System.arraycopy(uh, 3 * s, hk, 3 * j, 3);
            double ii = swi[s] / sw[s], var = 1 / sw[s];
            double ssc = var + (0.03 * ii) * (0.03 * ii);
            if (ssc < 0.1 * var) ssc = 0.1 * var;
            I[j] = ii;
            S[j] = 2 * Math.sqrt(ssc);
            ds[j] = dStarSq(hk, j, gs);
        }
        switch (normalisation) {
            case "quasi" -> quasiNormalise(I, S, ds);
            case "ml_aniso" -> WilsonNormalisation.normalise(hk, I, S);
            default -> { }  // None: intensities as they are
        }
        if (Double.isNaN(dMin) && (minIOverSigma > 0 || minCcHalf > 0)) {
            double dIs = minIOverSigma > 0 ? ResolutionLimit.fromIOverSigma(hk, I, S, ds, minIOverSigma) : Double.NaN;
            double dCc = minCcHalf > 0 ? ResolutionLimit.fromCcHalf(hk, I, S, minCell, minCcHalf) : Double.NaN;
            if (!Double.isNaN(dIs)) progress.log(String.format("Resolution estimate from <I>/<σ(I)> > %.1f : %.2f", minIOverSigma, dIs));
            if (!Double.isNaN(dCc)) progress.log(String.format("Resolution estimate from CC½ > %.2f: %.2f", minCcHalf, dCc));
            // the smaller (higher-resolution) of the two, as DIALS
            dMin = Double.isNaN(dIs) ? dCc : Double.isNaN(dCc) ? dIs : Math.min(dIs, dCc);
            progress.log(Double.isNaN(dMin) ? "High resolution limit set to: None" : String.format("High resolution limit set to: %.2f", dMin));
        }
        if (!Double.isNaN(dMin)) {
            double sMax = 1 / (dMin * dMin);
            int k = 0;
            for (int j = 0; j < m; j++) {
                if (ds[j] > sMax) continue;
                hk[3 * k] = hk[3 * j]; hk[3 * k + 1] = hk[3 * j + 1]; hk[3 * k + 2] = hk[3 * j + 2];
                I[k] = I[j]; S[k] = S[j]; ds[k] = ds[j];
                k++;
            }
            hk = Arrays.copyOf(hk, 3 * k); I = Arrays.copyOf(I, k); S = Arrays.copyOf(S, k); ds = Arrays.copyOf(ds, k);
            progress.log(String.format("Selecting %d reflections with d > %.2f", k, dMin));
        }
        return new NormalisedIntensities(hk, I, S, ds, dMin);
    }

    /** DIALS' quasi_normalisation: 10/15/20 equal d*² shells, each divided by its ⟨I⟩ with negative I counted as 0. */
    static void quasiNormalise(double[] I, double[] S, double[] ds) {
        int n = I.length;
        if (n == 0) return;
        int shells = n > 20000 ? 20 : n > 15000 ? 15 : 10;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double d : ds) { lo = Math.min(lo, d); hi = Math.max(hi, d); }
        double span = hi - lo;
        lo -= span * 1e-6;
        hi += span * 1e-6;
        double step = (hi - lo) / shells;
        double[] sum = new double[shells];
        int[] cnt = new int[shells];
        int[] bin = new int[n];
        for (int j = 0; j < n; j++) {
            int b = step > 0 ? Math.min(shells - 1, (int) ((ds[j] - lo) / step)) : 0;
            bin[j] = b;
            sum[b] += Math.max(0, I[j]);
            cnt[b]++;
        }
        for (int j = 0; j < n; j++) {
            double mean = sum[bin[j]] / cnt[bin[j]];
            if (mean <= 0) continue;
            I[j] /= mean;
            S[j] /= mean;
        }
    }

    static boolean fixedByLattice(int h, int k, int l, List<int[]> rotations) {
        for (int[] r : rotations) {
            if (LatticeSymmetry.trace(r) == 3) continue;
            // Miller indices transform as the row vector h·R
            int a = h * r[0] + k * r[3] + l * r[6], b = h * r[1] + k * r[4] + l * r[7], c = h * r[2] + k * r[5] + l * r[8];
            if ((a == h && b == k && c == l) || (a == -h && b == -k && c == -l)) return true;
        }
        return false;
    }

    private static double dStarSq(int[] hk, int j, double[] gs) {
        double s = 0;
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) s += hk[3 * j + a] * gs[3 * a + b] * hk[3 * j + b];
        return s;
    }

    static long pack(int h, int k, int l) {
        return ((long) (h + 1024) << 22) | ((long) (k + 1024) << 11) | (l + 1024);
    }
}
