package org.xtalkit.index;

import java.util.Arrays;

/**
 * A static 3D k-d tree over flat xyz points for k-nearest-neighbour queries (nearest-neighbour
 * analysis for max_cell, neighbourhoods for local index assignment). Built once, read-only after.
 */
final class KdTree {
    private final double[] p;
    private final int[] idx;

    KdTree(double[] xyz) {
        this.p = xyz;
        int n = xyz.length / 3;
        idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        build(0, n, 0);
    }

    private void build(int lo, int hi, int depth) {
        if (hi - lo <= 1) return;
        int axis = depth % 3, mid = (lo + hi) >>> 1;
        select(lo, hi - 1, mid, axis);
        build(lo, mid, depth + 1);
        build(mid + 1, hi, depth + 1);
    }

    /** Quickselect so idx[k] holds the median along axis. */
    private void select(int lo, int hi, int k, int axis) {
        while (hi > lo) {
            double pivot = p[3 * idx[(lo + hi) >>> 1] + axis];
            int i = lo, j = hi;
            while (i <= j) {
                while (p[3 * idx[i] + axis] < pivot) i++;
                while (p[3 * idx[j] + axis] > pivot) j--;
                if (i <= j) { int t = idx[i]; idx[i] = idx[j]; idx[j] = t; i++; j--; }
            }
            if (k <= j) hi = j; else if (k >= i) lo = i; else return;
        }
    }

    /**
     * The k nearest other points of point q (excluding q itself), nearest first; fills
     * {@code outIdx} and {@code outDist2} (squared distances) and returns how many were found.
     */
    int nearest(int q, int k, int[] outIdx, double[] outDist2) {
        Arrays.fill(outDist2, 0, k, Double.POSITIVE_INFINITY);
        int[] count = {0};
        search(0, idx.length, 0, q, k, outIdx, outDist2, count);
        return count[0];
    }

    private void search(int lo, int hi, int depth, int q, int k, int[] oi, double[] od, int[] count) {
        if (hi <= lo) return;
        int axis = depth % 3, mid = (lo + hi) >>> 1, m = idx[mid];
        if (m != q) {
            double dx = p[3 * m] - p[3 * q], dy = p[3 * m + 1] - p[3 * q + 1], dz = p[3 * m + 2] - p[3 * q + 2];
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 < od[k - 1]) {
                int j = Math.min(count[0], k - 1);
                while (j > 0 && od[j - 1] > d2) { od[j] = od[j - 1]; oi[j] = oi[j - 1]; j--; }
                od[j] = d2; oi[j] = m;
                if (count[0] < k) count[0]++;
            }
        }
        double diff = p[3 * q + axis] - p[3 * m + axis];
        int nLo = diff < 0 ? lo : mid + 1, nHi = diff < 0 ? mid : hi;
        int fLo = diff < 0 ? mid + 1 : lo, fHi = diff < 0 ? hi : mid;
        search(nLo, nHi, depth + 1, q, k, oi, od, count);
        if (diff * diff < od[k - 1]) search(fLo, fHi, depth + 1, q, k, oi, od, count);
    }
}
