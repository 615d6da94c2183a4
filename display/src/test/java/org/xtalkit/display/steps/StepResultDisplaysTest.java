package org.xtalkit.display.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtalkit.display.Fixtures;
import org.xtalkit.index.BravaisSettings;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.RefineBravaisSettings;
import org.xtalkit.step.Symmetry;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.ReflectionTable;

/** Step results computed here (Bravais table, refinement, symmetry, scaling) render as DIALS shows them, on DIALS' quartz files. */
class StepResultDisplaysTest {
    static ExperimentList indexed, integrated;
    static ReflectionTable indexedRefl, integratedRefl;

    @BeforeAll static void read() {
        indexed = ExptFile.read(Fixtures.quartz("indexed.expt"));
        indexedRefl = ReflReader.read(Fixtures.quartz("indexed.refl"));
        integrated = ExptFile.read(Fixtures.quartz("integrated.expt"));
        integratedRefl = ReflReader.read(Fixtures.quartz("integrated.refl"));
    }

    static String html(Object result) { return StepDisplaysTest.html(result); }

    @Test void bravaisTableMarksTheRecommendedLattices() {
        // these files were indexed with the known symmetry; the table starts from the same basis in P 1
        ExperimentList p1 = ExperimentList.of(indexed.get(0).withCrystal(indexed.get(0).crystal().withSpaceGroup(" P 1")));
        List<BravaisSettings.Setting> s = RefineBravaisSettings.run(p1, indexedRefl, 5.0, 2, Progress.NONE);
        String html = html(s);
        for (String h : BravaisSettings.TABLE_HEADER) assertTrue(html.contains(h), h);
        long recommended = s.stream().filter(BravaisSettings.Setting::recommended).count();
        assertTrue(recommended >= 1);
        assertEquals(recommended, html.split("class=\"chosen\"", -1).length - 1, "one highlighted row per recommended lattice");
        assertTrue(html.contains(">hP<"), "quartz is trigonal: the hP lattice is in the table");
    }

    @Test void refineResultShowsMacroCyclesAndTheCellWithEsds() {
        org.xtalkit.step.Refine.Result r = org.xtalkit.step.Refine.run(indexed, indexedRefl,
                ParamValues.parse("refine", org.xtalkit.step.Refine.PARAMETERS, "scan_varying=False"), Progress.NONE);
        String html = html(r);
        for (String h : RefineDisplay.HEADER) assertTrue(html.contains(h), h);
        assertTrue(html.contains("scan-static"), "the macro-cycle named");
        double[] esd = CrystalCard.cellEsds(r.refinement().parameterNames(), r.refinement().parameterEsds(),
                r.experiments().get(0).crystal().unitCell(), CrystalCard.crystalLabel(r.refinement().parameterNames(), 0, 1));
        assertTrue(esd != null && esd[0] > 0 && esd[0] < 0.05, "a refined to better than 0.05 Å: " + java.util.Arrays.toString(esd));
        assertEquals(esd[0], esd[1], 0, "P 31 2 1: b is a");
        assertEquals(0, esd[3], 0, "α fixed at 90° by symmetry");
        assertTrue(html.contains(CrystalCard.withEsd(r.experiments().get(0).crystal().unitCell().a(), esd[0])), "cell shown with its esd");
    }

    @Test void symmetryShowsBothTablesWithTheBestSolutionMarked() {
        Symmetry.Result r = Symmetry.run(integrated, integratedRefl, ParamValues.parse("symmetry", Symmetry.PARAMETERS), Progress.NONE);
        String html = html(r);
        assertTrue(html.contains("Scoring individual symmetry elements") && html.contains("Scoring all possible sub-groups"));
        for (String h : List.of("likelihood", "Z-CC", "Operator", "Patterson group", "NetZcc", "Reindex operator"))
            assertTrue(html.contains(h), h);
        int chosen = html.indexOf("class=\"chosen\"");
        assertTrue(chosen > 0, "the best solution is marked");
        assertTrue(html.indexOf(">" + r.laue().best().candidate().patterson() + "<", chosen) > chosen, "the marked row is the best solution");
        assertTrue(html.contains(r.spaceGroup().shortName()));
    }

    @Test void scaleResultShowsItsModelAndTheErrorModelFit() {
        org.xtalkit.scale.Scaler.Result r = org.xtalkit.step.Scale.run(integrated, integratedRefl,
                ParamValues.parse("scale", org.xtalkit.step.Scale.PARAMETERS), Progress.NONE);
        String html = html(r);
        assertTrue(html.contains(String.format(Locale.ROOT, "%.5f", Math.abs(r.errorModel().a()))), "error model a as fitted");
        int plots = Fixtures.images(html).size();
        int absorption = r.models().get(0).absorptionParameters().length > 0 ? 1 : 0;
        assertEquals(4 + absorption + (r.errorModel().refined() ? 1 : 0), plots,
                "scale, decay, inverse scale per image, normal probability (+ absorption, error-model bins)");
        Fixtures.assertCharts(html, plots);
    }
}
