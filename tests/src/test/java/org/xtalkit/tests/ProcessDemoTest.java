package org.xtalkit.tests;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.mtz.MtzReader;
import org.xtalkit.model.UnitCell;
import org.xtalkit.progress.Progress;
import org.xtalkit.simulate.InsulinCrystal;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.spacegroup.SpaceGroup;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.step.process.Pipeline;
import org.xtalkit.step.process.RunQuality;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code xtal process demo} end to end on a small simulated insulin sweep (binning 4, 80 images of
 * 0.1°), through every step this build has. A step not in the build yet is reported as skipped
 * (with the step the run stopped after), never passed silently.
 */
class ProcessDemoTest {
    static final int IMAGES = 80;
    static final String[] DEMO = {"demo.nimages=" + IMAGES, "demo.binning=4", "nproc=2"};

    @TempDir static Path dir;
    static final Set<String> ran = new HashSet<>();
    static String missing;
    static RunQuality quality;
    static Pipeline.Result result;

    @BeforeAll static void runPipeline() {
        String stopAfter = "export";
        for (String s : Pipeline.STEPS) {
            if (Pipeline.available(s)) continue;
            missing = s;
            stopAfter = Pipeline.STEPS.get(Pipeline.STEPS.indexOf(s) - 1);
            break;
        }
        String[] words = java.util.Arrays.copyOf(DEMO, DEMO.length + 1);
        words[DEMO.length] = "stop_after=" + stopAfter;
        result = Pipeline.run(List.of("demo"), ParamValues.parse("process", Pipeline.PARAMETERS, words), dir, Progress.NONE);
        result.steps().forEach(s -> ran.add(s.step()));
        quality = RunQuality.of(dir, SimulationParams.parse("nimages=" + IMAGES, "binning=4"));
    }

    static void assumeRan(String step) {
        Assumptions.assumeTrue(ran.contains(step), step + " is not available in this build yet: the demo run stopped before "
                + missing);
    }

    @Test void everyStepWritesItsFilesAndLog() {
        for (String s : ran) assertTrue(Files.exists(dir.resolve("xtal." + s + ".log")), "log of " + s);
        assertTrue(Files.exists(dir.resolve("imported.expt")));
        assertTrue(Files.exists(dir.resolve("strong.refl")));
        if (ran.contains("index")) assertTrue(Files.exists(dir.resolve("indexed.expt")) && Files.exists(dir.resolve("indexed.refl")));
        if (ran.contains("integrate")) assertTrue(Files.exists(dir.resolve("integrated.refl")));
        if (missing != null) assertTrue(ran.size() == Pipeline.STEPS.indexOf(missing), "steps before " + missing + " all ran: " + ran);
    }

    @Test void processWritesTheReportWithItsSections() throws java.io.IOException {
        assumeRan("export");
        assertTrue(ran.contains("report"), "xtal process runs the report step after export: " + ran);
        String html = Files.readString(dir.resolve("report.html"));
        for (String id : List.of("spot-finding", "indexing", "refinement", "integration", "scaling", "merging"))
            assertTrue(html.contains("<section id=\"" + id + "\">"), "report section " + id);
        assertTrue(html.contains("data:image/png;base64,"), "plots embedded in the page");
    }

    @Test void spotsFoundOnEveryImage() {
        // a 0.1° image of insulin at 3.2 Å (binning 4 corners) records a few hundred spots
        assertTrue(quality.strong() > 100 * IMAGES, "strong spots " + quality.strong());
    }

    @Test void indexedCellIsThePrimitiveCellOfTheBodyCentredCube() {
        assumeRan("index");
        UnitCell c = quality.indexedCell();
        double edge = InsulinCrystal.A_INSULIN * Math.sqrt(3) / 2;   // |(a+b-c)/2| of the I cube
        for (double x : new double[] {c.a(), c.b(), c.c()}) assertEquals(edge, x, 0.003 * edge, "cell " + c);
        for (double g : new double[] {c.alpha(), c.beta(), c.gamma()})
            assertEquals(19.47, Math.abs(g - 90), 0.3, "cell angles 109.47° (or 70.53°): " + c);
        assertTrue(quality.fractionIndexed() >= 0.9, "indexed " + quality.fractionIndexed());
    }

    @Test void refinementFitsTheSpots() {
        assumeRan("refine");
        double[] r = quality.rmsd();
        assertTrue(r[0] < 0.3 && r[1] < 0.3 && r[2] < 0.3, "rmsd X, Y px, Z images: " + java.util.Arrays.toString(r));
    }

    @Test void integrationMeasuresAtLeastTheIndexedSpots() {
        assumeRan("integrate");
        assertTrue(quality.integrated() >= quality.strong() * quality.fractionIndexed(),
                quality.integrated() + " integrated, " + quality.strong() + " strong");
    }

    @Test void symmetryFindsTheBodyCentredCubicFamily() {
        assumeRan("symmetry");
        String sg = SpaceGroup.fromHall(ExptFile.read(dir.resolve("symmetrized.expt")).get(0).crystal().spaceGroupHall()).shortName();
        assertTrue(sg.equals("I 2 3") || sg.equals("I 21 3"), "space group " + sg);
    }

    @Test void scaledDataAgreeWithThemselves() {
        assumeRan("scale");
        assertTrue(quality.statistics().overall().ccHalf() >= 0.99, "CC½ " + quality.statistics().overall().ccHalf());
    }

    @Test void mergedIntensitiesMatchTheTruth() {
        assumeRan("merge");
        assertTrue(quality.ccToTruth() >= 0.99, "CC to truth " + quality.ccToTruth());
        assertEquals(quality.ccToTruth(), result.ccToTruth(), 1e-12);
    }

    @Test void unmergedMtzIsWritten() {
        assumeRan("export");
        assertTrue(MtzReader.read(dir.resolve("scaled.mtz")).rows() > quality.statistics().overall().nUniq());
    }
}
