package org.xtalkit.symmetry;

/**
 * Anisotropic maximum-likelihood Wilson normalisation, after DIALS' default ml_aniso: the positive
 * intensities are modelled as acentric Wilson variates, exponential with mean Σ(h) = exp(c − hᵀQh),
 * Q a symmetric 3×3 in reciprocal-lattice coordinates (an anisotropic B, unconstrained as in P1);
 * c and Q minimise Σ [ln Σ + I/Σ] (convex: Newton steps with halving). As in DIALS, where cctbx's
 * ml_normalise_aniso multiplies by the amplitude scale although it is given intensities, each I
 * and σ is divided by √Σ(h). Unlike cctbx the fit does not include the expected scattering of a
 * protein of Matthews-estimated size, so the fitted falloff can differ.
 */
final class WilsonNormalisation {
    private WilsonNormalisation() {}

    static void normalise(int[] hkl, double[] I, double[] S) {
        int n = I.length, p = 7;
        double[][] x = new double[n][];
        double mean = 0;
        int pos = 0;
        for (int j = 0; j < n; j++) {
            double h = hkl[3 * j], k = hkl[3 * j + 1], l = hkl[3 * j + 2];
            x[j] = new double[] {1, -h * h, -k * k, -l * l, -2 * h * k, -2 * h * l, -2 * k * l};
            if (I[j] > 0) { mean += I[j]; pos++; }
        }
        if (pos < 2 * p) return;  // too few to fit: un-normalised, as DIALS falls back
        double[] th = new double[p];
        th[0] = Math.log(mean / pos);
        double f = nll(x, I, th);
        for (int it = 0; it < 100; it++) {
            double[][] m = new double[p][p + 1];
            for (int j = 0; j < n; j++) {
                if (I[j] <= 0) continue;
                double r = I[j] * Math.exp(-dot(x[j], th));
                for (int a = 0; a < p; a++) {
                    m[a][p] -= (1 - r) * x[j][a];
                    for (int b = 0; b < p; b++) m[a][b] += r * x[j][a] * x[j][b];
                }
            }
            double[] step = Polynomial.solve(m, p);
            double t = 1, fNew;
            double[] trial = new double[p];
            do {
                for (int a = 0; a < p; a++) trial[a] = th[a] + t * step[a];
                fNew = nll(x, I, trial);
                t /= 2;
            } while (!(fNew <= f) && t > 1e-8);
            if (!(fNew <= f)) break;
            boolean done = f - fNew < 1e-12 * Math.abs(f);
            th = trial.clone();
            f = fNew;
            if (done) break;
        }
        for (int j = 0; j < n; j++) {
            double sigma = Math.exp(0.5 * dot(x[j], th));
            I[j] /= sigma;
            S[j] /= sigma;
        }
    }

    private static double nll(double[][] x, double[] I, double[] th) {
        double s = 0;
        for (int j = 0; j < I.length; j++) {
            if (I[j] <= 0) continue;
            double eta = dot(x[j], th);
            s += eta + I[j] * Math.exp(-eta);
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
