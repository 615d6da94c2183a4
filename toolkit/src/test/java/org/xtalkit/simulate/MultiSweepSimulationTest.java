package org.xtalkit.simulate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.image.ImageSets;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Panel;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.Import;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several sweeps of one crystal: each seen through its own SmarGon setting, one exposure running on. */
class MultiSweepSimulationTest {
    private static final SimulationParams P = SimulationParams.parse("nimages=3", "binning=4", "seed=5", "oscillation=0.5", "b_dose=2", "d_min=3");
    private static final MultiSweepSimulation SIMS = Simulate.insulinSweeps(P, SweepPlan.spread(4));

    @Test
    void everySpotIndexesWithTheOneCrystalThroughItsOwnPhiAndChi() {
        // dxtbx's SmarGon: r_lab = R(omega) . R(chi about -z) . R(phi about x) . A . h, built here by hand
        Experiment truth0 = SIMS.truth().get(0);
        Mat3 aInverse = truth0.crystal().A().inverse();
        for (int k = 0; k < SIMS.size(); k++) {
            Experiment t = SIMS.truth().get(k);
            assertEquals(truth0.crystal().A(), t.crystal().A(), "one crystal on its mount for every sweep");
            double phi = SIMS.plan().phi()[k], chi = SIMS.plan().chi()[k];
            Mat3 f = Mat3.rotation(new Vec3(0, 0, -1), Math.toRadians(chi)).times(Mat3.rotation(new Vec3(1, 0, 0), Math.toRadians(phi)));
            SimulatedSweep s = SIMS.get(k).truth().reflections();
            Panel panel = t.detector().panel(0);
            Vec3 s0 = t.beam().s0();
            assertTrue(s.size() > 100, "sweep " + (k + 1) + " records reflections");
            for (int r = 0; r < s.size(); r++) {
                Vec3 s1 = panel.pixelToLab(s.x(r), s.y(r)).normalize().times(s0.length());
                double omega = Math.toRadians(t.scan().angleFromFrame(s.z(r)));
                Vec3 rCrystal = Mat3.rotation(new Vec3(1, 0, 0), omega).times(f).transpose().times(s1.minus(s0));
                Vec3 hkl = aInverse.times(rCrystal);
                assertEquals(s.h(r), hkl.x(), 0.05, "h of sweep " + (k + 1) + " row " + r);
                assertEquals(s.k(r), hkl.y(), 0.05, "k of sweep " + (k + 1) + " row " + r);
                assertEquals(s.l(r), hkl.z(), 0.05, "l of sweep " + (k + 1) + " row " + r);
            }
        }
    }

    @Test
    void theDoseRunsOnFromSweepToSweepWithNewNoise() {
        for (int k = 1; k < SIMS.size(); k++) {
            SimulatedSweep prev = SIMS.get(k - 1).truth().reflections(), next = SIMS.get(k).truth().reflections();
            assertEquals(prev.imageBDose(prev.numImages() - 1) + 2.0 / 3, next.imageBDose(0), 1e-12, "B rises on by b_dose per sweep");
            assertTrue(SIMS.get(k).experiments().get(0).scan().epochs()[0] > SIMS.get(k - 1).experiments().get(0).scan().epochs()[2]);
        }
        assertEquals(2 * 4 - 1.0 / 3, SIMS.get(3).truth().reflections().imageBDose(2), 1e-12);
        assertFalse(Arrays.equals(SIMS.get(0).images().read(0)[0], SIMS.get(1).images().read(0)[0]));
        // the first sweep is the single sweep of the same parameters on the SmarGon at phi = chi = 0
        Simulation single = Simulate.insulin(P);
        assertArrayEquals(single.images().read(1)[0], SIMS.get(0).images().read(1)[0]);
    }

    @Test
    void importGroupsTheWrittenFilesIntoOneExperimentPerSweep(@TempDir Path dir) {
        MultiSweepSimulation sims = Simulate.insulinSweeps(P.withImages(2), SweepPlan.spread(4));
        ExperimentList written = SimulationWriter.writeSweeps(sims, dir, "ins", 2, Progress.NONE);
        // a glob, as `xtal import ins_?.nxs` or dials.import ../ins10_?.nxs of the tutorial
        ExperimentList imported = Import.run(Import.Params.defaults(), List.of(dir.resolve("ins_?.nxs").toString()));
        assertEquals(4, imported.size());
        for (int k = 0; k < 4; k++) {
            Experiment e = imported.get(k), header = sims.experiments().get(k);
            assertSame(imported.get(0).beam(), e.beam(), "one beam model");
            assertSame(imported.get(0).detector(), e.detector(), "one detector model");
            assertEquals(2, e.scan().numImages());
            assertEquals(0, e.scan().oscillationStart(), 1e-9);
            double[] f = e.goniometer().fixedRotation().toArray(), g = header.goniometer().fixedRotation().toArray();
            for (int i = 0; i < 9; i++) assertEquals(g[i], f[i], 1e-9, "fixed rotation of sweep " + (k + 1));
            try (ImageSource images = ImageSets.open(e, dir)) {
                assertArrayEquals(sims.get(k).images().read(0)[0], images.read(0)[0], "the image of sweep " + (k + 1));
            }
        }
        assertEquals(4, ExptFile.read(dir.resolve("true_model.expt")).size());
        assertEquals(written.size(), imported.size());
    }
}
