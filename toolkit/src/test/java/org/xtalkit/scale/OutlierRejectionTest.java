package org.xtalkit.scale;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class OutlierRejectionTest {

    /** One wild observation in a group of six is rejected; a group of two is never tested. */
    @Test
    void rejectsTheWildObservationOnly() {
        Random rnd = new Random(7);
        int n = 8;
        long[] key = {1, 1, 1, 1, 1, 1, 2, 2};
        double[] i = new double[n], var = new double[n], g = new double[n];
        for (int q = 0; q < n; q++) { i[q] = 100 + 10 * rnd.nextGaussian(); var[q] = 100; g[q] = 1; }
        i[3] = 400;           // 30 σ off
        i[7] = 1000;          // in a pair: cannot be judged
        boolean[] out = new boolean[n];
        int found = OutlierRejection.reject(key, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, i, var, g, 6, out);
        assertEquals(1, found);
        assertTrue(out[3]);
        assertFalse(out[7]);
    }

    /** Scales enter: an observation consistent after applying g is no outlier. */
    @Test
    void judgesScaledIntensities() {
        long[] key = {1, 1, 1, 1};
        double[] i = {100, 101, 99, 300}, var = {4, 4, 4, 36}, g = {1, 1, 1, 3};
        boolean[] out = new boolean[4];
        assertEquals(0, OutlierRejection.reject(key, new int[] {0, 1, 2, 3}, i, var, g, 6, out));
    }
}
