package org.xtalkit.simulate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtalkit.geometry.RotationPredictor;
import org.xtalkit.math.Erf;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The images against the truth: strong isolated spots are where the truth predicts them, and hold
 * the counts the truth intensity, DIALS' corrections and the partialities say, within Poisson error.
 */
class SimulatedSpotsTest {
    private static Simulation steady, decaying;

    @BeforeAll
    static void simulate() {
        steady = Simulate.insulin(SimulationParams.parse("nimages=16 binning=4 seed=11 b_dose=0 absorption=0"));
        // radiation damage and absorption exaggerated, so that a missing per-image factor shows
        decaying = Simulate.insulin(SimulationParams.parse("nimages=16 binning=4 seed=12 b_dose=5 absorption=0.3"));
    }

    /** Without per-image factors the spot profile in φ is the rocking curve: its centroid is the crossing. */
    @Test
    void centroidsOfStrongIsolatedSpotsAreThePredictedOnes() {
        assertTrue(check(steady, true) >= 20);
    }

    /** With decay and absorption the counts still follow truth × partiality × corrections. */
    @Test
    void countsOfStrongIsolatedSpotsFollowTheTruthWithinPoissonError() {
        assertTrue(check(decaying, false) >= 20);
    }

    /** Checks strong isolated spots; returns how many. */
    private static int check(Simulation sim, boolean centroids) {
        int[][] images = new int[sim.images().size()][];
        for (int i = 0; i < images.length; i++) images[i] = sim.images().read(i)[0];
        SimulatedSweep s = sim.truth().reflections();
        Experiment truth = sim.truth().experiments().get(0);
        Panel panel = truth.detector().panel(0);
        Beam beam = truth.beam();
        Vec3 s0 = beam.s0(), m2 = truth.goniometer().rotationAxis();
        RotationPredictor predictor = new RotationPredictor(truth.crystal().A(), s0, m2);
        int nx = panel.imageSizeFast(), ny = panel.imageSizeSlow();
        boolean[] ok = sim.images().staticMask()[0];
        int half = 3;
        List<Double> normalised = new ArrayList<>();
        int checked = 0;
        for (int r = 0; r < s.size(); r++) {
            double x = s.x(r), y = s.y(r), z = s.z(r), sz = s.sigmaZ(r);
            int z0 = (int) Math.floor(z - 4 * sz), z1 = (int) Math.floor(z + 4 * sz);
            if (z0 < 0 || z1 >= images.length) continue;
            int x0 = (int) Math.floor(x) - half, x1 = (int) Math.floor(x) + half;
            int y0 = (int) Math.floor(y) - half, y1 = (int) Math.floor(y) + half;
            if (x0 < 0 || y0 < 0 || x1 >= nx || y1 >= ny || !isolated(s, r) || !allValid(ok, nx, x0, x1, y0, y1)) continue;

            // expected counts, from the truth intensity and DIALS' corrections computed here
            double[] phi = new double[2];
            predictor.rotationAngles(s.h(r), s.k(r), s.l(r), phi);
            double phiR = nearest(phi, Math.toRadians(truth.scan().angleFromFrame(z)));
            Vec3 s1 = predictor.s1(s.h(r), s.k(r), s.l(r), phiR);
            double d = 1 / s1.minus(s0).length();
            double lorentz = Math.abs(s1.dot(m2.cross(s0))) / (s0.length() * s1.length());
            double p1 = beam.polarizationNormal().dot(s1) / s1.length(), p3 = s1.dot(s0) / (s1.length() * s0.length());
            double polar = (1 - 2 * beam.polarizationFraction()) * (1 - p1 * p1) + beam.polarizationFraction() * (1 + p3 * p3);
            double qe = 1 - Math.exp(-panel.mu() * panel.thickness() / Math.abs(s1.normalize().dot(panel.normal())));
            double full = sim.truth().intensityScale() * sim.truth().intensities().intensity(s.h(r), s.k(r), s.l(r), d)
                    * qe * polar / lorentz;
            double expected = 0, background = 0, sum = 0, sx = 0, sy = 0, szz = 0, zMoment = 0, zWeight = 0;
            boolean overloaded = false;
            for (int i = z0; i <= z1; i++) {
                double zeta = RotationPredictor.zeta(m2, s0, s1);
                double sigmaZ = sim.params().mosaicity() / Math.abs(zeta) / truth.scan().oscillationWidth();
                double onImage = full * Erf.normalFraction(i, i + 1, z, sigmaZ) * s.imageScale(i) * Math.exp(-s.imageBDose(i) / (2 * d * d));
                expected += onImage;
                // frames are sampled at their centres: a narrow rocking curve's frame centroid is not z itself
                zMoment += onImage * (i + 0.5);
                zWeight += onImage;
                for (int yy = y0; yy <= y1; yy++)
                    for (int xx = x0; xx <= x1; xx++) {
                        int v = images[i][yy * nx + xx];
                        if (v >= panel.trustedMax()) overloaded = true;
                        double bg = sim.images().backgroundMean(i, xx, yy);
                        background += bg;
                        double w = v - bg;
                        sum += w;
                        sx += w * (xx + 0.5);
                        sy += w * (yy + 0.5);
                        szz += w * (i + 0.5);
                    }
            }
            if (overloaded || expected < 1000) continue;
            // "strong": the centroid's own Poisson error (σ/√N) is under a third of the tolerance
            if (centroids && sz / Math.sqrt(expected) > 0.05 / 3) continue;
            checked++;
            if (centroids) {
                assertEquals(x, sx / sum, 0.1, "x centroid of " + hkl(s, r));
                assertEquals(y, sy / sum, 0.1, "y centroid of " + hkl(s, r));
                assertEquals(zMoment / zWeight, szz / sum, 0.05, "z centroid (images) of " + hkl(s, r));
            }
            double sigma = Math.sqrt(expected + background);
            assertEquals(expected, sum, 5 * sigma, "total counts of " + hkl(s, r));
            normalised.add((sum - expected) / sigma);
        }
        assertTrue(checked >= 20, "strong isolated spots checked: " + checked);
        double mean = normalised.stream().mapToDouble(v -> v).average().orElseThrow();
        double rms = Math.sqrt(normalised.stream().mapToDouble(v -> v * v).average().orElseThrow());
        assertEquals(0, mean, 0.5, "mean normalised count residual");
        assertEquals(1, rms, 0.3, "rms normalised count residual: Poisson scatter");
        return checked;
    }

