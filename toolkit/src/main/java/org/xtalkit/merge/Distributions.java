package org.xtalkit.merge;

/** The few distribution functions merging statistics need (normal and Student's t quantiles). */
public final class Distributions {
    private Distributions() {}

    /** Complementary error function, fractional error < 1.2e-7 (Chebyshev fit of Numerical Recipes' erfcc). */
    static double erfc(double x) {
        double z = Math.abs(x), t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    public static double normalCdf(double x) { return 0.5 * erfc(-x / Math.sqrt(2)); }

    /** Standard normal quantile by bisection on the CDF (ample precision for plots and tests of significance). */
    public static double normalQuantile(double p) {
        if (p <= 0) return Double.NEGATIVE_INFINITY;
        if (p >= 1) return Double.POSITIVE_INFINITY;
        double lo = -40, hi = 40;
        for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
            double mid = 0.5 * (lo + hi);
            if (normalCdf(mid) < p) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** Student's t quantile, Cornish–Fisher expansion about the normal quantile (good for ν ≥ 3). */
    static double studentTQuantile(double p, int nu) {
        double z = normalQuantile(p), z2 = z * z;
        double g1 = (z2 + 1) * z / 4, g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
        double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
        double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
        return z + g1 / nu + g2 / (nu * (double) nu) + g3 / Math.pow(nu, 3) + g4 / Math.pow(nu, 4);
    }

    /** Critical Pearson r at one-sided level p for n pairs (as iotbx: t/√(n−2+t²)); NaN when n ≤ 2. */
    static double criticalCorrelation(long n, double p) {
        if (n <= 2) return Double.NaN;
        double t = studentTQuantile(1 - p, (int) Math.min(n - 2, Integer.MAX_VALUE));
        return t / Math.sqrt(n - 2 + t * t);
    }
}
