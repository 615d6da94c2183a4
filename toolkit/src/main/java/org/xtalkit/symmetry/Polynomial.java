package org.xtalkit.symmetry;

/** Least-squares polynomial fits, evaluated at the fitted abscissae. */
final class Polynomial {
    private Polynomial() {}

    /** The fitted values at x of the degree-d least-squares polynomial through (x, y). */
    static double[] fitValues(double[] x, double[] y, int degree) {
        int n = x.length, p = degree + 1;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : x) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        double mid = (lo + hi) / 2, half = Math.max((hi - lo) / 2, 1e-300);
        // Chebyshev basis on the scaled abscissa keeps the normal equations well conditioned
        double[][] a = new double[n][p];
        for (int j = 0; j < n; j++) {
            double t = (x[j] - mid) / half;
            a[j][0] = 1;
            if (p > 1) a[j][1] = t;
            for (int k = 2; k < p; k++) a[j][k] = 2 * t * a[j][k - 1] - a[j][k - 2];
        }
        double[][] m = new double[p][p + 1];
        for (int j = 0; j < n; j++)
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) m[r][c] += a[j][r] * a[j][c];
                m[r][p] += a[j][r] * y[j];
            }
        double[] coef = solve(m, p);
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < p; k++) s += coef[k] * a[j][k];
            out[j] = s;
        }
        return out;
    }

    /** Gaussian elimination with partial pivoting on an augmented p×(p+1) matrix. */
    static double[] solve(double[][] m, int p) {
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
            double[] t = m[c]; m[c] = m[piv]; m[piv] = t;
            if (Math.abs(m[c][c]) < 1e-300) continue;
            for (int r = c + 1; r < p; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= p; k++) m[r][k] -= f * m[c][k];
            }
        }
        double[] x = new double[p];
        for (int r = p - 1; r >= 0; r--) {
            double s = m[r][p];
            for (int k = r + 1; k < p; k++) s -= m[r][k] * x[k];
            x[r] = Math.abs(m[r][r]) < 1e-300 ? 0 : s / m[r][r];
        }
        return x;
    }
}
