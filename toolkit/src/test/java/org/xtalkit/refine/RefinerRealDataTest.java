package org.xtalkit.refine;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.model.Experiment;
import org.xtalkit.progress.Progress;
import org.xtalkit.spacegroup.SpaceGroup;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refinement of real DIALS-indexed data, held against DIALS' own refined files. */
class RefinerRealDataTest {

    /** RMSDs (X px, Y px, Z images) of DIALS' refined table over its used_in_refinement rows. */
    static double[] rmsdsOver(ReflectionTable t, long[] flags, Experiment e) {
        double[] obs = t.vec3("xyzobs.mm.value"), cal = t.vec3("xyzcal.mm");
        double sx = 0, sy = 0, sz = 0;
        int n = 0;
        for (int i = 0; i < t.size(); i++) {
            if (!Flag.USED_IN_REFINEMENT.allSetIn(flags[i])) continue;
            double dx = cal[3 * i] - obs[3 * i], dy = cal[3 * i + 1] - obs[3 * i + 1], dz = cal[3 * i + 2] - obs[3 * i + 2];
            sx += dx * dx;
            sy += dy * dy;
            sz += dz * dz;
            n++;
        }
        var p = e.detector().panel(0);
        return new double[] {Math.sqrt(sx / n) / p.pixelSizeFast(), Math.sqrt(sy / n) / p.pixelSizeSlow(),
                Math.sqrt(sz / n) / Math.toRadians(e.scan().oscillationWidth()), n};
    }

    @Test void quartzAsTheDialsScriptRefinesIt() {
        // dials.refine indexed.expt indexed.refl crystal.unit_cell.force_static=true detector.fix_list=Dist,Tau
        Experiment e = ExptFile.read(SharedData.data("quartz_processed/indexed.expt")).get(0);
        ReflectionTable t = ReflReader.read(SharedData.data("quartz_processed/indexed.refl"));
        LatticeConstraint lc = LatticeConstraint.forSpaceGroup(SpaceGroup.fromHall(e.crystal().spaceGroupHall()));
        assertEquals(LatticeConstraint.HEXAGONAL, lc);
        Refiner.Options opt = Refiner.Options.defaults(lc).withScanVarying(true, true).withFixDetector(List.of("Dist", "Tau"));
        Refiner.Result r = Refiner.refine(e, t, 0, opt, Progress.NONE);

        Experiment dialsRefined = ExptFile.read(SharedData.data("quartz_processed/refined.expt")).get(0);
        ReflectionTable dialsTable = ReflReader.read(SharedData.data("quartz_processed/refined.refl"));
        assertEquals(t.size(), dialsTable.size());
        // both models judged on the reflections DIALS refined against (the same rows in both files)
        long[] used = dialsTable.flags();
        double[] dials = rmsdsOver(dialsTable, used, dialsRefined);
        double[] ours = rmsdsOver(r.reflections(), used, r.experiment());
        System.out.printf("quartz (%d reflections DIALS used): ours X %.4f Y %.4f Z %.4f px/px/images; DIALS X %.4f Y %.4f Z %.4f"
                + "; ours over our own %d: X %.4f Y %.4f Z %.4f%n", (int) dials[3], ours[0], ours[1], ours[2],
                dials[0], dials[1], dials[2], r.last().nref(), r.last().rmsdXpx(), r.last().rmsdYpx(), r.last().rmsdZimages());
        for (int c = 0; c < 3; c++)
            assertTrue(ours[c] <= 1.05 * dials[c], "RMSD " + "XYZ".charAt(c) + " " + ours[c] + " vs DIALS " + dials[c]);
        // the refined cell agrees with DIALS' within its esds-scale differences
        var cOurs = r.experiment().crystal().unitCell();
        var cDials = dialsRefined.crystal().unitCell();
        assertEquals(cDials.a(), cOurs.a(), 0.005 * cDials.a());
        assertEquals(cDials.c(), cOurs.c(), 0.005 * cDials.c());
        assertEquals(e.scan().numImages() + 1, r.experiment().crystal().aAtScanPoints().size());
    }
}
