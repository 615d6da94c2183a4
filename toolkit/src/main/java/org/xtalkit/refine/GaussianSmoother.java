package org.xtalkit.refine;

/**
 * DIALS' Gaussian smoother for scan-varying parameters: a parameter's value at frame z is the
 * Gaussian-weighted mean of its values at sample points spread over the scan (num_intervals + 2
 * points, the outer ones half an interval outside the scan), averaging the 3 nearest, σ = 0.65
 * intervals. One interval per 36° by default.
 */
public final class GaussianSmoother {
    private final double x0, spacing, sigma, halfAverage;
    private final int nValues, nAverage;
    private final double[] positions;

    public GaussianSmoother(double xStart, double xEnd, int numIntervals) {
        if (numIntervals < 1) throw new IllegalArgumentException("a smoother needs at least one interval");
        this.x0 = xStart;
        this.nValues = numIntervals == 1 ? 2 : numIntervals == 2 ? 3 : numIntervals + 2;
        this.spacing = (xEnd - xStart) / numIntervals;
        if (!(spacing > 0)) throw new IllegalArgumentException("smoother range " + xStart + ".." + xEnd + " is empty");
        positions = new double[nValues];
        for (int i = 0; i < nValues; i++) positions[i] = nValues < 4 ? i : i - 0.5;
        this.nAverage = Math.min(3, nValues);
        this.halfAverage = nAverage / 2.0;
        this.sigma = 0.65 + 0.05 * (nAverage - 2);
    }

    /** Number of intervals for a scan, as DIALS: one per interval_width degrees, at least one. */
    public static int intervals(double scanWidthDegrees, double intervalWidthDegrees) {
        return Math.max((int) (Math.abs(scanWidthDegrees) / intervalWidthDegrees), 1);
    }

    public int numValues() { return nValues; }

    /** Normalised weights of each sample value at x (they sum to 1; most are 0). */
    public double[] weights(double x) {
        double z = (x - x0) / spacing;
        int i1, i2;
        if (nValues <= 3) {
            i1 = 0;
            i2 = nValues;
        } else {
            i1 = (int) Math.round(z - halfAverage) + 1;
            i2 = i1 + nAverage;
            if (i1 < 0) { i1 = 0; i2 = Math.max(2, i2); }
            if (i2 > nValues) { i2 = nValues; i1 = Math.min(i1, nValues - 2); }
        }
        double[] w = new double[nValues];
        double sum = 0;
        for (int i = i1; i < i2; i++) {
            double ds = (z - positions[i]) / sigma;
            w[i] = Math.exp(-ds * ds);
            sum += w[i];
        }
        if (sum > 0) for (int i = i1; i < i2; i++) w[i] /= sum;
        return w;
    }

    /** The smoothed value of a parameter at x from its sample values. */
    public double value(double x, double[] values) {
        double[] w = weights(x);
        double v = 0;
        for (int i = 0; i < nValues; i++) v += w[i] * values[i];
        return v;
    }
}
