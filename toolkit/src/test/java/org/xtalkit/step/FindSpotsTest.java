package org.xtalkit.step;

import org.junit.jupiter.api.Test;
import org.xtalkit.XtalException;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.ImageSetRef;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.progress.Progress;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The find_spots step on a synthetic sweep: DIALS' columns, ids, masks and parameters. */
class FindSpotsTest {

    static Panel panel(int w, int h) {
        return new Panel("p", "SENSOR_PAD", new Vec3(1, 0, 0), new Vec3(0, -1, 0), new Vec3(-w * 0.086, h * 0.086, -100),
                new int[] {0, 0}, w, h, 0.172, 0.172, -1, 1e6, 0.45, "Si", 3.96, "", List.of(), 1, 0, true, null);
    }

    /** Images with a few bright 3x3 spots on a flat background of 2 counts. */
    static org.xtalkit.io.image.ImageSource source(int w, int h, int n, int[][] spots) {
        return new org.xtalkit.io.image.ImageSource() {
            @Override public int size() { return n; }
            @Override public int numPanels() { return 1; }
            @Override public int[] panelSize(int p) { return new int[] {w, h}; }
            @Override public String description() { return "test images"; }
            @Override public int[][] read(int i) {
                Random rnd = new Random(i);
                int[] img = new int[w * h];
                for (int k = 0; k < img.length; k++) img[k] = rnd.nextInt(5);
                for (int[] s : spots) // x, y, image
                    if (s[2] == i)
                        for (int dy = -1; dy <= 1; dy++)
                            for (int dx = -1; dx <= 1; dx++) img[(s[1] + dy) * w + s[0] + dx] = dx == 0 && dy == 0 ? 400 : 100;
                return new int[][] {img};
            }
        };
    }

    private static ExperimentList sweep(int w, int h, int n) {
        Detector d = new Detector(List.of(panel(w, h)));
        Scan scan = new Scan(1, n, 0, 10, 0.5, new double[n], new double[n]);
        Goniometer g = Goniometer.singleAxis(new Vec3(1, 0, 0));
        return ExperimentList.of(new Experiment("abc", Beam.simple(1.0), d, g, scan, null,
                ImageSetRef.sequence("x_####.cbf"), null, null));
    }

    @Test
    void writesDialsColumnsWithCentroidsInPixelsAndMillimetres() {
        int[][] spots = {{20, 30, 0}, {60, 12, 1}, {45, 45, 2}, {45, 45, 3}};
        ExperimentList e = sweep(80, 64, 4);
        List<String> log = new ArrayList<>();
        Progress p = new Progress() {
            @Override public void update(String s, long a, long b) {}
            @Override public synchronized void log(String line) { log.add(line); }
        };
        SpotResult r = FindSpots.run(e, FindSpots.Params.parse("nproc=2"), (ref, a, b) -> source(80, 64, 4, spots), p);
        ReflectionTable t = r.reflections();
        assertEquals(3, t.size(), "the spot on images 3 and 4 is one 3D spot");
        double[] xyz = t.vec3("xyzobs.px.value");
        assertEquals(20.5, xyz[0], 1e-9);
        assertEquals(30.5, xyz[1], 1e-9);
        assertEquals(0.5, xyz[2], 1e-9);
        assertEquals(3.0, xyz[8], 1e-9, "two equal frames 2 and 3: z centroid at 3.0");
        assertTrue(t.getFlags(Flag.STRONG)[0]);
        assertEquals(1200, t.doubles("intensity.sum.value")[0]);
        assertEquals(9, t.ints("n_signal")[0]);
        assertEquals("abc", t.experimentIdentifiers().get(0));
        double[] mm = t.vec3("xyzobs.mm.value");
        Panel pn = e.get(0).detector().panel(0);
        assertEquals(pn.pixelToMm(20.5, 30.5)[0], mm[0], 1e-12);
        assertEquals(Math.toRadians(10 + 0.5 * 0.5), mm[2], 1e-12);
        assertEquals(t.vec3("xyzobs.px.variance")[0] * 0.172 * 0.172, t.vec3("xyzobs.mm.variance")[0], 1e-15);
        assertEquals(9, t.shoeboxes("shoebox")[0].volume());
        assertTrue(log.stream().anyMatch(l -> l.equals("Setting spotfinder.filter.min_spot_size=3")));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("3 spots found on 3 images (max 1 / bin)")), String.join("\n", log));
        assertEquals(4, r.imageSets().get(0).images().size());
        assertEquals(1, r.imageSets().get(0).images().get(0).nSpots());
    }

    @Test
    void untrustedRectangleAndResolutionLimitsRemoveSpots() {
        int[][] spots = {{20, 30, 0}, {60, 12, 1}};
        ExperimentList e = sweep(80, 64, 2);
        SpotResult masked = FindSpots.run(e, FindSpots.Params.parse("untrusted.rectangle=15,25,25,35"),
                (ref, a, b) -> source(80, 64, 2, spots), Progress.NONE);
        assertEquals(1, masked.reflections().size());
        assertEquals(60.5, masked.reflections().vec3("xyzobs.px.value")[0], 1e-9);
        // the beam hits the panel centre (40, 32): the spot at (60, 12) is at higher resolution
        Panel pn = e.get(0).detector().panel(0);
        double d = pn.resolutionAtPixel(e.get(0).beam(), 60.5, 12.5);
        SpotResult high = FindSpots.run(e, FindSpots.Params.parse("filter.d_min=" + (d + 0.5)),
                (ref, a, b) -> source(80, 64, 2, spots), Progress.NONE);
        assertEquals(1, high.reflections().size());
        assertEquals(20.5, high.reflections().vec3("xyzobs.px.value")[0], 1e-9);
    }

    @Test
    void badParametersNameTheKey() {
        XtalException x = assertThrows(XtalException.class, () -> FindSpots.Params.parse("kernel_size=0,3"));
        assertTrue(x.getMessage().contains("kernel_size"), x.getMessage());
        x = assertThrows(XtalException.class, () -> FindSpots.Params.parse("threshold.algorithm=otsu"));
        assertTrue(x.getMessage().contains("dispersion_extended"), x.getMessage());
    }
}
