package org.xtalkit.display.steps;

import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

/** Positional RMSDs of a table's reflections (xyzcal.px against xyzobs.px.value), overall and per image. */
final class Rmsds {
    private Rmsds() {}

    /**
     * {X px, Y px, Z images} over experiment e's indexed rows (restricted to those with the flag
     * when one is given), or null when the table has no calculated centroids.
     */
    static double[] of(ReflectionTable t, int e, Flag only) {
        boolean[] use = rows(t, e, only);
        if (use == null) return null;
        double[] obs = t.vec3("xyzobs.px.value"), cal = t.vec3("xyzcal.px");
        double[] s = new double[3];
        int n = 0;
        for (int i = 0; i < use.length; i++) {
            if (!use[i]) continue;
            for (int k = 0; k < 3; k++) { double d = cal[3 * i + k] - obs[3 * i + k]; s[k] += d * d; }
            n++;
        }
        if (n == 0) return null;
        for (int k = 0; k < 3; k++) s[k] = Math.sqrt(s[k] / n);
        return s;
    }

    /** The rows to use, or null when the table lacks the columns. */
    static boolean[] rows(ReflectionTable t, int e, Flag only) {
        if (!t.has("xyzcal.px") || !t.has("xyzobs.px.value") || !t.has("id")) return null;
        int[] id = t.ints("id");
        int[] hkl = t.has("miller_index") ? t.miller("miller_index") : null;
        long[] flags = t.has("flags") ? t.flags() : null;
        boolean[] use = new boolean[t.size()];
        for (int i = 0; i < use.length; i++) {
            use[i] = id[i] == e && (hkl == null || hkl[3 * i] != 0 || hkl[3 * i + 1] != 0 || hkl[3 * i + 2] != 0);
            if (only != null) use[i] &= flags != null && only.isSetIn(flags[i]);
        }
        return use;
    }
}
