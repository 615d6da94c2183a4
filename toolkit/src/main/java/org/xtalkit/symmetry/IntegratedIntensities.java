package org.xtalkit.symmetry;

import org.xtalkit.XtalException;
import org.xtalkit.model.Experiment;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The integrated intensities dials.symmetry analyses, selected as DIALS' filter_reflection_table
 * does for intensity_choice = sum + profile: assigned (id ≥ 0), integrated by both summation and
 * profile fitting when profiles exist, positive variances, qe > 0; Lorentz–polarisation and
 * detector-efficiency corrections (× lp / qe); summation intensities divided by their partiality;
 * partials of one partial_id added; partiality ≥ partiality_threshold; I/σ ≥ −5 for every
 * intensity kind. The profile-fitted intensity is the one used where it exists. Only the first
 * 360° of a longer sweep are kept, as dials.symmetry does.
 *
 * @param hkl   Miller indices as measured (flat h,k,l)
 * @param i     corrected intensity
 * @param sigma its standard deviation
 * @param row   the row of the input table each value comes from
 */
public record IntegratedIntensities(int[] hkl, double[] i, double[] sigma, int[] row) {

    public int size() { return i.length; }

    public static IntegratedIntensities select(ReflectionTable t, Experiment expt, double partialityThreshold) {
        if (t.has("intensity.scale.value") && t.has("intensity.scale.variance") && t.has("inverse_scale_factor"))
            return selectScaled(t, expt, partialityThreshold);
        for (String c : new String[] {"miller_index", "intensity.sum.value", "intensity.sum.variance"})
            if (!t.has(c)) throw new XtalException("reflection table has no '" + c + "' column: symmetry needs integrated data");
        int n = t.size();
        long[] flags = t.has("flags") ? t.sizes("flags") : new long[n];
        boolean prf = false;
        if (t.has("intensity.prf.value"))
            for (long f : flags) if (Flag.INTEGRATED_PRF.isSetIn(f)) { prf = true; break; }
        int[] mi = t.miller("miller_index");
        int[] ids = t.has("id") ? t.ints("id") : new int[n];
        double[] is = t.doubles("intensity.sum.value"), vs = t.doubles("intensity.sum.variance");
        double[] ip = prf ? t.doubles("intensity.prf.value") : null, vp = prf ? t.doubles("intensity.prf.variance") : null;
        double[] lp = t.has("lp") ? t.doubles("lp") : null;
        double[] qe = t.has("qe") ? t.doubles("qe") : t.has("dqe") ? t.doubles("dqe") : null;
        double[] part = t.has("partiality") ? t.doubles("partiality") : null;
        int[] pid = t.has("partial_id") ? t.intsOf("partial_id") : null;
        double[] z = t.has("xyzobs.px.value") ? t.vec3("xyzobs.px.value") : null;
        double scanEnd = scanEnd(t, expt);

        int[] keep = new int[n];
        double[] I = new double[n], V = new double[n], IS = new double[n], VS = new double[n], P = new double[n];
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (ids[r] < 0) continue;
            if (prf ? !(Flag.INTEGRATED_SUM.isSetIn(flags[r]) && Flag.INTEGRATED_PRF.isSetIn(flags[r]))
                    : !Flag.INTEGRATED_SUM.isSetIn(flags[r])) continue;
            if (vs[r] <= 0 || (prf && vp[r] <= 0)) continue;
            if (qe != null && qe[r] <= 0) continue;
            if (part != null && part[r] <= 0) continue;
            if (z != null && z[3 * r + 2] > scanEnd) continue;
            double conv = (lp == null ? 1 : lp[r]) / (qe == null ? 1 : qe[r]);
            double convSum = part == null ? conv : conv / part[r];
            IS[m] = is[r] * convSum;
            VS[m] = vs[r] * convSum * convSum;
            I[m] = prf ? ip[r] * conv : IS[m];
            V[m] = prf ? vp[r] * conv * conv : VS[m];
            P[m] = part == null ? 1 : part[r];
            keep[m++] = r;
        }
        boolean[] drop = new boolean[m];
        if (part != null && pid != null) sumPartials(keep, m, ids, pid, I, V, IS, VS, P, prf, drop);
        int k = 0;
        int[] out = new int[m];
        for (int j = 0; j < m; j++) {
            if (drop[j] || P[j] < partialityThreshold) continue;
            if (I[j] / Math.sqrt(V[j]) < -5 || IS[j] / Math.sqrt(VS[j]) < -5) continue;
            out[k++] = j;
        }
        boolean[] outlier = new boolean[k];
        double[] oi = new double[k], ov = new double[k];
        int[] oh = new int[3 * k];
        for (int q = 0; q < k; q++) { oi[q] = I[out[q]]; ov[q] = V[out[q]]; System.arraycopy(mi, 3 * keep[out[q]], oh, 3 * q, 3); }
        int nOut = simpleOutliers(oh, oi, ov, 12.0, outlier);
        int[] h = new int[3 * (k - nOut)], rows = new int[k - nOut];
        double[] ii = new double[k - nOut], ss = new double[k - nOut];
        for (int q = 0, o = 0; q < k; q++) {
            if (outlier[q]) continue;
            int j = out[q], r = keep[j];
            System.arraycopy(mi, 3 * r, h, 3 * o, 3);
            ii[o] = I[j];
            ss[o] = Math.sqrt(V[j]);
            rows[o] = r;
            o++;
        }
        return new IntegratedIntensities(h, ii, ss, rows);
    }

    /** Several selections one after another (rows keep their own tables' numbering). */
    public static IntegratedIntensities concat(List<IntegratedIntensities> parts) {
        if (parts.size() == 1) return parts.get(0);
        int n = 0;
        for (IntegratedIntensities p : parts) n += p.size();
        int[] h = new int[3 * n], rows = new int[n];
        double[] ii = new double[n], ss = new double[n];
        int k = 0;
        for (IntegratedIntensities p : parts) {
            System.arraycopy(p.hkl(), 0, h, 3 * k, 3 * p.size());
            System.arraycopy(p.i(), 0, ii, k, p.size());
            System.arraycopy(p.sigma(), 0, ss, k, p.size());
            System.arraycopy(p.row(), 0, rows, k, p.size());
            k += p.size();
        }
        return new IntegratedIntensities(h, ii, ss, rows);
    }

    /**
     * Scaled input, as DIALS' ScaleIntensityReducer takes it: reflections not bad for scaling with
     * a positive inverse scale factor, positive variance and partiality, I and σ² divided by the
     * scale factor and its square, partials combined, I/σ ≥ −5; no outlier rejection (scaling did it).
     */
    private static IntegratedIntensities selectScaled(ReflectionTable t, Experiment expt, double partialityThreshold) {
        int n = t.size();
        long[] flags = t.has("flags") ? t.sizes("flags") : new long[n];
        int[] mi = t.miller("miller_index");
        int[] ids = t.has("id") ? t.ints("id") : new int[n];
        double[] iv = t.doubles("intensity.scale.value"), vv = t.doubles("intensity.scale.variance"), g = t.doubles("inverse_scale_factor");
        double[] part = t.has("partiality") ? t.doubles("partiality") : null;
        int[] pid = t.has("partial_id") ? t.intsOf("partial_id") : null;
        double scanEnd = scanEnd(t, expt);
        double[] z = t.has("xyzobs.px.value") ? t.vec3("xyzobs.px.value") : null;
        int[] keep = new int[n];
        double[] I = new double[n], V = new double[n], P = new double[n];
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (ids[r] < 0 || Flag.BAD_FOR_SCALING.isSetIn(flags[r]) || !(g[r] > 0) || !(vv[r] > 0)) continue;
            if (part != null && !(part[r] > 0)) continue;
            if (z != null && z[3 * r + 2] > scanEnd) continue;
            I[m] = iv[r] / g[r];
            V[m] = vv[r] / (g[r] * g[r]);
            P[m] = part == null ? 1 : part[r];
            keep[m++] = r;
        }
        boolean[] drop = new boolean[m];
        if (part != null && pid != null) sumPartials(keep, m, ids, pid, I, V, I.clone(), V.clone(), P, false, drop);
        int k = 0;
        int[] h = new int[3 * m], rows = new int[m];
        double[] ii = new double[m], ss = new double[m];
        for (int j = 0; j < m; j++) {
            if (drop[j] || P[j] < partialityThreshold || I[j] / Math.sqrt(V[j]) < -5) continue;
            System.arraycopy(mi, 3 * keep[j], h, 3 * k, 3);
            ii[k] = I[j];
            ss[k] = Math.sqrt(V[j]);
            rows[k++] = keep[j];
        }
        return new IntegratedIntensities(java.util.Arrays.copyOf(h, 3 * k), java.util.Arrays.copyOf(ii, k),
                java.util.Arrays.copyOf(ss, k), java.util.Arrays.copyOf(rows, k));
    }

    /** DIALS' get_subset_for_symmetry: the first 360° of a longer sweep (image number of z). */
    private static double scanEnd(ReflectionTable t, Experiment expt) {
        if (expt == null || expt.scan() == null || !t.has("xyzobs.px.value")) return Double.POSITIVE_INFINITY;
        double osc = Math.abs(expt.scan().oscillationWidth());
        int end = (int) Math.ceil(360 / osc);
        return end < expt.scan().numImages() ? end : Double.POSITIVE_INFINITY;
    }

    /**
     * DIALS' "simple" outlier rejection (zmax 12) among the observations of one index or its Friedel
     * mate (space group P1 at this stage): weights 1/V capped at ten times the group's median,
     * normalised deviation (I − Σ wI/Σ w) / √(1/w + (1/Σ w)²).
     */
    static int simpleOutliers(int[] hkl, double[] I, double[] V, double zmax, boolean[] outlier) {
        Map<Long, List<Integer>> groups = new LinkedHashMap<>();
        for (int q = 0; q < I.length; q++) {
            int h = hkl[3 * q], k = hkl[3 * q + 1], l = hkl[3 * q + 2];
            boolean flip = h < 0 || (h == 0 && (k < 0 || (k == 0 && l < 0)));
            long key = flip ? NormalisedIntensities.pack(-h, -k, -l) : NormalisedIntensities.pack(h, k, l);
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(q);
        }
        int n = 0;
        for (List<Integer> g : groups.values()) {
            if (g.size() < 2) continue;
            double[] w = new double[g.size()];
            for (int a = 0; a < w.length; a++) w[a] = 1 / V[g.get(a)];
            double[] sorted = w.clone();
            java.util.Arrays.sort(sorted);
            int m = sorted.length;
            double median = m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
            double sw = 0, swi = 0;
            for (int a = 0; a < w.length; a++) { w[a] = Math.min(w[a], 10 * median); sw += w[a]; swi += w[a] * I[g.get(a)]; }
            for (int a = 0; a < w.length; a++) {
                double nd = (I[g.get(a)] - swi / sw) / Math.sqrt(1 / w[a] + 1 / (sw * sw));
                if (Math.abs(nd) > zmax) { outlier[g.get(a)] = true; n++; }
            }
        }
        return n;
    }

    /**
     * DIALS' sum_partial_reflections on the parts (partiality &lt; 0.99) of one partial_id: summation
     * intensities and variances added, profile-fitted ones averaged with weights I²/V, partialities
     * added, all into the first part.
     */
    private static void sumPartials(int[] keep, int m, int[] ids, int[] pid, double[] I, double[] V, double[] IS, double[] VS,
                                    double[] P, boolean prf, boolean[] drop) {
        Map<Long, List<Integer>> groups = new LinkedHashMap<>();
        for (int j = 0; j < m; j++) {
            if (P[j] >= 0.99) continue;
            int r = keep[j];
            groups.computeIfAbsent(((long) ids[r] << 32) | (pid[r] & 0xffffffffL), x -> new ArrayList<>()).add(j);
        }
        for (List<Integer> g : groups.values()) {
            if (g.size() < 2) continue;
            int f = g.get(0);
            double p = 0, is = 0, vs = 0, wi = 0, wv = 0, w = 0;
            for (int j : g) {
                p += P[j]; is += IS[j]; vs += VS[j];
                double wj = I[j] * I[j] / V[j];
                wi += wj * I[j]; wv += wj * V[j]; w += wj;
            }
            if (prf) {
                if (w > 0) { I[f] = wi / w; V[f] = wv / w; }
                else { double v = 0; for (int j : g) v += V[j]; I[f] = 0; V[f] = v; }
            } else { I[f] = is; V[f] = vs; }
            IS[f] = is; VS[f] = vs; P[f] = p;
            for (int q = 1; q < g.size(); q++) drop[g.get(q)] = true;
        }
    }
}
