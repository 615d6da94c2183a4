package org.xtalkit.integrate;

/**
 * The robust mean of Poisson counts (a constant background), as DIALS' "glm" background: a
 * generalised linear model with log link fitted by Fisher scoring with Huber's ψ (tuning constant
 * 1.345) and the Cantoni–Ronchetti (2001) bias correction, so a few strong pixels (an unmasked
 * neighbour, a zinger) do not lift the background.
 */
public final class RobustPoissonMean {
    private RobustPoissonMean() {}

    /**
     * @param y         counts
     * @param n         how many of y to use
     * @param mean0     starting mean (> 0), e.g. the median
     * @param c         Huber tuning constant
     * @param tolerance relative change of log(mean) that ends the iteration
     * @param maxIter   iterations at most
     * @return the mean, or NaN when it did not converge
     */
    public static double mean(double[] y, int n, double mean0, double c, double tolerance, int maxIter) {
        boolean allZero = true;
        for (int i = 0; i < n && allZero; i++) allZero = y[i] == 0;
        if (allZero) return 0; // the Poisson estimate of an empty background; the GLM has no finite log-mean
        double beta = Math.log(mean0);
        for (int it = 0; it < maxIter; it++) {
            if (!(beta > -30 && beta < 30)) return Double.NaN; // diverging: give up rather than overflow
            double mu = Math.exp(beta);
            double svar = Math.sqrt(mu);
            double[] e = expectation(mu, svar, c);
            double dmu = mu;
            double b = e[1] * dmu * dmu / svar;
            double u = 0;
            for (int i = 0; i < n; i++) {
                double res = (y[i] - mu) / svar;
                double psi = Math.max(-c, Math.min(c, res));
                u += (psi - e[0]) * dmu / svar;
            }
            double step = u / (b * n);
            double error = Math.sqrt(step * step / Math.max(1e-10, beta * beta));
            beta += step;
            if (error < tolerance) return Math.exp(beta);
        }
        return Double.NaN;
    }

    /** E[ψ(r)] and E[ψ(r)·r]-type terms of scitbx' glmtbx for the Poisson family. */
    private static double[] expectation(double mu, double svar, double c) {
        int j1 = (int) Math.floor(mu - c * svar), j2 = (int) Math.floor(mu + c * svar);
        double p1 = pdf(mu, j1), p2 = pdf(mu, j2), p3 = cdf(mu, j1), p4 = pdf(mu, j2 + 1), p5 = cdf(mu, j2 + 1);
        double p6 = 1 - p5 + p4, p7 = pdf(mu, j1 - 1), p8 = pdf(mu, j2 - 1), p9 = cdf(mu, j2 - 1);
        double p10 = p9 - p3 + p1;
        double epsi1 = c * (p6 - p3) + (mu / svar) * (p1 - p2);
        double epsi2 = c * (p1 + p2) + (mu * mu / (svar * svar * svar)) * (p10 / mu + p7 - p1 - p8 + p2);
        return new double[] {epsi1, epsi2};
    }

    static double pdf(double mu, int k) {
        if (k < 0) return 0;
        return Math.exp(k * Math.log(mu) - mu - logFactorial(k));
    }

    /** P(Y ≤ k), summed in log space so that large means do not underflow. */
    static double cdf(double mu, int k) {
        if (k < 0) return 0;
        double logMu = Math.log(mu), s = 0;
        for (int i = k; i >= 0; i--) {
            double t = Math.exp(i * logMu - mu - logFactorial(i));
            s += t;
            if (i < mu && t < 1e-17 * s) break;
        }
        return Math.min(1, s);
    }

    /** ln k!: exact below 30, Stirling's series above (error < 1e-12). */
    private static double logFactorial(int k) {
        if (k < 30) {
            double s = 0;
            for (int i = 2; i <= k; i++) s += Math.log(i);
            return s;
        }
        double x = k + 1.0;
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
