package org.xtalkit.scale;

import java.util.Arrays;

/**
 * Observations (a subset, by index) grouped by symmetry-unique reflection: {@code order} holds
 * the observation indices sorted by key, group g spans order[start[g] .. start[g+1]).
 */
record Groups(int[] order, int[] start) {
    int count() { return start.length - 1; }
    int size(int g) { return start[g + 1] - start[g]; }

    static Groups of(long[] key, int[] sel) {
        long[] tmp = new long[sel.length];
        int[] order = sel.clone();
        // sort indices by key (stable by position): pack key with position when it fits, else comparator
        Integer[] boxed = null;
        if (sel.length < (1 << 20)) {
            for (int q = 0; q < sel.length; q++) tmp[q] = (key[sel[q]] << 20) | q;
            Arrays.sort(tmp);
            for (int q = 0; q < sel.length; q++) order[q] = sel[(int) (tmp[q] & 0xfffff)];
        } else {
            boxed = new Integer[sel.length];
            for (int q = 0; q < sel.length; q++) boxed[q] = sel[q];
            Arrays.sort(boxed, (a, b) -> Long.compare(key[a], key[b]));
            for (int q = 0; q < sel.length; q++) order[q] = boxed[q];
        }
        int[] start = new int[order.length + 1];
        int ng = 0;
        for (int q = 0; q < order.length; q++) if (q == 0 || key[order[q]] != key[order[q - 1]]) start[ng++] = q;
        start[ng] = order.length;
        return new Groups(order, Arrays.copyOf(start, ng + 1));
    }

    /** Observations in groups of at least minSize. */
    int[] inGroupsOfAtLeast(int minSize) {
        int m = 0;
        for (int g = 0; g < count(); g++) if (size(g) >= minSize) m += size(g);
        int[] out = new int[m];
        int k = 0;
        for (int g = 0; g < count(); g++) if (size(g) >= minSize) for (int q = start[g]; q < start[g + 1]; q++) out[k++] = order[q];
        return out;
    }

    /** Ih per group: Σ w g I / Σ w g² (DIALS' Ih_table), written per observation into ih (indexed by observation). */
    void ih(double[] i, double[] w, double[] g, double[] ih) {
        for (int h = 0; h < count(); h++) {
            double num = 0, den = 0;
            for (int q = start[h]; q < start[h + 1]; q++) { int o = order[q]; num += w[o] * g[o] * i[o]; den += w[o] * g[o] * g[o]; }
            double v = den > 0 ? num / den : 0;
            for (int q = start[h]; q < start[h + 1]; q++) ih[order[q]] = v;
        }
    }
}
