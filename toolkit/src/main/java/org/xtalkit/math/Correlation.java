package org.xtalkit.math;

/** Pearson's correlation coefficient of two samples (CC of intensities against the truth, or DIALS'). */
public final class Correlation {
    private Correlation() {}

    /** Over the first n pairs; two passes (mean, then centred sums) so large intensities lose no digits. */
    public static double pearson(double[] x, double[] y, int n) {
        double sx = 0, sy = 0;
        for (int j = 0; j < n; j++) { sx += x[j]; sy += y[j]; }
        double mx = sx / n, my = sy / n, sxx = 0, syy = 0, sxy = 0;
        for (int j = 0; j < n; j++) {
            double dx = x[j] - mx, dy = y[j] - my;
            sxx += dx * dx; syy += dy * dy; sxy += dx * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("samples of " + x.length + " and " + y.length);
        return pearson(x, y, x.length);
    }
}
