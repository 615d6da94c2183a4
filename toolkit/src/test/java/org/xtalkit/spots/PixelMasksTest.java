package org.xtalkit.spots;

import org.junit.jupiter.api.Test;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Panel;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PixelMasksTest {

    @Test
    void iceRingsAreThoseOfHexagonalIce() {
        List<double[]> r = IceRings.ranges(new double[] {4.498, 4.498, 7.338, 90, 90, 120}, 0.002, 1.9);
        // (100) 3.895, (002) 3.669, (101) 3.441, (102) 2.671, (110) 2.249 Å are rings
        for (double d : new double[] {3.8954, 3.669, 3.4408, 2.6712, 2.249}) assertTrue(inside(r, d), "ring at " + d);
        // (001) and (111) are systematically absent in P6_3/mmc
        assertFalse(inside(r, 7.338));
        assertFalse(inside(r, 2.1503));
        for (double[] x : r) assertEquals(0.002, 1 / (x[0] * x[0]) - 1 / (x[1] * x[1]), 1e-9, "width in 1/d^2");
    }

    private static boolean inside(List<double[]> ranges, double d) {
        for (double[] x : ranges) if (x[0] <= d && d <= x[1]) return true;
        return false;
    }

    @Test
    void masksCombineFileMaskPanelRectanglesUserRegionsAndResolution() {
        int w = 100, h = 80;
        Panel p = new Panel("p", "SENSOR_PAD", new Vec3(1, 0, 0), new Vec3(0, -1, 0), new Vec3(-8.6, 6.88, -50),
                new int[] {0, 0}, w, h, 0.172, 0.172, -1, 1e6, 0.45, "Si", 3.96, "", List.of(new int[] {10, 0, 12, 80}),
                1, 0, false, null);
        Detector d = new Detector(List.of(p));
        Beam beam = Beam.simple(1.0);
        boolean[] file = new boolean[w * h];
        java.util.Arrays.fill(file, true);
        file[5 * w + 50] = false;
        MaskParams mp = new MaskParams(2, null, null, List.of(),
                List.of(new MaskParams.Untrusted(0, new int[] {70, 40, 5}, null, null),
                        new MaskParams.Untrusted(0, null, new int[] {20, 30, 60, 70}, null)),
                false, 0.002, null, new double[] {4.498, 4.498, 7.338, 90, 90, 120}, false);
        boolean[] m = PixelMasks.build(d, beam, new boolean[][] {file}, mp)[0];
        assertFalse(m[5 * w + 50], "file mask");
        assertFalse(m[40 * w + 11], "panel untrusted rectangle x0,y0,x1,y1");
        assertFalse(m[0 * w + 40] || m[79 * w + 40] || m[40 * w + 1], "border");
        assertFalse(m[40 * w + 70] || m[43 * w + 72], "circle");
        assertTrue(m[40 * w + 75] && m[45 * w + 70], "outside the circle (corners strictly inside r)");
        assertFalse(m[65 * w + 25], "user rectangle x0,x1,y0,y1");
        assertTrue(m[70 * w + 25] && m[65 * w + 30], "user rectangle is half-open");
        // d_min: pixels beyond the resolution limit are masked, the centre stays
        double dCorner = p.resolutionAtPixel(beam, 3.5, 3.5), dCentre = p.resolutionAtPixel(beam, 50.5, 40.5);
        MaskParams res = new MaskParams(0, (dCorner + dCentre) / 2, null, List.of(), List.of(), false, 0.002, null,
                new double[] {4.498, 4.498, 7.338, 90, 90, 120}, false);
        boolean[] r = PixelMasks.build(d, beam, null, res)[0];
        assertFalse(r[3 * w + 3]);
        assertTrue(r[40 * w + 50]);
    }
}
