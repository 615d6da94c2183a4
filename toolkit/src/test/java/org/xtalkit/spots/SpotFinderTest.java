package org.xtalkit.spots;

import org.junit.jupiter.api.Test;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Panel;
import org.xtalkit.progress.Progress;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpotFinderTest {

    static Panel panel(int w, int h) {
        return new Panel("p", "SENSOR_PAD", new Vec3(1, 0, 0), new Vec3(0, -1, 0), new Vec3(-w * 0.086, h * 0.086, -200),
                new int[] {0, 0}, w, h, 0.172, 0.172, -1, 1e6, 0.45, "Si", 3.96, "", List.of(), 1, 0, false, null);
    }

    /** A sweep of Poisson background with spots that each span a few images (Gaussian in x, y and z). */
    static final class SweepSource implements ImageSource {
        final int w, h, n;
        final double[][] spots; // cx, cy, cz, sigma, sigmaZ, total
        final long seed;

        SweepSource(int w, int h, int n, int numSpots, long seed) {
            this.w = w; this.h = h; this.n = n; this.seed = seed;
            Random rnd = new Random(seed);
            spots = new double[numSpots][];
            for (int s = 0; s < numSpots; s++)
                spots[s] = new double[] {5 + rnd.nextDouble() * (w - 10), 5 + rnd.nextDouble() * (h - 10),
                        rnd.nextDouble() * n, 0.7 + 0.5 * rnd.nextDouble(), 0.6 + 1.5 * rnd.nextDouble(), 300 + 5000 * rnd.nextDouble()};
        }

        @Override public int size() { return n; }
        @Override public int numPanels() { return 1; }
        @Override public int[] panelSize(int panel) { return new int[] {w, h}; }
        @Override public String description() { return "synthetic sweep"; }

        @Override public int[][] read(int index) {
            double[] mean = new double[w * h];
            java.util.Arrays.fill(mean, 1.5);
            for (double[] s : spots) {
                // fraction of the spot recorded on this image
                double f = phi((index + 1 - s[2]) / s[4]) - phi((index - s[2]) / s[4]);
                if (f * s[5] > 1) Synthetic.addSpot(mean, w, h, s[0], s[1], s[3], f * s[5]);
            }
            Random rnd = new Random(seed * 1000 + index);
            int[] img = new int[w * h];
            for (int k = 0; k < img.length; k++) img[k] = Synthetic.poisson(rnd, mean[k]);
            return new int[][] {img};
        }

        static double phi(double x) { // standard normal CDF (Abramowitz-Stegun 7.1.26 via erf)
            double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
            double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                    * Math.exp(-x * x / 2);
            return 0.5 * (1 + Math.signum(x) * y);
        }
    }

    private SpotFinderResult run(ImageSource src, Detector d, int nproc, boolean twod) {
        SpotFinderParams p = new SpotFinderParams(ThresholdParams.defaults(), 3, 1000, 2.0, 0.25, nproc);
        boolean[][] masks = PixelMasks.build(d, org.xtalkit.model.Beam.simple(1), null, MaskParams.defaults());
        return new SpotFinder(p).find(src, 0, twod, d, masks, Progress.NONE);
    }

    @Test
    void regionsAcrossBlocksAreJoinedExactlyAsInOnePass() {
        SweepSource src = new SweepSource(90, 70, 24, 40, 11);
        Detector d = new Detector(List.of(panel(90, 70)));
        SpotFinderResult one = run(src, d, 1, false);   // one block of 24 images? no: blocks of ceil(24/4)=6
        SpotFinderResult many = run(src, d, 6, false);  // blocks of one image: every region crosses blocks
        assertTrue(one.spots().size() > 15, "spots found: " + one.spots().size());
        assertEquals(one.spots().size(), many.spots().size());
        assertEquals(one.extracted(), many.extracted());
        for (int i = 0; i < one.spots().size(); i++) {
            Spot a = one.spots().get(i), b = many.spots().get(i);
            assertArrayEquals(a.bbox(), b.bbox());
            assertArrayEquals(a.xyz(), b.xyz(), 1e-12);
            assertEquals(a.intensity(), b.intensity());
            assertArrayEquals(a.shoebox().data(), b.shoebox().data());
        }
        // most spots span several images and are found near their true centre
        long multi = one.spots().stream().filter(s -> s.bbox()[5] - s.bbox()[4] > 1).count();
        assertTrue(multi > one.spots().size() / 2, multi + " of " + one.spots().size() + " spots span images");
        int matched = 0, strongTrue = 0;
        for (double[] s : src.spots) {
            if (s[5] < 1500 || s[2] < 2 || s[2] > src.n - 2 || crowded(src, s)) continue;
            strongTrue++;
            for (Spot sp : one.spots())
                if (Math.hypot(sp.xyz()[0] - s[0], sp.xyz()[1] - s[1]) < 0.5 && Math.abs(sp.xyz()[2] - s[2]) < 1) { matched++; break; }
        }
        assertTrue(strongTrue > 5);
        assertTrue(matched >= 0.9 * strongTrue, matched + " of " + strongTrue + " strong spots found at their centre");
    }

    private static boolean crowded(SweepSource src, double[] s) {
        for (double[] o : src.spots)
            if (o != s && Math.hypot(o[0] - s[0], o[1] - s[1]) < 8 && Math.abs(o[2] - s[2]) < 6) return true;
        return false;
    }

    @Test
    void oneImageSplitIntoRowBandsGivesTheSameSpots() {
        SweepSource src = new SweepSource(100, 300, 1, 60, 3);
        Detector d = new Detector(List.of(panel(100, 300)));
        SpotFinderResult one = run(src, d, 1, false), bands = run(src, d, 4, false);
        assertTrue(one.spots().size() > 10);
        assertEquals(one.spots().size(), bands.spots().size());
        for (int i = 0; i < one.spots().size(); i++) assertArrayEquals(one.spots().get(i).xyz(), bands.spots().get(i).xyz());
    }

    @Test
    void stillsAreLabelledPerImage() {
        SweepSource src = new SweepSource(60, 50, 6, 15, 5);
        Detector d = new Detector(List.of(panel(60, 50)));
        SpotFinderResult stills = run(src, d, 2, true);
        assertTrue(stills.spots().size() > 0);
        for (Spot s : stills.spots()) {
            assertEquals(1, s.bbox()[5] - s.bbox()[4], "a still spot lies on one image");
            assertEquals(s.bbox()[4] + 0.5, s.xyz()[2]);
        }
    }

    @Test
    void centroidVarianceAndIntensityFollowDials() {
        // a 2x2 block of values 1,2,3,4 on one frame: mean x = 0.5 + (2+4)/10, DIALS variance rule
        Region r = new Region(0, new int[] {3, 3, 3, 3}, new int[] {10 * 5 + 4, 10 * 5 + 5, 10 * 6 + 4, 10 * 6 + 5},
                new int[] {1, 2, 3, 4});
        Spot s = SpotBuilder.build(r, 10);
        assertEquals(4 + 0.5 + 6.0 / 10, s.xyz()[0], 1e-12);
        assertEquals(5 + 0.5 + 7.0 / 10, s.xyz()[1], 1e-12);
        assertEquals(3.5, s.xyz()[2]);
        double sum = 10, sumSq = 30, dxx = 4 * 0.36 + 6 * 0.16; // weights 1+3 at 0.6 below the mean, 2+4 at 0.4 above
        assertEquals(dxx * sum / (sum * sum - sumSq) / sum + 1.0 / 12, s.variance()[0], 1e-12);
        assertEquals(1.0 / 12, s.variance()[2], 1e-12);
        assertEquals(10, s.intensity());
        assertArrayEquals(new int[] {4, 6, 5, 7, 3, 4}, s.bbox());
        assertArrayEquals(new double[] {5.5, 6.5, 3.5}, s.peak());
        assertEquals(4, s.shoebox().count(org.xtalkit.table.MaskCode.VALID | org.xtalkit.table.MaskCode.FOREGROUND));
    }
}
