package org.xtalkit.merge;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MergingStatsTest {

    /** Two accumulators merged give what one accumulator over both sets of reflections gives. */
    @Test
    void accumulatorsCompose() {
        Random r = new Random(7);
        int n = 400;
        double[] v = new double[n], s = new double[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) { v[i] = 100 + 20 * r.nextGaussian(); s[i] = 5 + r.nextDouble(); idx[i] = i; }
        MergingStats a = new MergingStats(), b = new MergingStats(), all = new MergingStats();
        double[] out = new double[2];
        for (int g = 0; g < n / 4; g++) {
            (g % 2 == 0 ? a : b).addGroup(v, s, idx, 4 * g, 4 * g + 4, null, out);
            all.addGroup(v, s, idx, 4 * g, 4 * g + 4, null, out);
        }
        a.merge(b);
        assertEquals(all.nObs(), a.nObs());
        assertEquals(all.nUniq(), a.nUniq());
        assertEquals(all.rMerge(), a.rMerge(), 1e-12);
        assertEquals(all.rMeas(), a.rMeas(), 1e-12);
        assertEquals(all.rPim(), a.rPim(), 1e-12);
        assertEquals(all.meanIOverSigma(), a.meanIOverSigma(), 1e-12);
        assertEquals(all.ccHalfSigmaTau(), a.ccHalfSigmaTau(), 1e-12);
    }

    @Test
    void inverseVarianceMeanAndRFactorsOfOneReflection() {
        double[] v = {10, 20}, s = {1, 2}, out = new double[2];
        MergingStats m = new MergingStats();
        m.addGroup(v, s, new int[] {0, 1}, 0, 2, null, out);
        assertEquals((10 + 20 / 4.0) / 1.25, out[0], 1e-12);
        assertEquals(Math.sqrt(1 / 1.25), out[1], 1e-12);
        double num = Math.abs(10 - out[0]) + Math.abs(20 - out[0]);
        assertEquals(num / 30, m.rMerge(), 1e-12);
        assertEquals(Math.sqrt(2) * num / 30, m.rMeas(), 1e-12);
        assertEquals(num / 30, m.rPim(), 1e-12);
    }

    /** The first outputs of MT19937 seeded with 1 (as scitbx seeds with seed + 1). */
    @Test
    void cctbxGeneratorIsMt19937() {
        CctbxRandom rng = new CctbxRandom();
        double first = rng.nextDouble();
        // genrand_int32 after init_genrand(1): 1791095845, 4282876139 -> res53
        assertEquals(((1791095845L >>> 5) * 67108864.0 + (4282876139L >>> 6)) / 9007199254740992.0, first, 0);
    }
}
