package org.xtalkit.symmetry;

import org.xtalkit.math.Mat3;
import org.xtalkit.model.UnitCell;
import org.xtalkit.progress.Progress;

/**
 * DIALS' default normalisation (ml_aniso): mmtbx's maximum-likelihood anisotropic absolute scaling.
 * Amplitudes F = √I of the positive intensities with 0.008 &lt; d*² &lt; 0.69 are modelled as acentric
 * Wilson variates about the expected scattering Σ_N(1+γ) of {@link ExpectedScattering}: with
 * k(h) = exp(2π²·hᵀU*h − p) and C = Σ_N(1+γ) + k²σ_F², −ln L = Σ [ln C − ln k − ln F + k²F²/C]
 * (the −ln 2 dropped), in P1 as DIALS fits it. Every I and σ(I) is then multiplied by k(h) —
 * the amplitude factor, as cctbx's ml_normalise_aniso applies it to intensities. For small
 * molecules most data lie beyond the fitted range and take the extrapolated falloff, as in DIALS.
 */
final class WilsonNormalisation {
    private WilsonNormalisation() {}

    static final double D_STAR_SQ_LOW = 0.008, D_STAR_SQ_HIGH = 0.690;

    /** The fit: −ln of the scale and U* (u11, u22, u33, u12, u13, u23); null where nothing could be fitted. */
    record Fit(double pScale, double[] uStar, int residues, int n) {
        /** B_cart = 8π² A U* Aᵀ, A the orthogonalisation matrix (cctbx's u_star_as_u_cart). */
        double[] bCart(UnitCell cell) {
            Mat3 a = cell.orthogonalizationMatrix();
            Mat3 u = new Mat3(uStar[0], uStar[3], uStar[4], uStar[3], uStar[1], uStar[5], uStar[4], uStar[5], uStar[2]);
            double[] c = a.times(u).times(a.transpose()).toArray();
            double f = 8 * Math.PI * Math.PI;
            return new double[] {f * c[0], f * c[4], f * c[8], f * c[1], f * c[2], f * c[5]};
        }
    }

    /** Fits and applies the normalisation in place; false (data untouched) when no reflection is in the fitted range. */
    static boolean normalise(int[] hkl, double[] I, double[] S, UnitCell cell, Progress progress) {
        Fit fit = fit(hkl, I, S, cell);
        if (fit == null) {
            progress.log("Too few reflections to normalise by the ml_aniso method: using un-normalised intensities");
            return false;
        }
        double[] b = fit.bCart(cell);
        progress.log("ML estimate of overall B_cart value:");
        progress.log(String.format("  %5.2f, %5.2f, %5.2f%n  %12.2f, %5.2f%n  %19.2f", b[0], b[3], b[4], b[1], b[5], b[2]));
        progress.log("ML estimate of  -log of scale factor:");
        progress.log(String.format("  %5.2f", fit.pScale()));
        double[] u = fit.uStar();
        for (int j = 0; j < I.length; j++) {
            double k = scale(hkl[3 * j], hkl[3 * j + 1], hkl[3 * j + 2], u, fit.pScale(), 1);
            I[j] *= k;
            S[j] *= k;
        }
        return true;
    }

    /** exp(2π²·v·hᵀUh − p), the exponent capped at 500 as cctbx caps it. */
    private static double scale(int h, int k, int l, double[] u, double p, double v) {
        double q = h * (h * u[0] + k * u[3] + l * u[4]) + k * (h * u[3] + k * u[1] + l * u[5]) + l * (h * u[4] + k * u[5] + l * u[2]);
        return Math.exp(Math.min(500, 2 * Math.PI * Math.PI * v * q - p));
    }

