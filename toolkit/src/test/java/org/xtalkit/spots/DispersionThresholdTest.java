package org.xtalkit.spots;

import org.junit.jupiter.api.Test;

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

    private void compare(ThresholdParams p, long seed, int w, int h) {
        Random rnd = new Random(seed);
        int[] img = Synthetic.image(rnd, w, h, 25, 2.0 + rnd.nextDouble() * 4);
        boolean[] mask = new boolean[w * h];
        for (int k = 0; k < mask.length; k++) mask[k] = rnd.nextDouble() > 0.01;
        for (int y = 0; y < h; y++) for (int x = 40; x < 44; x++) img[y * w + x] = -1; // module gap
        img[5 * w + 7] = 2_000_000; // overload
        IntList ours = new IntList();
        new DispersionThreshold(p).threshold(img, mask, w, h, -1, 1_000_000, ours);
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
