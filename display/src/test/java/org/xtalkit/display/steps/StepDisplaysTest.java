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
import org.xtalkit.index.Indexer;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.merge.MergingStatistics;
import org.xtalkit.merge.MergingStatisticsResult;
import org.xtalkit.merge.ScaledInput;
import org.xtalkit.merge.ScaledIntensities;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.spots.ImageStats;
import org.xtalkit.spots.SpotHistogram;
import org.xtalkit.step.SpotResult;
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

    @Test void refineShowsRmsdsAndCrystalFromFiles() {
        String html = RefineDisplay.html(refined, refinedRefl);
        assertTrue(html.contains("RMSD X (px)") && html.contains("Refined crystal 1"));
        List<java.awt.image.BufferedImage> plots = Fixtures.images(html);
        int expected = 2 + (refined.get(0).crystal().isScanVarying() ? 2 : 0);
        Fixtures.assertCharts(html, expected);
        assertTrue(plots.size() == expected);
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
        for (String h : IntegrateDisplay.IMAGE_HEADER) assertTrue(html.contains(org.xtalkit.display.Html.escape(h)), h);
        double[][] p = IntegrateDisplay.perImage(integrated.get(0), integratedRefl, 0);
        int counted = 0, summed = 0;
        for (double c : p[2]) counted += (int) c;
        long[] flags = integratedRefl.flags();
        double[] cal = integratedRefl.vec3("xyzcal.px");
        int first = integrated.get(0).scan().firstImage() - 1, last = integrated.get(0).scan().lastImage();
        for (int i = 0; i < flags.length; i++)
            if (org.xtalkit.table.Flag.INTEGRATED_SUM.allSetIn(flags[i]) && integratedRefl.doubles("intensity.sum.variance")[i] > 0
                    && cal[3 * i + 2] >= first && cal[3 * i + 2] < last) summed++;
        assertEquals(summed, counted, "every summation-integrated reflection counted on one image");
    }

    @Test void scaleShowsTheModelTermsAndErrorModel() {
        String html = ScaleDisplay.html(scaled, scaledRefl);
        assertTrue(html.contains("Error model") && html.contains("I/σ asymptotic limit"));
        Fixtures.assertCharts(html, 5);   // scale term, decay term, inverse scale per image, absorption surface (lmax 4), normal probability
        assertTrue(html.contains("alt=\"absorption surface\""));
    }

    @Test void errorModelOfDialsMakesNormalisedDeviationsNearlyStandardNormal() {
        ScaledInput in = ScaledInput.read(List.of(Fixtures.quartz("scaled.expt")), List.of(Fixtures.quartz("scaled.refl")));
        double[][] d = NormalProbabilityPlot.deviations(ScaledIntensities.select(in.reflections(), 0, 0, 0.4, true), in.spaceGroup());
        assertTrue(d[0].length > 1000, "observations with a symmetry mate: " + d[0].length);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int m = 0;
        for (int i = 0; i < d[0].length; i++) {
            if (i > 0) assertTrue(d[1][i] >= d[1][i - 1] && d[0][i] > d[0][i - 1], "sorted against increasing quantiles");
            if (Math.abs(d[0][i]) >= 1.5) continue;
            sx += d[0][i]; sy += d[1][i]; sxx += d[0][i] * d[0][i]; sxy += d[0][i] * d[1][i]; m++;
        }
        double slope = (sxy - sx * sy / m) / (sxx - sx * sx / m), intercept = (sy - slope * sx) / m;
        // DIALS refined a of its error model so that the central part of this plot has slope 1
        assertEquals(1, slope, 0.15, "central slope");
        assertEquals(0, intercept, 0.1, "central intercept");
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
        Fixtures.assertCharts(html, 5);   // CC½, ⟨I/σ⟩, completeness, multiplicity, R-factors
    }
}
