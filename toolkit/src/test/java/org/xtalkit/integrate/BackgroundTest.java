package org.xtalkit.integrate;

import org.junit.jupiter.api.Test;
import org.xtalkit.XtalException;
import org.xtalkit.table.MaskCode;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DIALS' background models (glm and the simple ones) on shoeboxes with a known background. */
class BackgroundTest {
    static final int NX = 21, NY = 21, NZ = 3;

    /** A shoebox: background a + b·x + c·y, a spot of {@code spot} counts in the central ellipse, zingers. */
    static ReflectionPixels shoebox(double a, double b, double c, double spot, int zingers, long seed, boolean noise) {
        ReflectionPixels r = new ReflectionPixels(0, 0, new int[] {100, 100 + NX, 200, 200 + NY, 5, 5 + NZ});
        SplittableRandom rnd = new SplittableRandom(seed);
        double norm = 0;
        for (int j = 0; j < NY; j++) for (int i = 0; i < NX; i++) if (inSpot(i, j)) norm += gauss(i, j);
        for (int k = 0, p = 0; k < NZ; k++)
            for (int j = 0; j < NY; j++)
                for (int i = 0; i < NX; i++, p++) {
                    double mu = a + b * (i + 0.5) + c * (j + 0.5);
                    if (inSpot(i, j) && k == 1) mu += spot * gauss(i, j) / norm;
                    r.data[p] = noise ? poisson(mu, rnd) : (float) mu;
                    r.mask[p] = MaskCode.VALID | (inSpot(i, j) ? MaskCode.FOREGROUND : MaskCode.BACKGROUND);
                }
        for (int z = 0; z < zingers; z++) {
            int p;
            do p = rnd.nextInt(NX * NY * NZ); while ((r.mask[p] & MaskCode.BACKGROUND) == 0);
            r.data[p] += 500;
        }
        return r;
    }

    static boolean inSpot(int i, int j) { return (i - 10) * (i - 10) + (j - 10) * (j - 10) <= 16; }
    static double gauss(int i, int j) { return Math.exp(-((i - 10) * (i - 10) + (j - 10) * (j - 10)) / 4.0); }

    static float poisson(double mu, SplittableRandom rnd) {
        double l = Math.exp(-mu), p = 1;
        int k = 0;
        do { k++; p *= rnd.nextDouble(); } while (p > l);
        return k - 1;
    }

    @Test void linearModelsRecoverAPlaneDespiteZingers() {
        ReflectionPixels r = shoebox(3, 0.2, -0.1, 0, 4, 1, false);
        for (Background bg : new Background[] {Background.simple("linear2d", "nsigma"), Background.simple("linear2d", "tukey"),
                Background.simple("linear3d", "tukey")}) {
            ReflectionPixels s = shoebox(3, 0.2, -0.1, 0, 4, 1, false);
            BackgroundFit fit = bg.fit(s);
            for (int k = 0; k < NZ; k++)
                for (int j = 0; j < NY; j++)
                    for (int i = 0; i < NX; i++)
                        assertEquals(3 + 0.2 * (i + 0.5) - 0.1 * (j + 0.5), fit.value(k, j, i), 1e-6, bg + " at " + i + "," + j);
            int zingersUsed = 0;
            for (int p = 0; p < s.data.length; p++)
                if ((s.mask[p] & MaskCode.BACKGROUND_USED) != 0 && s.data[p] > 400) zingersUsed++;
            assertEquals(0, zingersUsed, bg + ": zingers rejected");
        }
        // without outlier rejection the zingers lift the plane
        BackgroundFit plain = Background.simple("linear2d", "null").fit(r);
        assertTrue(plain.value(1, 10, 10) > 3 + 0.2 * 10.5 - 0.1 * 10.5 + 0.5, "zingers pull an unguarded fit");
    }

    /** Every model gives the spot's counts back within its error on a noisy, flat-ish background. */
    @Test void summedIntensityWithEveryModel() {
        String[][] choices = {{"constant3d", "tukey"}, {"constant2d", "nsigma"}, {"linear2d", "nsigma"}, {"linear3d", "truncated"},
                {"constant3d", "null"}};
        for (int seed = 0; seed < 5; seed++) {
            for (String[] c : choices) {
                ReflectionPixels r = shoebox(2, 0.05, 0.02, 800, 0, seed, true);
                float[] background = new float[r.data.length];
                BackgroundAndSum.Result res = BackgroundAndSum.process(r, background, Background.simple(c[0], c[1]));
                assertTrue(res.ok(), c[0] + "/" + c[1]);
                assertEquals(800, res.intensity(), 4 * Math.sqrt(res.variance()), c[0] + "/" + c[1] + " seed " + seed);
                assertEquals(2 + 0.05 * 10.5 + 0.02 * 10.5, res.background(), 0.3, "background.mean " + c[0] + "/" + c[1]);
            }
            ReflectionPixels r = shoebox(2, 0, 0, 800, 0, seed, true);
            BackgroundAndSum.Result glm = BackgroundAndSum.process(r, new float[r.data.length]);
            assertEquals(2, glm.background(), 0.2, "glm");
            assertEquals(800, glm.intensity(), 4 * Math.sqrt(glm.variance()), "glm");
        }
    }

    @Test void tooFewPixelsFailAndBadChoicesAreNamed() {
        ReflectionPixels r = shoebox(2, 0, 0, 0, 0, 3, true);
        for (int p = NX * NY; p < r.mask.length; p++) r.mask[p] &= ~MaskCode.VALID; // only the first frame is valid
        assertEquals(null, Background.simple("linear2d", "null").fit(r), "a plane per frame needs pixels on every frame");
        assertTrue(Background.simple("constant3d", "null").fit(r) != null, "one constant for the shoebox does not");
        XtalException x = assertThrows(XtalException.class, () -> Background.simple("quadratic", "null"));
        assertTrue(x.getMessage().contains("quadratic"));
    }
}
