package org.xtalkit.scale;

import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DIALS' sum_partial_reflections before scaling: parts of one reflection split by integration
 * (same experiment and partial_id, partiality &lt; 0.99, variances &gt; 0) become one: summation
 * intensities and variances added, profile intensities averaged with weights I²/σ², partialities
 * added; the first part carries the result and the others are absorbed.
 *
 * @param iSum,vSum,iPrf,vPrf,partiality copies of the table's columns with the sums in place (iPrf null without prf)
 * @param absorbed rows merged into an earlier part
 * @param combined how many rows were absorbed
 */
record PartialSums(double[] iSum, double[] vSum, double[] iPrf, double[] vPrf, double[] partiality, boolean[] absorbed, int combined) {

    static PartialSums of(ReflectionTable t) {
        int n = t.size();
        double[] is = t.doubles("intensity.sum.value").clone(), vs = t.doubles("intensity.sum.variance").clone();
        double[] ip = t.has("intensity.prf.value") ? t.doubles("intensity.prf.value").clone() : null;
        double[] vp = t.has("intensity.prf.variance") ? t.doubles("intensity.prf.variance").clone() : null;
        double[] part = t.has("partiality") ? t.doubles("partiality").clone() : null;
        boolean[] absorbed = new boolean[n];
        if (part == null || !t.has("partial_id")) return new PartialSums(is, vs, ip, vp, part, absorbed, 0);
        int[] pid = t.intsOf("partial_id");
        int[] ids = t.ints("id");
        Map<Long, List<Integer>> groups = new LinkedHashMap<>();
        for (int r = 0; r < n; r++) {
            if (part[r] >= 0.99 || !(vs[r] > 0) || (vp != null && !(vp[r] > 0))) continue;
            groups.computeIfAbsent(((long) ids[r] << 40) ^ pid[r], k -> new ArrayList<>()).add(r);
        }
        int combined = 0;
        for (List<Integer> g : groups.values()) {
            if (g.size() < 2) continue;
            int first = g.get(0);
            double p = 0, s = 0, sv = 0, wi = 0, wv = 0, w = 0;
            for (int r : g) {
                p += part[r];
                s += is[r];
                sv += vs[r];
                if (ip != null) { double wr = ip[r] * ip[r] / vp[r]; wi += wr * ip[r]; wv += wr * vp[r]; w += wr; }
            }
            is[first] = s;
            vs[first] = sv;
            part[first] = p;
            if (ip != null) {
                if (w > 0) { ip[first] = wi / w; vp[first] = wv / w; }
                else { double v = 0; for (int r : g) v += vp[r]; ip[first] = 0; vp[first] = v; }
            }
            for (int k = 1; k < g.size(); k++) absorbed[g.get(k)] = true;
            combined += g.size() - 1;
        }
        return new PartialSums(is, vs, ip, vp, part, absorbed, combined);
    }
}
