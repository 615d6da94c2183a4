package org.xtalkit.scale;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class BasicErrorModelTest {

    /**
     * Observations drawn with σ_true = 2·σ_given: uncorrected, the normalised deviations (DIALS'
     * δ with its √((n−1)/n) factor) are about twice too wide; the refined model brings the intensity
     * bins' variances back to about 1 with a well above 1.
     */
    @Test
    void recoversUnderestimatedSigmas() {
        Random rnd = new Random(11);
        int groups = 400, per = 4, n = groups * per;
        long[] key = new long[n];
        double[] i = new double[n], var = new double[n], g = new double[n], p = new double[n];
        int[] sel = new int[n];
        for (int h = 0; h < groups; h++) {
            double truth = 50 * Math.exp(3 * rnd.nextDouble());
            for (int k = 0; k < per; k++) {
                int q = h * per + k;
                key[q] = h;
                var[q] = truth + 20;                   // Poisson-like claimed variance
                i[q] = truth + 2 * Math.sqrt(var[q]) * rnd.nextGaussian();
                g[q] = 1;
                p[q] = 1;
                sel[q] = q;
            }
        }
        BasicErrorModel.Fit fit = BasicErrorModel.refine(key, sel, i, var, g, p, 25, 10);
        assertTrue(fit.refined());
        assertTrue(fit.a() > 1.2, "a " + fit.a());
        assertTrue(fit.b() < 0.05, "b " + fit.b());
        double un = 0, co = 0;
        for (int k = 0; k < fit.corrected().length; k++) { un += fit.uncorrected()[k]; co += fit.corrected()[k]; }
        un /= fit.corrected().length;
        co /= fit.corrected().length;
        assertTrue(un > 1.5, "uncorrected mean variance " + un);
        assertEquals(1.0, co, 0.15, "corrected mean variance");
        assertTrue(fit.format().get(4).startsWith("  estimated I/sigma asymptotic limit: "));
    }

    @Test
    void tooFewReflectionsKeepTheStartingModel() {
        long[] key = {1, 1, 2, 2};
        double[] i = {100, 110, 200, 190}, var = {100, 100, 200, 200}, g = {1, 1, 1, 1}, p = {1, 1, 1, 1};
        BasicErrorModel.Fit fit = BasicErrorModel.refine(key, new int[] {0, 1, 2, 3}, i, var, g, p, 25, 10);
        assertFalse(fit.refined());
        assertEquals(1.0, fit.a());
        assertEquals(0.02, fit.b());
        assertEquals("  estimated I/sigma asymptotic limit: 50.000", fit.format().get(4));
    }
}
