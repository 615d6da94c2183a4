package org.xtalkit.refine;

/**
 * The reflections refinement fits, as flat primitive arrays: Miller index, panel and the observed
 * centroid (x, y in mm, φ in radians) with its variances. Row i of every array is one reflection.
 *
 * @param miller    h, k, l per reflection (3n)
 * @param panel     panel index per reflection
 * @param xyzObs    x mm, y mm, φ rad per reflection (3n)
 * @param variances variances of xyzObs (3n); weights are their inverses
 */
public record Observations(int[] miller, int[] panel, double[] xyzObs, double[] variances) {
    public int size() { return panel.length; }

    /** The rows kept, in order. */
    public Observations select(int[] rows) {
        int n = rows.length;
        int[] m = new int[3 * n], p = new int[n];
        double[] x = new double[3 * n], v = new double[3 * n];
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            System.arraycopy(miller, 3 * r, m, 3 * i, 3);
            System.arraycopy(xyzObs, 3 * r, x, 3 * i, 3);
            System.arraycopy(variances, 3 * r, v, 3 * i, 3);
            p[i] = panel[r];
        }
        return new Observations(m, p, x, v);
    }
}
