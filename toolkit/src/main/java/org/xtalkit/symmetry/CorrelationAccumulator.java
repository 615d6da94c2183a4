package org.xtalkit.symmetry;

/**
 * Pearson's correlation from running sums, so that the CCs of several operators add up into the CC
 * of a subgroup (DIALS' CorrelationCoefficientAccumulator).
 */
public final class CorrelationAccumulator {
    private long n;
    private double sx, sy, sxy, sxx, syy;

    public void add(double x, double y) {
        n++;
        sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y;
    }

    public void add(CorrelationAccumulator o) {
        n += o.n;
        sx += o.sx; sy += o.sy; sxy += o.sxy; sxx += o.sxx; syy += o.syy;
    }

    public long n() { return n; }

    /** 0 when empty, as DIALS. */
    public double coefficient() {
        if (n == 0) return 0;
        double den = Math.sqrt(n * sxx - sx * sx) * Math.sqrt(n * syy - sy * sy);
        return (n * sxy - sx * sy) / den;
    }
}
