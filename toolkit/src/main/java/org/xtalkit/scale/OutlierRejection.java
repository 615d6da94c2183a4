package org.xtalkit.scale;

import java.util.Arrays;

/**
 * DIALS' standard outlier rejection (NormDevOutlierRejection): in each symmetry group of more
 * than two, the normalised deviation of each observation from the weighted mean of the others,
 * z = (I − g·Ī_others)/√(1/w + g²/Σ_others wg²), weights capped at ten times the group median;
 * the worst observation with z &gt; zmax is rejected and its group tested again until none is.
 */
final class OutlierRejection {
    private OutlierRejection() {}

    /** Marks outliers among the selected observations; returns how many. */
    static int reject(long[] key, int[] sel, double[] i, double[] var, double[] g, double zmax, boolean[] outlier) {
        Groups groups = Groups.of(key, sel);
        int found = 0;
        int[] order = groups.order();
        double[] w = new double[0];
        for (int h = 0; h < groups.count(); h++) {
            int a = groups.start()[h], b = groups.start()[h + 1];
            int n = b - a;
            if (n <= 2) continue;
            if (w.length < n) w = new double[n];
            for (int q = a; q < b; q++) w[q - a] = 1 / var[order[q]];
            double[] sorted = Arrays.copyOf(w, n);
            Arrays.sort(sorted);
            double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            for (int q = 0; q < n; q++) w[q] = Math.min(w[q], 10 * median);
            boolean[] gone = new boolean[n];
            int left = n;
            while (left > 2) {
                double sIg = 0, sg2 = 0;
                for (int q = 0; q < n; q++) if (!gone[q]) { int o = order[a + q]; sIg += w[q] * g[o] * i[o]; sg2 += w[q] * g[o] * g[o]; }
                double maxZ = zmax;
                int worst = -1;
                for (int q = 0; q < n; q++) {
                    if (gone[q]) continue;
                    int o = order[a + q];
                    double oIg = sIg - w[q] * g[o] * i[o], og2 = sg2 - w[q] * g[o] * g[o];
                    double z = og2 == 0 ? 1000 : Math.abs((i[o] - g[o] * oIg / og2) / Math.sqrt(1 / w[q] + g[o] * g[o] / og2));
                    if (z > maxZ) { maxZ = z; worst = q; }
                }
                if (worst < 0) break;
                gone[worst] = true;
                outlier[order[a + worst]] = true;
                found++;
                left--;
            }
        }
        return found;
    }
}
