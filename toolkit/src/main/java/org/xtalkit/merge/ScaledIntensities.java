package org.xtalkit.merge;

import org.xtalkit.XtalException;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scaled observations dials.merge uses, selected as DIALS' filter_reflection_table does for
 * intensity_choice=scale: id ≥ 0, not bad_for_scaling, inverse_scale_factor > 0, variance > 0,
 * optional d_min/d_max, I and σ² divided by the scale (and its square), partials of one
 * partial_id (partiality < 0.99) combined by inverse-variance weighting per experiment, then
 * partiality ≥ partiality_threshold.
 *
 * @param hkl   Miller indices as measured (flat h,k,l)
 * @param i     scaled intensity
 * @param sigma its standard deviation
 * @param id    experiment id
 * @param row   row of each observation in the input table
 * @param partiality partiality after combining partials (1 without a partiality column): MTZ FRACTIONCALC
 */
public record ScaledIntensities(int[] hkl, double[] i, double[] sigma, int[] id, int[] row, double[] partiality) {

    public int size() { return i.length; }

    /** The observations of one experiment (sweep), for per-sweep statistics. */
    public ScaledIntensities ofExperiment(int experimentId) {
        return subset(q -> id[q] == experimentId);
    }

    /** Only the observations with I/σ ≥ min (dials.export's min_isigi, applied after scaling and combining). */
    public ScaledIntensities withMinISigI(double min) {
        return subset(q -> i[q] / sigma[q] >= min);
    }

    private ScaledIntensities subset(java.util.function.IntPredicate keep) {
        int n = 0;
        for (int q = 0; q < i.length; q++) if (keep.test(q)) n++;
        int[] h = new int[3 * n], id2 = new int[n], row2 = new int[n];
        double[] i2 = new double[n], s2 = new double[n], p2 = new double[n];
        for (int q = 0, o = 0; q < i.length; q++) {
            if (!keep.test(q)) continue;
            System.arraycopy(hkl, 3 * q, h, 3 * o, 3);
            i2[o] = i[q]; s2[o] = sigma[q]; id2[o] = id[q]; row2[o] = row[q]; p2[o] = partiality[q];
            o++;
        }
        return new ScaledIntensities(h, i2, s2, id2, row2, p2);
    }


    public static ScaledIntensities select(ReflectionTable t, double dMin, double dMax, double partialityThreshold, boolean combinePartials) {
        for (String c : new String[] {"miller_index", "intensity.scale.value", "intensity.scale.variance", "inverse_scale_factor"})
            if (!t.has(c)) throw new XtalException("reflection table has no '" + c + "' column: merge needs scaled data (run scale first)");
        int n = t.size();
        int[] mi = t.miller("miller_index");
        double[] iv = t.doubles("intensity.scale.value"), var = t.doubles("intensity.scale.variance"), isf = t.doubles("inverse_scale_factor");
        int[] ids = t.has("id") ? t.ints("id") : new int[n];
        long[] flags = t.has("flags") ? t.sizes("flags") : new long[n];
        double[] d = t.has("d") ? t.doubles("d") : null;
        double[] part = t.has("partiality") ? t.doubles("partiality") : null;
        int[] pid = t.has("partial_id") ? t.intsOf("partial_id") : null;
        if ((dMin > 0 || dMax > 0) && d == null) throw new XtalException("d_min/d_max need the 'd' column in the reflection table");

        int[] keep = new int[n];
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (ids[r] < 0 || Flag.BAD_FOR_SCALING.isSetIn(flags[r]) || isf[r] <= 0 || var[r] <= 0) continue;
            if (dMin > 0 && d[r] <= dMin) continue;
            if (dMax > 0 && d[r] >= dMax) continue;
            if (part != null && part[r] <= 0) continue;
            keep[m++] = r;
        }
        double[] I = new double[m], V = new double[m], P = new double[m];
        int[] rows = new int[m];
        for (int j = 0; j < m; j++) {
            int r = keep[j];
            rows[j] = r;
            I[j] = iv[r] / isf[r];
            V[j] = var[r] / (isf[r] * isf[r]);
            P[j] = part == null ? 1 : part[r];
        }
        boolean[] drop = new boolean[m];
        if (combinePartials && part != null && pid != null) combinePartials(rows, ids, pid, I, V, P, drop);
        int[] out = new int[m];
        int k = 0;
        for (int j = 0; j < m; j++) if (!drop[j] && (part == null || P[j] >= partialityThreshold)) out[k++] = j;
        int[] h = new int[3 * k], id = new int[k], row = new int[k];
        double[] ii = new double[k], s = new double[k], pp = new double[k];
        for (int q = 0; q < k; q++) {
            int j = out[q], r = rows[j];
            h[3 * q] = mi[3 * r]; h[3 * q + 1] = mi[3 * r + 1]; h[3 * q + 2] = mi[3 * r + 2];
            ii[q] = I[j];
            s[q] = Math.sqrt(V[j]);
            id[q] = ids[r];
            row[q] = r;
            pp[q] = P[j];
        }
        return new ScaledIntensities(h, ii, s, id, row, pp);
    }

    /** DIALS' sum_partial_reflections: inverse-variance mean into the first part, partialities added. */
    private static void combinePartials(int[] rows, int[] ids, int[] pid, double[] I, double[] V, double[] P, boolean[] drop) {
        Map<Long, List<Integer>> groups = new HashMap<>();
        List<Long> order = new ArrayList<>();
        for (int j = 0; j < rows.length; j++) {
            if (P[j] >= 0.99) continue;
            long key = ((long) ids[rows[j]] << 32) | (pid[rows[j]] & 0xffffffffL);
            groups.computeIfAbsent(key, x -> { order.add(x); return new ArrayList<>(); }).add(j);
        }
        for (long key : order) {
            List<Integer> g = groups.get(key);
            if (g.size() < 2) continue;
            double sw = 0, swi = 0, p = 0;
            for (int j : g) { sw += 1 / V[j]; swi += I[j] / V[j]; p += P[j]; }
            int first = g.get(0);
            I[first] = swi / sw;
            V[first] = 1 / sw;
            P[first] = p;
            for (int q = 1; q < g.size(); q++) drop[g.get(q)] = true;
        }
    }
}
