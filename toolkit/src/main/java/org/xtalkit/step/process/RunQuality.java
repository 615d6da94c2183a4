package org.xtalkit.step.process;

import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.merge.MergingStatistics;
import org.xtalkit.merge.MergingStatisticsResult;
import org.xtalkit.merge.ScaledInput;
import org.xtalkit.merge.ScaledIntensities;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.UnitCell;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The figures a crystallographer looks at after a run, read from the DIALS-named files in a folder
 * (written by xtalkit or by DIALS: the same code judges both). A figure whose file is absent is
 * NaN (or -1, or null).
 *
 * @param strong          spots in strong.refl
 * @param fractionIndexed indexed fraction of indexed.refl
 * @param indexedCell     the (first) crystal's cell in indexed.expt
 * @param rmsd            X, Y (px) and Z (images) of the reflections used in refinement in refined.refl
 * @param integrated      reflections in integrated.refl with integrated_sum
 * @param statistics      merging statistics of scaled.expt/.refl (20 shells)
 * @param ccToTruth       CC of merged.mtz's IMEAN with the truth (simulated data only)
 */
public record RunQuality(int strong, double fractionIndexed, UnitCell indexedCell, double[] rmsd, int integrated,
                         MergingStatisticsResult statistics, double ccToTruth) {

    public static RunQuality of(Path dir, SimulationParams truth) {
        int strong = -1, integrated = -1;
        double fraction = Double.NaN, cc = Double.NaN;
        UnitCell cell = null;
        double[] rmsd = null;
        MergingStatisticsResult stats = null;
        if (Files.exists(dir.resolve("strong.refl"))) strong = ReflReader.read(dir.resolve("strong.refl")).size();
        if (Files.exists(dir.resolve("indexed.refl")) && Files.exists(dir.resolve("indexed.expt"))) {
            int[] id = ReflReader.read(dir.resolve("indexed.refl")).ints("id");
            int n = 0;
            for (int i : id) if (i >= 0) n++;
            fraction = (double) n / id.length;
            ExperimentList e = ExptFile.read(dir.resolve("indexed.expt"));
            if (!e.experiments().isEmpty() && e.get(0).crystal() != null) cell = e.get(0).crystal().unitCell();
        }
        if (Files.exists(dir.resolve("refined.refl"))) rmsd = rmsd(ReflReader.read(dir.resolve("refined.refl")));
        if (Files.exists(dir.resolve("integrated.refl"))) {
            integrated = 0;
            for (long f : ReflReader.read(dir.resolve("integrated.refl")).flags()) if (Flag.INTEGRATED_SUM.allSetIn(f)) integrated++;
        }
        if (Files.exists(dir.resolve("scaled.refl")) && Files.exists(dir.resolve("scaled.expt"))) {
            ScaledInput in = ScaledInput.read(List.of(dir.resolve("scaled.expt")), List.of(dir.resolve("scaled.refl")));
            stats = MergingStatistics.compute(ScaledIntensities.select(in.reflections(), 0, 0, 0.4, true),
                    in.spaceGroup(), in.medianCell(), 20);
        }
        if (truth != null && Files.exists(dir.resolve("merged.mtz"))) cc = DemoData.ccToTruth(dir.resolve("merged.mtz"), truth);
        return new RunQuality(strong, fraction, cell, rmsd, integrated, stats, cc);
    }

    /** RMSDs of the reflections refinement used: X, Y in pixels, Z in images. */
    static double[] rmsd(ReflectionTable t) {
        if (!t.has("xyzcal.px") || !t.has("xyzobs.px.value")) return null;
        double[] c = t.vec3("xyzcal.px"), o = t.vec3("xyzobs.px.value");
        long[] flags = t.flags();
        double[] s = new double[3];
        int n = 0;
        for (int r = 0; r < t.size(); r++) {
            if (!Flag.USED_IN_REFINEMENT.allSetIn(flags[r])) continue;
            for (int j = 0; j < 3; j++) { double d = c[3 * r + j] - o[3 * r + j]; s[j] += d * d; }
            n++;
        }
        if (n == 0) return null;
        return new double[] {Math.sqrt(s[0] / n), Math.sqrt(s[1] / n), Math.sqrt(s[2] / n)};
    }
}
