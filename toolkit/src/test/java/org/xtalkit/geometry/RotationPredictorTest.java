package org.xtalkit.geometry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Panel;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotationPredictorTest {
    private static final double LAMBDA = 0.953738;

    @Test
    void bothCrossingsLieOnTheEwaldSphere() {
        SplittableRandom rng = new SplittableRandom(7);
        Mat3 u = Mat3.rotation(new Vec3(0.3, -0.5, 0.8), 1.1);
        Mat3 a = u.times(Mat3.IDENTITY.times(1 / 41.3));
        Vec3 s0 = new Vec3(0, 0, -1 / LAMBDA), axis = new Vec3(1, 0, 0);
        RotationPredictor p = new RotationPredictor(a, s0, axis);
        double[] phi = new double[2];
        int found = 0;
        for (int t = 0; t < 2000; t++) {
            int h = rng.nextInt(-40, 41), k = rng.nextInt(-40, 41), l = rng.nextInt(-40, 41);
            if (!p.rotationAngles(h, k, l, phi)) continue;
            found++;
            for (double f : phi) {
                Vec3 s1 = p.s1(h, k, l, f);
                assertEquals(1 / LAMBDA, s1.length(), 1e-12, "|s1| of " + h + "," + k + "," + l);
            }
            // at phi[0] the point leaves the sphere: a little later it is outside
            Vec3 later = p.s1(h, k, l, phi[0] + 1e-6);
            assertTrue(later.length() > 1 / LAMBDA, "point moves outwards at the first crossing");
        }
        assertTrue(found > 500, "most random reflections within 2/lambda diffract, got " + found);
        assertFalse(p.rotationAngles(0, 0, 0, phi));
        assertFalse(p.rotationAngles(200, 0, 0, phi), "beyond 2/lambda");
    }

    @Test
    void aPointOnTheAxisNeverDiffracts() {
        // A = identity/40: h along x lies on the rotation axis (blind region)
        RotationPredictor p = new RotationPredictor(Mat3.IDENTITY.times(1 / 40.0), new Vec3(0, 0, -1 / LAMBDA), new Vec3(1, 0, 0));
        assertFalse(p.rotationAngles(5, 0, 0, new double[2]));
    }

    /**
     * The simulated NeXus fixture: its true crystal and detector, predicted with parallax, against the
     * centroids DIALS found (strong spots well above background).
     */
    @Test
    void predictionsOfTheFixtureTruthMeetDialsStrongSpots() throws IOException {
        JsonNode expt = new ObjectMapper().readTree(SharedData.data("nexus/truth/true_model.expt").toFile());
        JsonNode c = expt.get("crystal").get(0);
        Crystal crystal = new Crystal(vec(c.get("real_space_a")), vec(c.get("real_space_b")), vec(c.get("real_space_c")), " I 2b 2c 3");
        Panel panel = new Panel("Panel", "SENSOR_PAD", new Vec3(1, 0, 0), new Vec3(0, -1, 0),
                new Vec3(-155.55, 163.5, -170), new int[] {0, 0}, 1037, 1090, 0.3, 0.3, -1, 1e6, 0.45, "Si",
                3.663091777148076, "", List.of(), 1, 0, true, null);
        RotationPredictor p = new RotationPredictor(crystal.A(), new Vec3(0, 0, -1 / LAMBDA), new Vec3(1, 0, 0));
        List<double[]> predicted = new ArrayList<>();
        double[] phi = new double[2];
        for (int h = -75; h <= 75; h++)
            for (int k = -75; k <= 75; k++)
                for (int l = -75; l <= 75; l++) {
                    if (((h + k + l) & 1) != 0 || h * h + k * k + l * l > 5600 || !p.rotationAngles(h, k, l, phi)) continue;
                    for (double f : phi) {
                        double deg = Math.toDegrees(f);
                        if (deg < -1 || deg > 21) continue;
                        double[] px = panel.rayToPixel(p.s1(h, k, l, f));
                        if (px != null && panel.contains(px[0], px[1])) predicted.add(new double[] {px[0], px[1], deg / 0.5});
                    }
                }
        // grid the predictions in 8-pixel cells for a nearest-neighbour search
        Map<Long, List<double[]>> grid = new HashMap<>();
        for (double[] q : predicted) grid.computeIfAbsent(cell((int) q[0] / 8, (int) q[1] / 8), key -> new ArrayList<>()).add(q);
        List<String> lines = Files.readAllLines(SharedData.reference("nexus/eiger_master.strong.csv"));
        List<double[]> dx = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double x = Double.parseDouble(f[2]), y = Double.parseDouble(f[3]), z = Double.parseDouble(f[4]);
            double intensity = Double.parseDouble(f[8]);
            double z0 = Double.parseDouble(f[14]), z1 = Double.parseDouble(f[15]);
            if (intensity < 5000 || z0 == 0 || z1 == 40) continue;   // strong and complete in φ
            double[] best = null;
            double bestD = 1e9;
            for (int gx = -1; gx <= 1; gx++)
                for (int gy = -1; gy <= 1; gy++)
                    for (double[] q : grid.getOrDefault(cell((int) x / 8 + gx, (int) y / 8 + gy), List.of())) {
                        double d = Math.hypot(q[0] - x, q[1] - y) + Math.abs(q[2] - z);
                        if (d < bestD) { bestD = d; best = q; }
                    }
            if (best == null) continue;
            dx.add(new double[] {best[0] - x, best[1] - y, best[2] - z});
        }
        assertTrue(dx.size() > 500, "strong complete spots: " + dx.size());
        assertEquals(0, median(dx, 0), 0.05, "median x residual (px)");
        assertEquals(0, median(dx, 1), 0.05, "median y residual (px)");
        assertEquals(0, median(dx, 2), 0.05, "median z residual (images)");
        assertTrue(medianAbs(dx, 0) < 0.1 && medianAbs(dx, 1) < 0.1, "median |dx|, |dy| below 0.1 px");
        assertTrue(medianAbs(dx, 2) < 0.1, "median |dz| below 0.1 image");
    }

    private static long cell(int gx, int gy) { return ((long) gx << 32) ^ (gy & 0xffffffffL); }

    private static double median(List<double[]> v, int c) {
        double[] a = v.stream().mapToDouble(r -> r[c]).sorted().toArray();
        return a[a.length / 2];
    }

    private static double medianAbs(List<double[]> v, int c) {
        double[] a = v.stream().mapToDouble(r -> Math.abs(r[c])).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }

    private static Vec3 vec(JsonNode n) { return new Vec3(n.get(0).asDouble(), n.get(1).asDouble(), n.get(2).asDouble()); }
}
