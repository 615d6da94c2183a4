package org.xtalkit.simulate;

import java.util.SplittableRandom;

/**
 * Poisson deviates: inversion by sequential search for small means, Hörmann's transformed
 * rejection (PTRS, Insurance: Mathematics and Economics 12, 1993) for means of 10 and more.
 */
final class Poisson {
    private static final double[] LOG_FACTORIAL = new double[256];
    static {
        for (int i = 1; i < LOG_FACTORIAL.length; i++) LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
    }

    private Poisson() {}

    static int sample(double lambda, SplittableRandom rng) {
        if (lambda <= 0) return 0;
        return lambda < 10 ? inversion(lambda, Math.exp(-lambda), rng) : ptrs(lambda, rng);
    }

    /** Inversion when exp(-lambda) is already known (a per-pixel background table). */
    static int inversion(double lambda, double expMinusLambda, SplittableRandom rng) {
        double u = rng.nextDouble();
        double p = expMinusLambda, cumulative = p;
        int n = 0;
        while (u > cumulative && n < 1000) {
            n++;
            p *= lambda / n;
            cumulative += p;
        }
        return n;
    }

    private static int ptrs(double lambda, SplittableRandom rng) {
        double slam = Math.sqrt(lambda), logLam = Math.log(lambda);
        double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5, v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) return (int) k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * logLam - logFactorial(k))
                return (int) k;
        }
    }

    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) return LOG_FACTORIAL[(int) k];
        double x = k + 1.0;  // Stirling series for ln Γ(x)
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
