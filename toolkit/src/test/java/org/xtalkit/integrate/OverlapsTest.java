package org.xtalkit.integrate;

import org.junit.jupiter.api.Test;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Experiment;
import org.xtalkit.simulate.Simulate;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.table.MaskCode;
import org.xtalkit.table.ReflectionTable;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Overlapping shoeboxes as DIALS' parallel integrator masks them. */
class OverlapsTest {

    @Test void findsExactlyTheIntersectingBoxes() {
        Random rnd = new Random(7);
        int n = 2000;
        int[] bbox = new int[6 * n];
        long[] panel = new long[n];
        boolean[] use = new boolean[n];
        for (int i = 0; i < n; i++) {
            int x = rnd.nextInt(500), y = rnd.nextInt(500), z = rnd.nextInt(50);
            int[] b = {x, x + 1 + rnd.nextInt(40), y, y + 1 + rnd.nextInt(40), z, z + 1 + rnd.nextInt(6)};
            System.arraycopy(b, 0, bbox, 6 * i, 6);
            panel[i] = rnd.nextInt(2);
            use[i] = rnd.nextInt(10) > 0;
        }
        Overlaps o = Overlaps.find(bbox, panel, use);
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            int expected = 0;
            for (int j = 0; j < n; j++) {
                if (j == i || !use[i] || !use[j] || panel[i] != panel[j]) continue;
                boolean meet = true;
                for (int k = 0; k < 6; k += 2)
                    meet &= bbox[6 * i + k] < bbox[6 * j + k + 1] && bbox[6 * j + k] < bbox[6 * i + k + 1];
                if (!meet) continue;
                expected++;
                boolean listed = false;
                for (int q = 0; q < o.count(i); q++) listed |= o.neighbour(i, q) == j;
                assertTrue(listed, j + " is a neighbour of " + i);
            }
            assertEquals(expected, o.count(i), "neighbours of " + i);
            pairs += expected;
        }
        assertEquals(pairs / 2, o.pairs());
        assertTrue(pairs > 1000, "the test boxes overlap: " + pairs);
    }

    /**
     * A neighbour close enough that its spot sits in this shoebox: the pixels marked overlapped are
     * the neighbour's foreground (its spot centre among them) and are kept out of the background.
     */
    @Test void neighboursSpotIsMaskedAndLeftOutOfTheBackground() {
        Experiment e = Simulate.insulin(SimulationParams.parse("nimages=10", "binning=4", "d_min=2.5")).truth().experiments().get(0);
        ReflectionTable t = SweepPredictor.predict(e, 0, 2.5);
        // wide boxes (σ_b × 3 beside a small foreground) so that neighbours fall into them
        ProfileModel model = new ProfileModel(Math.toRadians(0.06), Math.toRadians(0.08), 3);
        double[] s1 = t.vec3("s1"), px = t.vec3("xyzcal.px"), mm = t.vec3("xyzcal.mm");
        int n = t.size();
        int[] bbox = new int[6 * n];
        boolean[] use = new boolean[n];
        for (int i = 0; i < n; i++) {
            int[] b = model.bbox(e, vec(s1, i), px[3 * i + 2], 0, 3.0);
            if (b == null || px[3 * i + 2] < 0 || px[3 * i + 2] >= 10) continue;
            System.arraycopy(b, 0, bbox, 6 * i, 6);
            use[i] = true;
        }
        Overlaps o = Overlaps.find(bbox, new long[n], use);
        int tested = 0;
        for (int i = 0; i < n && tested < 20; i++)
            for (int q = 0; q < o.count(i) && tested < 20; q++) {
                int j = o.neighbour(i, q);
                int[] b = java.util.Arrays.copyOfRange(bbox, 6 * i, 6 * i + 6);
                int cx = (int) Math.floor(px[3 * j]), cy = (int) Math.floor(px[3 * j + 1]), cz = (int) Math.floor(px[3 * j + 2]);
                if (cx < b[0] || cx >= b[1] || cy < b[2] || cy >= b[3] || cz < b[4] || cz >= b[5]) continue;
                ReflectionPixels r = pixels(b, 5);
                ShoeboxMasker.mask(e, model, r, vec(s1, i), mm[3 * i + 2]);
                ShoeboxMasker.markOverlapped(e, model, r, vec(s1, j), mm[3 * j + 2]);
                // the neighbour's own foreground over the same box
                ReflectionPixels other = pixels(b, 0);
                ShoeboxMasker.mask(e, model, other, vec(s1, j), mm[3 * j + 2]);
                int nx = b[1] - b[0], ny = b[3] - b[2];
                assertTrue((r.mask[((cz - b[4]) * ny + cy - b[2]) * nx + cx - b[0]] & MaskCode.OVERLAPPED) != 0,
                        "the neighbour's centre pixel is overlapped");
                int overlapped = 0;
                for (int p = 0; p < r.mask.length; p++)
                    if ((r.mask[p] & MaskCode.OVERLAPPED) != 0) {
                        overlapped++;
                        assertTrue((other.mask[p] & MaskCode.FOREGROUND) != 0, "overlapped pixels are the neighbour's foreground");
                    }
                float[] background = new float[r.data.length];
                BackgroundAndSum.Result res = BackgroundAndSum.process(r, background);
                int free = 0;
                for (int m : r.mask)
                    if ((m & MaskCode.BACKGROUND) != 0 && (m & MaskCode.OVERLAPPED) == 0) free++;
                assertEquals(free, res.nBackground(), "background pixels used: all but the overlapped ones");
                for (int m : r.mask)
                    if ((m & MaskCode.OVERLAPPED) != 0) assertEquals(0, m & MaskCode.BACKGROUND_USED, "an overlapped pixel is not background");
                assertTrue(overlapped > 0);
                tested++;
            }
        assertTrue(tested >= 10, "neighbours inside a shoebox tested: " + tested);
    }

    private static Vec3 vec(double[] v, int i) { return new Vec3(v[3 * i], v[3 * i + 1], v[3 * i + 2]); }

    /** A shoebox of valid pixels with a flat count (no images needed to test masks). */
    private static ReflectionPixels pixels(int[] bbox, float counts) {
        ReflectionPixels r = new ReflectionPixels(0, 0, bbox);
        java.util.Arrays.fill(r.data, counts);
        java.util.Arrays.fill(r.mask, MaskCode.VALID);
        return r;
    }
}
