package org.xtalkit.tests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.mtz.Mtz;
import org.xtalkit.io.mtz.MtzReader;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.merge.Merge;
import org.xtalkit.merge.MergedReflections;
import org.xtalkit.merge.MergingStatistics;
import org.xtalkit.merge.ScaledInput;
import org.xtalkit.merge.ScaledIntensities;
import org.xtalkit.merge.ShellStatistics;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.step.process.DemoData;
import org.xtalkit.step.process.Pipeline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11's acceptance run: four simulated sweeps of one insulin crystal (binning 4, each at its own
 * SmarGon phi/chi) go from import to merge in one {@code xtal process demo demo.sweeps=4} run. The
 * crystal of joint indexing is the true one; together the sweeps are more complete, more redundant
 * and at least as close to the true intensities as any one of them.
 */
class MultiSweepProcessTest {
    static final int SWEEPS = 4, IMAGES = 12;
    static final SimulationParams TRUTH = SimulationParams.parse("nimages=" + IMAGES, "binning=4");

    @TempDir static Path dir;
    static Pipeline.Result result;
    static ScaledInput scaled;
    static ScaledIntensities all;

    @BeforeAll static void runPipeline() {
        result = Pipeline.run(List.of("demo"), ParamValues.parse("process", Pipeline.PARAMETERS,
                "demo.sweeps=" + SWEEPS, "demo.nimages=" + IMAGES, "demo.binning=4", "nproc=2"), dir, Progress.NONE);
        scaled = ScaledInput.read(List.of(dir.resolve("scaled.expt")), List.of(dir.resolve("scaled.refl")));
        all = ScaledIntensities.select(scaled.reflections(), Double.isNaN(result.dMin()) ? 0 : result.dMin(), 0, 0.4, true);
    }

    @Test
    void jointIndexingFindsTheTrueCrystalForAllSweeps() {
        ExperimentList indexed = ExptFile.read(dir.resolve("indexed.expt"));
        assertEquals(SWEEPS, indexed.size(), "one experiment per sweep");
        Crystal c = indexed.get(0).crystal();
        for (int k = 1; k < SWEEPS; k++) assertSame(c, indexed.get(k).crystal(), "the sweeps share the crystal of joint indexing");
        // the true conventional reciprocal axes, 30 times over (d ≈ 2.6 Å), are lattice vectors of the indexed (P1) crystal
        Mat3 truth = ExptFile.read(dir.resolve("demo_images/true_model.expt")).get(0).crystal().A();
        Mat3 toIndices = c.A().inverse();
        for (int axis = 0; axis < 3; axis++) {
            Vec3 hkl = toIndices.times(truth.column(axis).times(30));
            for (double x : new double[] {hkl.x(), hkl.y(), hkl.z()})
                assertEquals(Math.rint(x), x, 0.03, "true axis " + axis + " x 30 in indexed indices: " + hkl);
        }
    }

    @Test
    void theSweepsTogetherAreMoreCompleteAndMoreRedundantThanAnyOne() {
        ShellStatistics combined = stats(all);
        for (int k = 0; k < SWEEPS; k++) {
            ShellStatistics one = stats(all.ofExperiment(k));
            assertTrue(one.nObs() > 100, "sweep " + (k + 1) + " was integrated and scaled");
            assertTrue(combined.completeness() > one.completeness(),
                    "completeness " + combined.completeness() + " together vs " + one.completeness() + " of sweep " + (k + 1));
            assertTrue(combined.multiplicity() > one.multiplicity(),
                    "multiplicity " + combined.multiplicity() + " together vs " + one.multiplicity() + " of sweep " + (k + 1));
        }
    }

