package org.xtalkit.display.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtalkit.display.Displays;
import org.xtalkit.display.Fixtures;
import org.xtalkit.display.MimeBundle;
import org.xtalkit.index.BravaisSettings;
import org.xtalkit.index.Indexer;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.merge.MergingStatistics;
import org.xtalkit.merge.MergingStatisticsResult;
import org.xtalkit.merge.ScaledInput;
import org.xtalkit.merge.ScaledIntensities;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.spots.ImageStats;
import org.xtalkit.spots.SpotHistogram;
import org.xtalkit.step.RefineBravaisSettings;
import org.xtalkit.step.SpotResult;
import org.xtalkit.step.Symmetry;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.ReflectionTable;

/** Every step result renders as DIALS shows it, on DIALS' own quartz files (3D ED, P 31 2 1). */
class StepDisplaysTest {
    static ExperimentList imported, indexed, refined, integrated, scaled;
    static ReflectionTable strong, indexedRefl, refinedRefl, integratedRefl, scaledRefl;

    @BeforeAll static void read() {
        imported = ExptFile.read(Fixtures.quartz("imported.expt"));
        strong = ReflReader.read(Fixtures.quartz("strong.refl"));
        indexed = ExptFile.read(Fixtures.quartz("indexed.expt"));
        indexedRefl = ReflReader.read(Fixtures.quartz("indexed.refl"));
        refined = ExptFile.read(Fixtures.quartz("refined.expt"));
        refinedRefl = ReflReader.read(Fixtures.quartz("refined.refl"));
        integrated = ExptFile.read(Fixtures.quartz("integrated.expt"));
        integratedRefl = ReflReader.read(Fixtures.quartz("integrated.refl"));
        scaled = ExptFile.read(Fixtures.quartz("scaled.expt"));
        scaledRefl = ReflReader.read(Fixtures.quartz("scaled.refl"));
    }

    static String html(Object result) {
        MimeBundle b = Displays.render(result).orElseThrow(() -> new AssertionError("no renderer for " + result.getClass()));
        assertTrue(b.get(MimeBundle.TEXT) != null && !b.get(MimeBundle.TEXT).isBlank(), "a text form for plain front ends");
        return b.get(MimeBundle.HTML);
    }

    @Test void findSpotsShowsSpotsPerImageAndTheHistogram() {
        List<ImageStats> stats = ImageStats.of(strong, imported.get(0), 0);
        assertEquals(imported.get(0).scan().numImages(), stats.size());
        int sum = 0;
        for (ImageStats s : stats) sum += s.nSpots();
        assertEquals(strong.size(), sum, "every strong spot counted on its image");
        double[] z = new double[strong.size()];
        for (int i = 0; i < z.length; i++) z[i] = strong.vec3("xyzobs.px.value")[3 * i + 2];
        String hist = SpotHistogram.render(z);
        SpotResult r = new SpotResult(strong, List.of(new SpotResult.ImageSetSpots(0, stats, new int[stats.size()], hist, 0)));
        String html = html(r);
        for (String h : FindSpotsDisplay.HEADER) assertTrue(html.contains(h), h);
        assertTrue(html.contains(strong.size() + " strong spots"));
        assertTrue(html.contains(hist.split("\n")[0]), "DIALS' histogram heading line");
        List<java.awt.image.BufferedImage> plots = Fixtures.images(html);
        assertTrue(plots.size() >= 1);
        Fixtures.assertCharts(html, plots.size());
    }

    @Test void indexShowsTheCrystalAndPercentIndexed() {
        int[] id = indexedRefl.ints("id");
        int n = 0;
        for (int v : id) if (v >= 0) n++;
        List<double[]> rmsds = new ArrayList<>();
        rmsds.add(new double[] {0.5, 0.6, 0.1});
        String html = html(new Indexer.Result(indexed, indexedRefl, rmsds));
        for (String h : IndexDisplay.HEADER) assertTrue(html.contains(h), h);
        assertTrue(html.contains(">" + n + "<"), "# indexed " + n);
        assertTrue(html.contains(String.format(Locale.ROOT, "%.1f", 100.0 * n / id.length)));
        assertTrue(html.contains(String.format(Locale.ROOT, "%.4f", indexed.get(0).crystal().unitCell().a())), "cell a");
        assertTrue(html.contains("0.6000"), "the RMSDs given");
    }

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

    @Test void refineShowsRmsdsAndCrystalFromFiles() {
        String html = RefineDisplay.html(refined, refinedRefl);
        assertTrue(html.contains("RMSD X (px)") && html.contains("Refined crystal 1"));
        List<java.awt.image.BufferedImage> plots = Fixtures.images(html);
        int expected = 2 + (refined.get(0).crystal().isScanVarying() ? 2 : 0);
        Fixtures.assertCharts(html, expected);
        assertTrue(plots.size() == expected);
    }

