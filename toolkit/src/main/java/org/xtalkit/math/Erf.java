package org.xtalkit.math;

/**
 * The error function, for Gaussian profiles integrated over pixels and images (partialities).
 * Chebyshev-fitted erfc of Numerical Recipes (Press et al., 2nd ed. §6.2): fractional error below
 * 1.2e-7 everywhere, tails included, so differences of erf far out in a profile stay accurate.
 */
public final class Erf {
    private Erf() {}

    public static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    public static double erf(double x) { return 1 - erfc(x); }

    /**
     * Fraction of a normal distribution (mean mu, standard deviation sigma) between a and b (a ≤ b),
     * computed on the side of the tail that keeps precision.
     */
    public static double normalFraction(double a, double b, double mu, double sigma) {
        double s = 1 / (Math.sqrt(2) * sigma);
        double za = (a - mu) * s, zb = (b - mu) * s;
        double f = za >= 0 ? 0.5 * (erfc(za) - erfc(zb)) : zb <= 0 ? 0.5 * (erfc(-zb) - erfc(-za))
                : 1 - 0.5 * (erfc(-za) + erfc(zb));
        return Math.max(0, f);
    }
}
