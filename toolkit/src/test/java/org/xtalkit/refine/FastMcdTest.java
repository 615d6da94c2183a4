package org.xtalkit.refine;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

class FastMcdTest {
    @Test void findsPlantedOutliersAndFewFalseOnes() {
        Random rnd = new Random(3);
        int n = 2000, bad = 100;
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            // correlated, anisotropic good residuals (mm, mm, rad)
            double a = rnd.nextGaussian(), b = rnd.nextGaussian(), c = rnd.nextGaussian();
            xyz[3 * i] = 0.03 * a;
            xyz[3 * i + 1] = 0.02 * (0.6 * a + 0.8 * b);
            xyz[3 * i + 2] = 0.0005 * c;
        }
        for (int i = 0; i < bad; i++) { // gross errors: wrongly indexed or split spots
            xyz[3 * i] += (rnd.nextBoolean() ? 1 : -1) * (0.3 + rnd.nextDouble());
            xyz[3 * i + 2] += 0.01 * rnd.nextGaussian();
        }
        boolean[] out = FastMcd.outliers(xyz, 42, 500);
        int caught = 0, falsePositives = 0;
        for (int i = 0; i < n; i++) {
            if (out[i] && i < bad) caught++;
            if (out[i] && i >= bad) falsePositives++;
        }
        assertTrue(caught == bad, "caught " + caught + " of " + bad);
        // χ²(0.975) flags 2.5 % of good points by construction; allow up to 4 %
        assertTrue(falsePositives < 0.04 * (n - bad), "false positives " + falsePositives);
    }
}