    @Test void refineResultShowsMacroCyclesAndTheCellWithEsds() {
        org.xtalkit.step.Refine.Result r = org.xtalkit.step.Refine.run(indexed, indexedRefl,
                ParamValues.parse("refine", org.xtalkit.step.Refine.PARAMETERS, "scan_varying=False"), Progress.NONE);
        String html = html(r);
        for (String h : RefineDisplay.HEADER) assertTrue(html.contains(h), h);
        assertTrue(html.contains("scan-static"), "the macro-cycle named");
        double[] esd = CrystalCard.cellEsds(r.refinement().parameterNames(), r.refinement().parameterEsds(),
                r.experiments().get(0).crystal().unitCell());
        assertTrue(esd != null && esd[0] > 0 && esd[0] < 0.05, "a refined to better than 0.05 Å: " + java.util.Arrays.toString(esd));
        assertEquals(esd[0], esd[1], 0, "P 31 2 1: b is a");
        assertEquals(0, esd[3], 0, "α fixed at 90° by symmetry");
        assertTrue(html.contains(CrystalCard.withEsd(r.experiments().get(0).crystal().unitCell().a(), esd[0])), "cell shown with its esd");
    }

    @Test void valuesCarryTheirEsdInTheLastDigits() {
        assertEquals("67.4636(12)", CrystalCard.withEsd(67.46357, 0.0012));
        assertEquals("109.47(3)", CrystalCard.withEsd(109.4712, 0.03));
        assertEquals("5.4(3)", CrystalCard.withEsd(5.41, 0.25));
        assertEquals("78(2)", CrystalCard.withEsd(78.1, 2.2));
    }

    @Test void integrateShowsShellsAndPerImage() {
        List<IntegrateDisplay.Shell> shells = IntegrateDisplay.shells(integratedRefl);
        assertEquals(10, shells.size());
        for (int k = 1; k < shells.size(); k++) assertTrue(shells.get(k).dMax() <= shells.get(k - 1).dMax(), "low to high resolution");
        assertTrue(shells.get(0).iOverSigmaSum() > shells.get(9).iOverSigmaSum(), "I/σ falls with resolution");
        String html = IntegrateDisplay.html(integrated, integratedRefl);
        for (String h : List.of("d_max", "d_min", "#obs", "&lt;I/sigI&gt; (sum)", "&lt;I/sigI&gt; (prf)")) assertTrue(html.contains(h), h);
        Fixtures.assertCharts(html, 2);
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

    @Test void scaleShowsTheModelTermsAndErrorModel() {
        String html = ScaleDisplay.html(scaled, scaledRefl);
        assertTrue(html.contains("Error model") && html.contains("I/σ asymptotic limit"));
        Fixtures.assertCharts(html, 3);   // scale term, decay term, inverse scale per image
    }

    @Test void scaleResultShowsItsModelAndTheErrorModelFit() {
        org.xtalkit.scale.Scaler.Result r = org.xtalkit.step.Scale.run(integrated, integratedRefl,
                ParamValues.parse("scale", org.xtalkit.step.Scale.PARAMETERS), Progress.NONE);
        String html = html(r);
        assertTrue(html.contains(String.format(Locale.ROOT, "%.5f", Math.abs(r.errorModel().a()))), "error model a as fitted");
        int plots = Fixtures.images(html).size();
        assertEquals(3 + (r.errorModel().refined() ? 1 : 0), plots, "scale, decay, inverse scale per image (+ error-model bins)");
        Fixtures.assertCharts(html, plots);
    }

    @Test void mergeShowsTheStatisticsTableAndPlots() {
        ScaledInput in = ScaledInput.read(List.of(Fixtures.quartz("scaled.expt")), List.of(Fixtures.quartz("scaled.refl")));
        MergingStatisticsResult r = MergingStatistics.compute(ScaledIntensities.select(in.reflections(), 0, 0, 0.4, true),
                in.spaceGroup(), in.medianCell(), 20);
        String html = html(r);
        for (String h : MergeDisplay.HEADER) assertTrue(html.contains(org.xtalkit.display.Html.escape(h)), h);
        // DIALS 3.12's overall row for these files (reference/MERGING.md): 1401 observations, 298 unique
        assertTrue(html.contains(">1401<") && html.contains(">298<"), "overall #obs and #uniq");
        assertEquals(21, html.split("<tr", -1).length - 1 - 1, "20 shells and the overall row under the header");
        Fixtures.assertCharts(html, 4);
    }
}
