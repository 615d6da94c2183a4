package org.xtalkit.symmetry;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The likelihood model's pieces against independent evaluations. */
class LaueModelTest {
    @Test
    void truncatedCauchyIsANormalisedDensityOnMinusOneToOne() {
        for (double loc : new double[] {0, 0.5, 0.95}) {
            double s = 0;
            int n = 20000;
            for (int i = 0; i < n; i++) s += TruncatedCauchy.pdf(-1 + (i + 0.5) * 2.0 / n, loc, 0.1) * 2.0 / n;
            assertEquals(1, s, 1e-6);
        }
    }

    @Test
    void pGivenNotSAveragesOverTrueCorrelations() {
        // midpoint rule in μ directly (no substitution) against the θ-substituted Simpson rule
        double cc = 0.3, sigma = 0.1, num = 0, den = 0;
        int n = 200000;
        for (int i = 0; i < n; i++) {
            double mu = (i + 0.5) / n, w = Math.sqrt(1 - mu * mu);
            num += TruncatedCauchy.pdf(cc, mu, sigma) * w;
            den += w;
        }
        assertEquals(num / den, TruncatedCauchy.pGivenNotS(cc, sigma), 1e-5);
        // a CC near E(CC; S) favours the element, a CC near 0 does not
        assertTrue(TruncatedCauchy.pGivenS(0.95, 0.1, 0.97) > TruncatedCauchy.pGivenNotS(0.95, 0.1));
        assertTrue(TruncatedCauchy.pGivenS(0.0, 0.1, 0.97) < TruncatedCauchy.pGivenNotS(0.0, 0.1));
    }

    @Test
    void correlationAccumulatorsAdd() {
        CorrelationAccumulator a = new CorrelationAccumulator(), b = new CorrelationAccumulator(), all = new CorrelationAccumulator();
        double[][] xy = {{1, 2}, {2, 3.5}, {3, 3}, {4, 6}, {5, 4.5}, {6, 7}};
        for (int i = 0; i < xy.length; i++) {
            (i < 3 ? a : b).add(xy[i][0], xy[i][1]);
            all.add(xy[i][0], xy[i][1]);
        }
        a.add(b);
        assertEquals(all.coefficient(), a.coefficient(), 1e-12);
        assertEquals(6, a.n());
        assertEquals(0, new CorrelationAccumulator().coefficient());
    }
}