    static Fit fit(int[] hkl, double[] I, double[] S, UnitCell cell) {
        double[] gs = cell.metricTensor().inverse().toArray();
        int n0 = I.length, n = 0;
        double[][] x = new double[n0][];
        double[] f = new double[n0], sf2 = new double[n0], a = new double[n0];
        int residues = ExpectedScattering.residues(cell.volume(), 1);
        // mmtbx fits U·V^(-2/3) so that the parameters are of similar size whatever the cell
        double vStar = Math.pow(1 / cell.volume(), 2.0 / 3.0), c = 2 * Math.PI * Math.PI * vStar;
        for (int j = 0; j < n0; j++) {
            int h = hkl[3 * j], k = hkl[3 * j + 1], l = hkl[3 * j + 2];
            double ds = h * (gs[0] * h + gs[1] * k + gs[2] * l) + k * (gs[3] * h + gs[4] * k + gs[5] * l) + l * (gs[6] * h + gs[7] * k + gs[8] * l);
            if (!(I[j] > 0) || ds <= D_STAR_SQ_LOW || ds >= D_STAR_SQ_HIGH) continue;
            double fo = Math.sqrt(I[j]);
            // cctbx's f_sq_as_f (xtal_3_7) for σ(F)
            double sf = (fo < 1e-6 && S[j] < 1e-6) || S[j] < 0 ? 0 : S[j] / (fo + Math.sqrt(S[j] + fo * fo));
            f[n] = fo;
            sf2[n] = sf * sf;
            a[n] = ExpectedScattering.sigmaSq(ds, residues) * (1 + ExpectedScattering.gamma(ds));
            // ln k = c·hᵀUh − p: linear in (p, U11, U22, U33, U12, U13, U23)
            x[n] = new double[] {-1, c * h * h, c * k * k, c * l * l, 2 * c * h * k, 2 * c * h * l, 2 * c * k * l};
            n++;
        }
        if (n == 0) return null;
        double[] th = new double[7];
        double[] grad = new double[7];
        double[][] hess = new double[7][7];
        double fv = evaluate(x, f, sf2, a, n, th, grad, hess);
        for (int it = 0; it < 200; it++) {
            // eigen-decomposed Newton steps that never enter the design's null space: mmtbx's L-BFGS
            // from zero moves only along gradients, which lie in the span of the rows, and where the
            // data leave a direction undetermined (few low-resolution reflections) it stays at zero
            var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(7, true, true);
            if (!eig.decompose(new org.ejml.data.DMatrixRMaj(hess))) break;
            double maxEv = 0;
            for (int r = 0; r < 7; r++) maxEv = Math.max(maxEv, Math.abs(eig.getEigenvalue(r).getReal()));
            double mu = 0, fNew = Double.NaN;
            double[] trial = new double[7];
            for (int tries = 0; tries < 40; tries++) {
                System.arraycopy(th, 0, trial, 0, 7);
                for (int r = 0; r < 7; r++) {
                    double ev = Math.abs(eig.getEigenvalue(r).getReal());
                    if (ev <= 1e-10 * maxEv) continue;
                    var v = eig.getEigenVector(r);
                    double vg = 0;
                    for (int q = 0; q < 7; q++) vg += v.get(q) * grad[q];
                    for (int q = 0; q < 7; q++) trial[q] -= v.get(q) * vg / (ev + mu);
                }
                fNew = evaluate(x, f, sf2, a, n, trial, null, null);
                if (fNew <= fv) break;
                mu = mu == 0 ? 1e-3 * maxEv : mu * 10;
            }
            if (!(fNew <= fv)) break;
            boolean done = fv - fNew <= 1e-14 * Math.abs(fv);
            System.arraycopy(trial, 0, th, 0, 7);
            fv = evaluate(x, f, sf2, a, n, th, grad, hess);
            if (done) break;
        }
        double[] uStar = new double[6];
        for (int r = 0; r < 6; r++) uStar[r] = th[r + 1] * vStar;
        return new Fit(th[0], uStar, residues, n);
    }

    /**
     * −ln L (without the constants) and, where asked, its gradient and Hessian. Per reflection with
     * t = ln k, u = k², D = A + uσ²: φ = −t + ln D + uF²/D, φ' = −1 + 2uσ²/D + 2uF²A/D²,
     * φ'' = 4uσ²A/D² + 4uF²A(A − uσ²)/D³.
     */
    private static double evaluate(double[][] x, double[] f, double[] sf2, double[] a, int n, double[] th, double[] grad, double[][] hess) {
        if (grad != null) {
            java.util.Arrays.fill(grad, 0);
            for (double[] row : hess) java.util.Arrays.fill(row, 0);
        }
        double s = 0;
        for (int j = 0; j < n; j++) {
            double t = 0;
            for (int r = 0; r < 7; r++) t += x[j][r] * th[r];
            t = Math.min(t, 500);
            double u = Math.exp(2 * t), d = a[j] + u * sf2[j], f2 = f[j] * f[j];
            s += -t + Math.log(d) + u * f2 / d;
            if (grad == null) continue;
            double d1 = -1 + 2 * u * sf2[j] / d + 2 * u * f2 * a[j] / (d * d);
            double d2 = 4 * u * sf2[j] * a[j] / (d * d) + 4 * u * f2 * a[j] * (a[j] - u * sf2[j]) / (d * d * d);
            for (int r = 0; r < 7; r++) {
                grad[r] += d1 * x[j][r];
                for (int q = 0; q <= r; q++) hess[r][q] += d2 * x[j][r] * x[j][q];
            }
        }
        if (hess != null) for (int r = 0; r < 7; r++) for (int q = r + 1; q < 7; q++) hess[r][q] = hess[q][r];
        return s;
    }
}
