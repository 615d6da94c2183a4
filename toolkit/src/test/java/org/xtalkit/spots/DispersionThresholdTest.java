package org.xtalkit.spots;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The running-sum threshold against a literal transcription of DIALS' local.h (full summed-area
 * tables in double, two-pass chebyshev distance) on noisy images with spots, masked pixels and
 * overloads: the strong pixels must be identical.
 */
class DispersionThresholdTest {

    @Test
    void extendedMatchesDialsOnNoisyImagesWithSpots() {
        for (int seed = 1; seed <= 4; seed++) compare(ThresholdParams.defaults(), seed, 157, 121);
    }

    @Test
    void plainDispersionMatchesDials() {
        ThresholdParams p = new ThresholdParams("dispersion", null, new int[] {3, 3}, 6, 3, 2, 0);
        for (int seed = 1; seed <= 3; seed++) compare(p, seed, 131, 97);
    }

    @Test
    void gainAndOtherKernelsMatchDials() {
        compare(new ThresholdParams("dispersion_extended", 1.5, new int[] {2, 4}, 5, 2.5, 5, 3), 7, 120, 90);
        compare(new ThresholdParams("dispersion", 0.8, new int[] {4, 2}, 6, 3, 0, 1), 8, 120, 90);
        compare(new ThresholdParams("dispersion_extended", null, new int[] {1, 1}, 6, 3, 2, 0), 9, 64, 80);
    }

    @Test
    void densePathsMatchDialsToo() {
        compare(ThresholdParams.defaults(), 21, 140, 100, 0);
        compare(new ThresholdParams("dispersion_extended", 2.0, new int[] {2, 3}, 4, 2, 2, 0), 22, 100, 120, 0);
    }

    @Test
    void rowBandsGiveTheSameStrongPixelsAsTheWholeImage() {
        for (ThresholdParams p : List.of(ThresholdParams.defaults(),
                new ThresholdParams("dispersion", null, new int[] {2, 3}, 6, 3, 2, 0))) {
            Random rnd = new Random(33);
            int w = 90, h = 130;
            int[] img = Synthetic.image(rnd, w, h, 40, 3);
            IntList whole = new IntList(), bands = new IntList();
            DispersionThreshold th = new DispersionThreshold(p);
            th.threshold(img, null, w, h, -1, 1e6, whole);
            for (int a = 0; a < h; a += 17) th.thresholdRows(img, null, w, h, -1, 1e6, a, Math.min(h, a + 17), bands);
            assertTrue(whole.size > 20);
            assertArrayEquals(whole.toArray(), bands.toArray());
        }
    }

    private void compare(ThresholdParams p, long seed, int w, int h) { compare(p, seed, w, h, 4); }

    private void compare(ThresholdParams p, long seed, int w, int h, double denseLimit) {
        Random rnd = new Random(seed);
        int[] img = Synthetic.image(rnd, w, h, 25, 2.0 + rnd.nextDouble() * 4);
        boolean[] mask = new boolean[w * h];
        for (int k = 0; k < mask.length; k++) mask[k] = rnd.nextDouble() > 0.01;
        for (int y = 0; y < h; y++) for (int x = 40; x < 44; x++) img[y * w + x] = -1; // module gap
        img[5 * w + 7] = 2_000_000; // overload
        IntList ours = new IntList();
        DispersionThreshold th = new DispersionThreshold(p);
        th.denseLimit = denseLimit;
        th.threshold(img, mask, w, h, -1, 1_000_000, ours);
        boolean[] valid = new boolean[w * h];
        for (int k = 0; k < valid.length; k++) valid[k] = mask[k] && img[k] > -1 && img[k] < 1_000_000;
        boolean[] ref = DialsThreshold.threshold(p, img, valid, w, h);
        boolean[] got = new boolean[w * h];
        for (int t = 0; t < ours.size; t++) got[ours.data[t]] = true;
        int n = 0;
        for (boolean b : ref) if (b) n++;
        assertTrue(n > 20, "the test image should have strong pixels, has " + n);
        assertArrayEquals(ref, got, "strong pixels differ from DIALS' algorithm for " + p);
    }
}
