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
 * of one index merged in P1 with Friedel mates apart (inverse-variance mean; σ the larger of the
 * internal and external estimates, as cctbx's merge_equivalents by default), reflections fixed by an
 * operator of the lattice's Patterson group dropped (ε &gt; 1), σ inflated by DIALS' typical SD
 * factors σ' = 2·√(σ² + (0.03·I)²), intensities normalised (ml_aniso, DIALS' default: {@link
 * WilsonNormalisation}; or quasi), and a resolution cut where the Resolutionizer's ⟨I⟩/⟨σ⟩ or CC½
 * falls below its limit.
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
        double[] sw = new double[in.size()], swi = new double[in.size()], sww = new double[in.size()], swii = new double[in.size()];
        int[] cnt = new int[in.size()];
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
            double v = in.i()[q];
            sw[s] += w;
            swi[s] += w * v;
            sww[s] += w * w;
            swii[s] += w * v * v;
            cnt[s]++;
        }
        // ε = 1 in the Patterson group of the lattice: no rotation other than the identity maps h to ±h
        int[] keep = new int[n];
        int m = 0;
        for (int s = 0; s < n; s++) if (!fixedByLattice(uh[3 * s], uh[3 * s + 1], uh[3 * s + 2], latticeRotations)) keep[m++] = s;
        // cctbx's merge_equivalents leaves the unique indices in lexicographic order: the random draws follow it
        Integer[] lex = new Integer[m];
        for (int j = 0; j < m; j++) lex[j] = keep[j];
        Arrays.sort(lex, (x, y) -> {
            for (int a = 0; a < 3; a++) if (uh[3 * x + a] != uh[3 * y + a]) return Integer.compare(uh[3 * x + a], uh[3 * y + a]);
            return 0;
        });
        for (int j = 0; j < m; j++) keep[j] = lex[j];
        int[] hk = new int[3 * m];
        double[] I = new double[m], S = new double[m], ds = new double[m];
        double[] gs = minCell.metricTensor().inverse().toArray();
        for (int j = 0; j < m; j++) {
            int s = keep[j];
            System.arraycopy(uh, 3 * s, hk, 3 * j, 3);
            double ii = swi[s] / sw[s], var = 1 / sw[s];
            if (cnt[s] > 1) {
                // merge_equivalents' default use_internal_variance: the larger of the weighted sample
                // variance of the mean (GSL's wvariance / n) and 1/Σw
                double wvar = sw[s] / (sw[s] * sw[s] - sww[s]) * Math.max(0, swii[s] - sw[s] * ii * ii);
                var = Math.max(wvar / cnt[s], var);
            }
            double ssc = var + (0.03 * ii) * (0.03 * ii);
            if (ssc < 0.1 * var) ssc = 0.1 * var;
            I[j] = ii;
            S[j] = 2 * Math.sqrt(ssc);
            ds[j] = dStarSq(hk, j, gs);
        }
        switch (normalisation) {
            case "quasi" -> quasiNormalise(I, S, ds);
            case "ml_aniso" -> WilsonNormalisation.normalise(hk, I, S, minCell, progress);
            default -> { }  // None: intensities as they are
        }
        return resolutionCut(hk, I, S, ds, minCell, dMin, minIOverSigma, minCcHalf, progress);
    }

    /**
     * Several sweeps of one crystal form, as dials.symmetry takes them: each merged, its σ
     * corrected and normalised on its own, then (unlike DIALS, which keeps a row per sweep) the
     * normalised intensities of an index measured in several sweeps combined by their
     * inverse-variance mean, and one resolution cut for all.
     */
    public static NormalisedIntensities prepareAll(List<IntegratedIntensities> sweeps, ChangeOfBasis cbInpMin, UnitCell minCell,
                                                   List<int[]> latticeRotations, String normalisation, double dMin,
                                                   double minIOverSigma, double minCcHalf, Progress progress) {
        Map<Long, Integer> slot = new HashMap<>();
        int n = 0, total = 0;
        List<NormalisedIntensities> parts = new java.util.ArrayList<>();
        for (int s = 0; s < sweeps.size(); s++) {
            progress.log(String.format("%nNormalising intensities for dataset %d%n", s + 1));
            NormalisedIntensities p = prepare(sweeps.get(s), cbInpMin, minCell, latticeRotations, normalisation, 1e-9, 0, 0, Progress.NONE);
            parts.add(p);
            total += p.size();
        }
        int[] hk = new int[3 * total];
        double[] sw = new double[total], swi = new double[total], ds = new double[total];
        for (NormalisedIntensities p : parts)
            for (int j = 0; j < p.size(); j++) {
                long key = pack(p.hkl()[3 * j], p.hkl()[3 * j + 1], p.hkl()[3 * j + 2]);
                Integer s = slot.get(key);
                if (s == null) {
                    s = n++;
                    slot.put(key, s);
                    System.arraycopy(p.hkl(), 3 * j, hk, 3 * s, 3);
                    ds[s] = p.dStarSq()[j];
                }
                double w = 1 / (p.sigma()[j] * p.sigma()[j]);
                sw[s] += w;
                swi[s] += w * p.i()[j];
            }
        Integer[] lex = new Integer[n];
        for (int j = 0; j < n; j++) lex[j] = j;
        final int[] h0 = hk;
        Arrays.sort(lex, (x, y) -> {
            for (int a = 0; a < 3; a++) if (h0[3 * x + a] != h0[3 * y + a]) return Integer.compare(h0[3 * x + a], h0[3 * y + a]);
            return 0;
        });
        int[] h = new int[3 * n];
        double[] I = new double[n], S = new double[n], d = new double[n];
        for (int q = 0; q < n; q++) {
            int s = lex[q];
            System.arraycopy(hk, 3 * s, h, 3 * q, 3);
            I[q] = swi[s] / sw[s];
            S[q] = Math.sqrt(1 / sw[s]);
            d[q] = ds[s];
        }
        return resolutionCut(h, I, S, d, minCell, dMin, minIOverSigma, minCcHalf, progress);
    }

    /** The Resolutionizer's automatic d_min (unless dMin is given) and the cut to it. */
    private static NormalisedIntensities resolutionCut(int[] hk, double[] I, double[] S, double[] ds, UnitCell minCell, double dMin,
                                                       double minIOverSigma, double minCcHalf, Progress progress) {
        int m = I.length;
        if (Double.isNaN(dMin) && (minIOverSigma > 0 || minCcHalf > 0)) {
            // the Resolutionizer first drops Wilson outliers: quasi-normalised E² ≥ emax² = 16
            double[] e2 = quasiNormalisations(I, ds);
            int kept = 0;
            for (int j = 0; j < m; j++) if (I[j] / e2[j] < 16) kept++;
            int[] rh = new int[3 * kept];
            double[] rI = new double[kept], rS = new double[kept], rd = new double[kept];
            for (int j = 0, q = 0; j < m; j++) {
                if (!(I[j] / e2[j] < 16)) continue;
                System.arraycopy(hk, 3 * j, rh, 3 * q, 3);
                rI[q] = I[j]; rS[q] = S[j]; rd[q] = ds[j];
                q++;
            }
            progress.log(String.format("Removing %d Wilson outliers with E^2 >= 16.0", m - kept));
            double dIs = minIOverSigma > 0 ? ResolutionLimit.fromIOverSigma(rh, rI, rS, rd, minIOverSigma) : Double.NaN;
            double dCc = minCcHalf > 0 ? ResolutionLimit.fromCcHalf(rh, rI, rS, minCell, minCcHalf) : Double.NaN;
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

    /**
     * DIALS' quasi_normalisation: ⟨I⟩ (negative I counted as 0) in 10/15/20 equal steps of d*², and
     * each I and σ divided by those means interpolated linearly in d* between the shells' centres,
     * as cctbx's intensity_quasi_normalisations interpolates them.
     */
    static void quasiNormalise(double[] I, double[] S, double[] ds) {
        double[] norm = quasiNormalisations(I, ds);
        for (int j = 0; j < I.length; j++) {
            I[j] /= norm[j];
            S[j] /= norm[j];
        }
    }

    static double[] quasiNormalisations(double[] I, double[] ds) {
        int n = I.length;
        if (n == 0) return new double[0];
        int shells = n > 20000 ? 20 : n > 15000 ? 15 : 10;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double d : ds) { lo = Math.min(lo, d); hi = Math.max(hi, d); }
        double span = hi - lo;
        lo -= span * 1e-6;
        hi += span * 1e-6;
        double step = (hi - lo) / shells;
        // cctbx's limits: lo + i·step until one reaches hi (rounding can add one)
        double[] limits = new double[shells + 3];
        int nl = 0;
        while (true) {
            double v = lo + nl * step;
            limits[nl++] = v;
            if (v >= hi || nl == limits.length) break;
        }
        int used = nl - 1;
        double[] sum = new double[used];
        int[] cnt = new int[used], bin = new int[n];
        for (int j = 0; j < n; j++) {
            int b = 1;
            while (b < nl && !(ds[j] < limits[b])) b++;
            bin[j] = b - 1;
            sum[b - 1] += Math.max(0, I[j]);
            cnt[b - 1]++;
        }
        double[] mean = new double[used], centre = new double[used];
        for (int b = 0; b < used; b++) {
            mean[b] = cnt[b] > 0 ? sum[b] / cnt[b] : 0;
            centre[b] = (Math.sqrt(limits[b]) + Math.sqrt(limits[b + 1])) / 2;
        }
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            int b = bin[j];
            if (used == 1) { out[j] = mean[0]; continue; }
            double x = Math.sqrt(ds[j]);
            int l = x < centre[b] ? Math.max(b - 1, 0) : b;
            int s = Math.min(l + 1, used - 1);
            l = s - 1;
            out[j] = mean[l] + (mean[s] - mean[l]) * (x - centre[l]) / (centre[s] - centre[l]);
        }
        return out;
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
