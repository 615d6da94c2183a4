package org.xtalkit.simulate;

import org.junit.jupiter.api.Test;
import org.xtalkit.XtalException;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateTest {

    @Test
    void sameSeedGivesBitIdenticalImagesInAnyOrderAndFromAnyThread() throws Exception {
        SimulationParams p = SimulationParams.parse("nimages=6", "binning=4", "seed=5");
        Simulation a = Simulate.insulin(p), b = Simulate.insulin(p);
        int[] a4 = a.images().read(4)[0];
        b.images().read(0);
        b.images().read(5);
        assertArrayEquals(a4, b.images().read(4)[0], "image 5 alone and after others");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<int[]> f1 = pool.submit(() -> b.images().read(4)[0]);
            Future<int[]> f2 = pool.submit(() -> b.images().read(4)[0]);
            assertArrayEquals(a4, f1.get());
            assertArrayEquals(a4, f2.get());
        } finally {
            pool.shutdownNow();
        }
        assertFalse(Arrays.equals(a4, a.images().read(3)[0]), "images differ");
        Simulation c = Simulate.insulin(SimulationParams.parse("nimages=6", "binning=4", "seed=6"));
        assertFalse(Arrays.equals(a4, c.images().read(4)[0]), "another seed, another crystal");
    }

    /** One small sweep whose header is off by a known beam-centre and distance offset. */
    private static final Simulation OFFSET = Simulate.insulin(SimulationParams.parse("nimages=1", "binning=4",
            "beam_centre_offset=3,-2", "distance_offset=1.5"));

    @Test
    void imagesLookLikeTheI04Eiger() {
        Simulation s = OFFSET;
        Panel panel = s.truth().experiments().get(0).detector().panel(0);
        assertEquals(1037, panel.imageSizeFast());
        assertEquals(1090, panel.imageSizeSlow());
        assertEquals(0.3, panel.pixelSizeFast(), 1e-12);
        double[] centre = panel.beamCentreMm(s.truth().experiments().get(0).beam());
        assertArrayEquals(new double[] {2121.07 / 4, 2221.33 / 4}, new double[] {centre[0] / 0.3, centre[1] / 0.3}, 1e-9);
        assertEquals(170, panel.distance(), 1e-12);
        int[] px = s.images().read(0)[0];
        boolean[] ok = s.images().staticMask()[0];
        int gaps = 0;
        for (int q = 0; q < px.length; q++) {
            if (!ok[q]) { gaps++; assertEquals(-1, px[q]); }
            else assertTrue(px[q] >= 0 && px[q] <= 33005);
        }
        // 3 gaps of 3 columns and 7 gaps of 9 or 10 rows (a binned pixel with any gap pixel is a gap)
        int cols = 3 * 3, rows = 0;
        boolean[] mask = I04Eiger16M.gapMask(4);
        for (int y = 0; y < 1090; y++) if (mask[y * 1037 + 100]) rows++;
        assertEquals(7 * 10, rows, "binned gap rows");
        assertEquals(cols * 1090 + rows * 1037 - cols * rows, gaps);
    }

    @Test
    void headerCarriesTheOffsetGeometryTheTruthTheTrueOne() {
        Simulation s = OFFSET;
        Experiment header = s.experiments().get(0), truth = s.truth().experiments().get(0);
        double[] h = header.detector().panel(0).beamCentreMm(header.beam());
        double[] t = truth.detector().panel(0).beamCentreMm(truth.beam());
        assertEquals(3 * 0.3, h[0] - t[0], 1e-9);
        assertEquals(-2 * 0.3, h[1] - t[1], 1e-9);
        assertEquals(1.5, header.detector().panel(0).distance() - truth.detector().panel(0).distance(), 1e-9);
        assertEquals(null, header.crystal(), "imported experiments have no crystal");
        assertEquals(77.9, truth.crystal().unitCell().a(), 1e-9);
    }

    @Test
    void driftingCrystalIsScanVaryingAndReachesTheDrift() {
        Simulation s = Simulate.insulin(SimulationParams.parse("nimages=10", "binning=4", "cell_drift=0.002",
                "orientation_drift=0.5"));
        var crystal = s.truth().experiments().get(0).crystal();
        assertEquals(11, crystal.aAtScanPoints().size());
        double aEnd = org.xtalkit.model.Crystal.fromA(crystal.AAtScanPoint(10), " P 1").unitCell().a();
        assertEquals(77.9 * 1.002, aEnd, 1e-9);
        var u0 = crystal.AAtScanPoint(0).times(77.9);
        var u1 = crystal.AAtScanPoint(10).times(77.9 * 1.002);
        double cos = (u1.times(u0.transpose()).get(0, 0) + u1.times(u0.transpose()).get(1, 1)
                + u1.times(u0.transpose()).get(2, 2) - 1) / 2;
        assertEquals(0.5, Math.toDegrees(Math.acos(cos)), 1e-6, "rotation between first and last scan point");
    }

    /** A very strong crystal saturates the detector: overloaded pixels read the count cutoff, never more. */
    @Test
    void countsAboveTheTrustedRangeAreOverloads() {
        Simulation s = Simulate.insulin(SimulationParams.parse("nimages=1", "binning=4", "intensity_scale=2e6"));
        int overloads = 0;
        for (int v : s.images().read(0)[0]) {
            assertTrue(v <= 33005);
            if (v == 33005) overloads++;
        }
        assertTrue(overloads > 10, "overloaded pixels: " + overloads);
    }

    @Test
    void badParametersNameTheKey() {
        XtalException e = assertThrows(XtalException.class, () -> SimulationParams.parse("binning=3"));
        assertTrue(e.getMessage().contains("binning"), e.getMessage());
        assertThrows(XtalException.class, () -> SimulationParams.parse("nimage=3"));
    }
}