    /**
     * Compared on the same reflections: each sweep's merged intensities against the truth, and the
     * intensities of all sweeps merged for those reflections (a CC over different reflection sets
     * would weigh different shares of strong and weak reflections, not the benefit of merging). Over
     * all of them the CC is set by the strong reflections and their systematic errors (≈ 0.997 either
     * way): there merging must do no harm; on the weaker half (beyond the sweep's median resolution),
     * where counting noise dominates, the extra observations must bring the intensities closer to the truth.
     */
    @Test
    void mergedIntensitiesAreAtLeastAsCloseToTheTruthAsAnySweepAlone() {
        MergedReflections together = Merge.run(all, scaled.spaceGroup(), scaled.medianCell());
        double ccAll = DemoData.ccToTruth(together.hkl(), together.iMean(), scaled.medianCell(), TRUTH);
        assertTrue(ccAll > 0.99, "CC to truth of all sweeps merged: " + ccAll);
        assertEquals(result.ccToTruth(), ccAll, 0.002, "merged.mtz holds what the sweeps merge to");
        Map<List<Integer>, Double> merged = new HashMap<>();
        for (int r = 0; r < together.size(); r++) merged.put(hkl(together.hkl(), r), together.iMean()[r]);
        for (int k = 0; k < SWEEPS; k++) {
            MergedReflections one = Merge.run(all.ofExperiment(k), scaled.spaceGroup(), scaled.medianCell());
            int n = one.size();
            double[] same = new double[n], d = new double[n];
            for (int r = 0; r < n; r++) {
                same[r] = merged.getOrDefault(hkl(one.hkl(), r), Double.NaN);
                d[r] = scaled.medianCell().dSpacing(one.hkl()[3 * r], one.hkl()[3 * r + 1], one.hkl()[3 * r + 2]);
            }
            double ccOne = DemoData.ccToTruth(one.hkl(), one.iMean(), scaled.medianCell(), TRUTH);
            double ccTogether = DemoData.ccToTruth(one.hkl(), same, scaled.medianCell(), TRUTH);
            String sweep = "sweep " + (k + 1) + " (" + n + " reflections)";
            assertTrue(ccTogether >= ccOne - 5e-4, sweep + ": CC to truth " + ccTogether + " merged with all vs " + ccOne + " alone");
            double[] sorted = d.clone();
            java.util.Arrays.sort(sorted);
            double median = sorted[n / 2];
            double[] weakOne = one.iMean().clone(), weakTogether = same.clone();
            for (int r = 0; r < n; r++) if (d[r] >= median) weakOne[r] = weakTogether[r] = Double.NaN;
            double outerOne = DemoData.ccToTruth(one.hkl(), weakOne, scaled.medianCell(), TRUTH);
            double outerTogether = DemoData.ccToTruth(one.hkl(), weakTogether, scaled.medianCell(), TRUTH);
            assertTrue(outerTogether > outerOne, sweep + " beyond " + median + " A: CC to truth " + outerTogether
                    + " merged with all vs " + outerOne + " alone");
        }
    }

    private static List<Integer> hkl(int[] hkl, int r) { return List.of(hkl[3 * r], hkl[3 * r + 1], hkl[3 * r + 2]); }

    @Test
    void theUnmergedMtzNumbersBatchesPerSweep() {
        Mtz mtz = MtzReader.read(dir.resolve("scaled.mtz"));
        float[] batch = mtz.column("BATCH").data();
        TreeSet<Integer> batches = new TreeSet<>();
        for (float b : batch) batches.add(Math.round(b));
        // each sweep's batches form their own block: IMAGES consecutive numbers, blocks apart
        int blocks = 1;
        Integer prev = null;
        for (int b : batches) { if (prev != null && b > prev + 1) blocks++; prev = b; }
        assertEquals(SWEEPS, blocks, "batch blocks " + batches.first() + ".." + batches.last());
        assertTrue(batches.last() - batches.first() + 1 > SWEEPS * IMAGES, "offsets between sweeps");
    }

    private static ShellStatistics stats(ScaledIntensities data) {
        return MergingStatistics.compute(data, scaled.spaceGroup(), scaled.medianCell(), 10).overall();
    }

}
