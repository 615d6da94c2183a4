package org.xtalkit.symmetry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.UnitCell;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.Symmetry;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dials.symmetry on DIALS-integrated quartz (P 31 2 1, electron diffraction): DIALS 3.12 selects
 * 1464 reflections after filtering and outlier rejection, finds the lattice P 6/m m m with 16
 * candidate Patterson groups, chooses P -3 m 1 (probability 0.936) and recommends P 3 2 1 from
 * 2 present and 6 absent 31c axial reflections (its log on this input).
 */
class SymmetryQuartzTest {
    static ExperimentList experiments;
    static ReflectionTable reflections;
    static Symmetry.Result result;

    @BeforeAll
    static void run() {
        experiments = ExptFile.read(SharedData.data("quartz_processed/integrated.expt"));
        reflections = ReflReader.read(SharedData.data("quartz_processed/integrated.refl"));
        result = Symmetry.run(experiments, reflections, ParamValues.parse("symmetry", Symmetry.PARAMETERS), Progress.NONE);
    }

    @Test
    void selectsTheReflectionsDialsSelects() {
        // 1587 integrated by both methods, 33 partials combined, 42 with I/σ < -5, 48 outliers (DIALS' log)
        IntegratedIntensities sel = IntegratedIntensities.select(reflections, experiments.get(0), 0.4);
        assertEquals(1464, sel.size());
    }

    @Test
    void latticeAndItsSubgroupsAreThoseDialsLists() {
        assertEquals("P 6/m m m", result.lattice().candidates().get(0).patterson());
        List<String> names = new ArrayList<>();
        for (LatticeSymmetry.Candidate c : result.lattice().candidates()) names.add(c.patterson());
        List<String> dials = new ArrayList<>(List.of("P -3 m 1", "P 6/m m m", "C 1 2/m 1", "P -3", "C 1 2/m 1", "C 1 2/m 1",
                "P 6/m", "C m m m", "C m m m", "C m m m", "P -3 1 m", "P -1", "C 1 2/m 1", "P 1 2/m 1", "C 1 2/m 1", "C 1 2/m 1"));
        Collections.sort(names);
        Collections.sort(dials);
        assertEquals(dials, names);
        for (LatticeSymmetry.Candidate c : result.lattice().candidates()) assertTrue(c.delta() < 0.1, c.patterson() + " δ " + c.delta());
    }

    @Test
    void bestLaueGroupAndElementsAsDials() {
        SubgroupScore best = result.laue().best();
        assertEquals("P -3 m 1", best.candidate().patterson());
        assertEquals(0.936, best.likelihood(), 0.06);
        assertTrue(best.confidence() > 0.85, "confidence " + best.confidence());
        // the identity, the threefold and the three twofolds of -3m1 are present, the others not
        int present = 0;
        for (ElementScore e : result.laue().elements()) {
            boolean in = best.candidate().contains(e.rotation());
            if (in) { present++; assertTrue(e.likelihood() > 0.8, e.operator() + " " + e.likelihood()); }
            else assertTrue(e.likelihood() < 0.5, e.operator() + " " + e.likelihood());
            assertEquals(e.cc() / Math.max(0.1, result.laue().ccSigFac() / Math.sqrt(e.n())), e.zcc(), 1e-9);
        }
        assertEquals(5, present);
        assertEquals(10, result.laue().elements().size());
    }

    @Test
    void commandWritesSymmetrizedFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.copy(SharedData.data("quartz_processed/integrated.expt"), dir.resolve("integrated.expt"));
        java.nio.file.Files.copy(SharedData.data("quartz_processed/integrated.refl"), dir.resolve("integrated.refl"));
        var cmd = new org.xtalkit.step.SymmetryCommand();
        cmd.run(List.of("integrated.expt", "integrated.refl"), ParamValues.parse("symmetry", cmd.parameters()), dir, Progress.NONE);
        ExperimentList out = ExptFile.read(dir.resolve("symmetrized.expt"));
        ReflectionTable refl = ReflReader.read(dir.resolve("symmetrized.refl"));
        assertEquals("P 3 2 1", org.xtalkit.spacegroup.SpaceGroup.fromHall(out.get(0).crystal().spaceGroupHall()).xhm());
        assertEquals(reflections.size(), refl.size());
        assertEquals(java.util.Arrays.toString(result.reflections().miller("miller_index")), java.util.Arrays.toString(refl.miller("miller_index")));
    }

    @Test
    void absencesRecommendP321AndOutputIsReindexed() {
        assertEquals("P 3 2 1", result.spaceGroup().xhm());
        String[] axis = result.absences().lines().get(0);
        assertEquals("31c", axis[0]);
        assertEquals("2", axis[2]);
        assertEquals("6", axis[3]);
        UnitCell c = result.experiments().get(0).crystal().unitCell();
        assertEquals(4.9249, c.a(), 1e-3);
        assertEquals(4.9249, c.b(), 1e-3);
        assertEquals(5.4014, c.c(), 1e-3);
        assertEquals(120, c.gamma(), 1e-3);
        assertEquals(result.spaceGroup().hall(), result.experiments().get(0).crystal().spaceGroupHall());
        // the input is already a conventional P 3 2 1 setting: its indexing is kept
        assertTrue(result.lattice().cbInpMin().then(result.laue().best().candidate().cbMinBest()).isIdentity());
        // every reindexed index predicts the same d as before
        int[] before = reflections.miller("miller_index"), after = result.reflections().miller("miller_index");
        UnitCell c0 = experiments.get(0).crystal().unitCell();
        for (int r = 0; r < reflections.size(); r += 97)
            assertEquals(c0.dSpacing(before[3 * r], before[3 * r + 1], before[3 * r + 2]),
                    c.dSpacing(after[3 * r], after[3 * r + 1], after[3 * r + 2]), 1e-6);
    }
}
