package org.xtalkit.symmetry;

/**
 * The likelihood model of Evans (2011, Acta Cryst. D67, 282, appendix A1) as DIALS implements it:
 * p(CC; S) is a Cauchy density centred on E(CC; S) with width σ(CC), truncated to [−1, 1];
 * p(CC; !S) averages that density over true correlations μ in [0, 1] weighted by (1 − μ²)^½.
 */
final class TruncatedCauchy {
    private TruncatedCauchy() {}

    static double pdf(double x, double loc, double scale) {
        double z = (x - loc) / scale;
        double p = 1 / (Math.PI * scale * (1 + z * z));
        return p / (cdf(1, loc, scale) - cdf(-1, loc, scale));
    }

    private static double cdf(double x, double loc, double scale) {
        return 0.5 + Math.atan((x - loc) / scale) / Math.PI;
    }

    static double pGivenS(double cc, double sigma, double expected) { return pdf(cc, expected, sigma); }

    /** ∫₀¹ pdf(cc; μ, σ)(1−μ²)^½ dμ / ∫₀¹ (1−μ²)^½ dμ, with μ = sin θ to smooth the end point. */
    static double pGivenNotS(double cc, double sigma) {
        int n = 2000;  // Simpson on [0, π/2]
        double h = Math.PI / 2 / n, s = 0;
        for (int j = 0; j <= n; j++) {
            double th = j * h, c = Math.cos(th);
            double f = pdf(cc, Math.sin(th), sigma) * c * c;
            s += f * (j == 0 || j == n ? 1 : (j % 2 == 1 ? 4 : 2));
        }
        return s * h / 3 / (Math.PI / 4);
    }
}
