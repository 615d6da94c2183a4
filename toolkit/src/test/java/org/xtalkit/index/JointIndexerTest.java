package org.xtalkit.index;

import org.junit.jupiter.api.Test;
import org.xtalkit.math.Mat3;
import org.xtalkit.model.Crystal;
import org.xtalkit.progress.Progress;
import org.xtalkit.simulate.MultiSweepSimulation;
import org.xtalkit.simulate.Simulate;
import org.xtalkit.simulate.SimulatedSweep;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.simulate.SweepPlan;
import org.xtalkit.step.Index;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four sweeps of one crystal at different SmarGon settings indexed together: one crystal for all,
 * in the orientation the crystal really has on its mount.
 */
class JointIndexerTest {
    private static final MultiSweepSimulation SIMS = Simulate.insulinSweeps(
            SimulationParams.parse("nimages=10", "binning=4", "seed=3", "oscillation=0.5", "d_min=2.5"), SweepPlan.spread(4));
    /** Indexed in the known space group: shared by the tests that look at the joint solution. */
    private static final Indexer.Result I213 = Index.run(SIMS.experiments(), strong(SIMS),
            ParamValues.parse("index", Index.PARAMETERS, "indexing.known_symmetry.space_group=I213"), Progress.NONE);

    /** Spot centroids as spot finding would give them: the true centres with 0.15 px / 0.1 image of scatter. */
    static ReflectionTable strong(MultiSweepSimulation sims) {
        int n = 0;
        for (int k = 0; k < sims.size(); k++) {
            SimulatedSweep s = sims.get(k).truth().reflections();
            for (int j = 0; j < s.size(); j++) if (recorded(s, j)) n++;
        }
        ReflectionTable t = new ReflectionTable(n);
        double[] xyz = t.newVec3("xyzobs.px.value"), var = t.newVec3("xyzobs.px.variance");
        int[] id = t.newInts("id");
        t.newInts("panel");
        SplittableRandom rng = new SplittableRandom(7);
        int r = 0;
        for (int k = 0; k < sims.size(); k++) {
            SimulatedSweep s = sims.get(k).truth().reflections();
            for (int j = 0; j < s.size(); j++) {
                if (!recorded(s, j)) continue;
                xyz[3 * r] = s.x(j) + 0.15 * gauss(rng);
                xyz[3 * r + 1] = s.y(j) + 0.15 * gauss(rng);
                xyz[3 * r + 2] = s.z(j) + 0.1 * gauss(rng);
                var[3 * r] = var[3 * r + 1] = 0.0225;
                var[3 * r + 2] = 0.01;
                id[r++] = k;
            }
        }
        return t;
    }

    /** Strong enough to be found, with its centre inside the scan. */
    private static boolean recorded(SimulatedSweep s, int j) {
        return s.z(j) >= 0 && s.z(j) <= s.numImages() && s.fullCounts(j) >= 2000;
    }

    private static double gauss(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void oneCrystalFromAllSweepsInItsTrueOrientation() {
        Indexer.Result r = I213;
        assertEquals(4, r.experiments().size(), "one experiment per sweep");
        Crystal c = r.experiments().get(0).crystal();
        for (int k = 1; k < 4; k++) assertSame(c, r.experiments().get(k).crystal(), "one crystal shared by the sweeps");
        assertEquals(77.9, c.unitCell().a(), 0.05);
        assertTrue(misorientationDeg(c.A(), SIMS.truth().get(0).crystal().A()) < 0.05,
                "orientation within 0.05 degrees of the truth: " + misorientationDeg(c.A(), SIMS.truth().get(0).crystal().A()));
        // every sweep indexes, each through its own goniometer
        int[] id = r.reflections().ints("id"), set = r.reflections().ints("imageset_id");
        int[] indexed = new int[4], total = new int[4];
        for (int i = 0; i < id.length; i++) { total[set[i]]++; if (id[i] >= 0) { indexed[set[i]]++; assertEquals(set[i], id[i]); } }
        for (int k = 0; k < 4; k++) assertTrue(indexed[k] > 0.95 * total[k], "sweep " + (k + 1) + ": " + indexed[k] + " of " + total[k]);
        for (double[] rmsd : r.rmsds()) assertTrue(rmsd[0] < 0.5 && rmsd[1] < 0.5 && rmsd[2] < 0.3, "rmsd " + rmsd[0] + " " + rmsd[1] + " " + rmsd[2]);
        String summary = Index.summary(r);
        assertTrue(summary.contains("Crystal model 1") && !summary.contains("Crystal model 2"), summary);
    }

    @Test
    void withoutKnownSymmetryTheSharedCrystalIsThePrimitiveCubicCell() {
        Indexer.Result r = Index.run(SIMS.experiments(), strong(SIMS), ParamValues.parse("index", Index.PARAMETERS), Progress.NONE);
        var cell = r.experiments().get(2).crystal().unitCell();
        // the primitive cell of I-centred a = 77.9: edges a√3/2, angles 109.47°
        assertEquals(77.9 * Math.sqrt(3) / 2, cell.a(), 0.1);
        assertEquals(77.9 * Math.sqrt(3) / 2, cell.c(), 0.1);
        assertEquals(109.47, cell.alpha(), 0.2);
        assertTrue(r.fractionIndexed() > 0.95);
    }

    /** Refinement after joint indexing, sweep by sweep: every sweep keeps the reflections its own refinement used. */
    @Test
    void eachSweepKeepsItsOwnRefinementFlags() {
        Indexer.Result r = I213;
        var refined = org.xtalkit.step.Refine.run(r.experiments(), r.reflections(),
                ParamValues.parse("refine", org.xtalkit.step.Refine.PARAMETERS, "scan_varying=False"), Progress.NONE);
        int[] id = refined.reflections().ints("id");
        long[] flags = refined.reflections().flags();
        int[] used = new int[4];
        for (int i = 0; i < id.length; i++) if (id[i] >= 0 && Flag.USED_IN_REFINEMENT.allSetIn(flags[i])) used[id[i]]++;
        for (int k = 0; k < 4; k++) {
            assertTrue(used[k] > 100, "sweep " + (k + 1) + " has " + used[k] + " reflections used in refinement");
            assertEquals(77.9, refined.experiments().get(k).crystal().unitCell().a(), 0.05);
        }
    }

    /** Smallest rotation between two cubic orientations over the 24 rotations of 432 (A·R against the truth). */
    static double misorientationDeg(Mat3 a, Mat3 truth) {
        double best = 180;
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] p : perms)
            for (int signs = 0; signs < 8; signs++) {
                double[] m = new double[9];
                for (int i = 0; i < 3; i++) m[3 * i + p[i]] = (signs >> i & 1) == 1 ? -1 : 1;
                Mat3 rot = new Mat3(m);
                if (rot.determinant() < 0) continue;
                Mat3 d = a.times(rot).times(truth.inverse());
                d = d.times(1 / Math.cbrt(d.determinant()));
                double cos = Math.max(-1, Math.min(1, (d.get(0, 0) + d.get(1, 1) + d.get(2, 2) - 1) / 2));
                best = Math.min(best, Math.toDegrees(Math.acos(cos)));
            }
        return best;
    }
}