    @Test
    void spotsAreWhereTheHeaderlessTruthPutsThemOnTheDetector() {
        // the truth table and the true panel agree: a crossing's s1 projects onto its (x, y)
        SimulatedSweep s = steady.truth().reflections();
        Experiment truth = steady.truth().experiments().get(0);
        RotationPredictor p = new RotationPredictor(truth.crystal().A(), truth.beam().s0(), truth.goniometer().rotationAxis());
        double[] phi = new double[2];
        for (int r = 0; r < s.size(); r += 97) {
            assertTrue(p.rotationAngles(s.h(r), s.k(r), s.l(r), phi));
            double f = nearest(phi, Math.toRadians(truth.scan().angleFromFrame(s.z(r))));
            double[] px = truth.detector().panel(0).rayToPixel(p.s1(s.h(r), s.k(r), s.l(r), f));
            assertEquals(s.x(r), px[0], 1e-6);
            assertEquals(s.y(r), px[1], 1e-6);
        }
    }

    private static boolean isolated(SimulatedSweep s, int r) {
        for (int q = 0; q < s.size(); q++) {
            if (q == r) continue;
            if (Math.abs(s.x(q) - s.x(r)) < 8 && Math.abs(s.y(q) - s.y(r)) < 8
                    && Math.abs(s.z(q) - s.z(r)) < 5 * (s.sigmaZ(q) + s.sigmaZ(r)) + 1) return false;
        }
        return true;
    }

    private static boolean allValid(boolean[] ok, int nx, int x0, int x1, int y0, int y1) {
        for (int y = y0; y <= y1; y++)
            for (int x = x0; x <= x1; x++) if (!ok[y * nx + x]) return false;
        return true;
    }

    private static double nearest(double[] phi, double target) {
        double best = Double.NaN, bestD = Double.MAX_VALUE;
        for (double f : phi) {
            double g = f + 2 * Math.PI * Math.rint((target - f) / (2 * Math.PI));
            if (Math.abs(g - target) < bestD) { bestD = Math.abs(g - target); best = g; }
        }
        return best;
    }

    private static String hkl(SimulatedSweep s, int r) { return "(" + s.h(r) + "," + s.k(r) + "," + s.l(r) + ")"; }
}
