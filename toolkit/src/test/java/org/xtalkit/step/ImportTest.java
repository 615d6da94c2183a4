package org.xtalkit.step;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xtalkit.ModelAssert;
import org.xtalkit.SharedData;
import org.xtalkit.XtalException;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.image.ImageSets;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** xtal import gives the experiments dials.import gave for the same images (../shared/reference/*.imported.expt). */
class ImportTest {
    @TempDir Path dir;

    static void sameExperiments(ExperimentList ref, ExperimentList got) {
        assertEquals(ref.size(), got.size(), "experiments");
        for (int i = 0; i < ref.size(); i++) {
            Experiment r = ref.get(i), g = got.get(i);
            ModelAssert.beam(r.beam(), g.beam());
            ModelAssert.detector(r.detector(), g.detector());
            ModelAssert.goniometer(r.goniometer(), g.goniometer());
            ModelAssert.scan(r.scan(), g.scan());
            assertEquals(r.imageSet().kind(), g.imageSet().kind());
            assertEquals(Path.of(r.imageSet().template()).getFileName(), Path.of(g.imageSet().template()).getFileName());
            assertTrue(g.identifier().matches("[0-9a-f-]{36}"), g.identifier());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "image_examples/DLS_I03_smargon_0001.cbf, DLS_I03_smargon_0001.imported.expt",
        "image_examples/dlsnxs2cbf_therm_0001.cbf, dlsnxs2cbf_therm_0001.imported.expt",
        "image_examples/DLS_I23_P12M_thau_00001.cbf, DLS_I23_P12M_thau_00001.imported.expt",
        "nexus/cbf/insulin_sim_####.cbf, nexus/cbf.imported.expt",
        "nexus/eiger_master/sim_master.h5, nexus/eiger_master.imported.expt",
        "nexus/dls_vds/sim.nxs, nexus/dls_vds.imported.expt",
    })
    void importGivesTheReferenceExperiments(String images, String reference) {
        String path = SharedData.root().resolve("data").resolve(images).toString();
        ExperimentList got = Import.run(Import.Params.defaults(), List.of(path));
        sameExperiments(ExptFile.read(SharedData.reference(reference)), got);
        // what we write reads back to the same models
        Path out = dir.resolve("imported.expt");
        ExptFile.write(got, out);
        sameExperiments(got, ExptFile.read(out));
    }

    @Test
    void gridOfStillsIsOneSequenceWithOneExperimentPerImage() {
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= 19; i++) files.add(SharedData.data(String.format("thaumatin_grid/thau_3_2_%04d.cbf.bz2", i)).toString());
        List<String> log = new ArrayList<>();
        ExperimentList got = Import.run(Import.Params.defaults(), files, new org.xtalkit.progress.Progress() {
            @Override public void update(String stage, long done, long total) {}
            @Override public void log(String line) { log.add(line); }
        });
        sameExperiments(ExptFile.read(SharedData.reference("thaumatin_grid.imported.expt")), got);
        for (Experiment e : got) {
            assertSame(got.get(0).imageSet(), e.imageSet());
            assertSame(got.get(0).detector(), e.detector());
        }
        assertTrue(log.contains("    still:    1") && log.contains("    sweep:    0") && log.contains("  num images: 19"), log.toString());
        try (ImageSource src = ImageSets.open(got.get(6), null)) {
            assertEquals(1, src.size());
            assertTrue(src.description().contains("thau_3_2_0007.cbf.bz2"), src.description());
        }
    }

    @Test
    void imageRangeAndGeometryOverridesApply() {
        String template = SharedData.root().resolve("data/nexus/cbf/insulin_sim_####.cbf").toString();
        Import.Params p = Import.Params.parse("image_range=2,4", "distance=200", "wavelength=1.1",
                "oscillation=10,0.25", "geometry.goniometer.axis=0,1,0", "fast_slow_beam_centre=500,520");
        Experiment e = Import.run(p, List.of(template)).get(0);
        assertEquals(2, e.scan().firstImage());
        assertEquals(4, e.scan().lastImage());
        assertEquals(10.0, e.scan().oscillationStart());
        assertEquals(0.25, e.scan().oscillationWidth());
        assertEquals(1.1, e.beam().wavelength());
        assertEquals(1.0, e.goniometer().rotationAxis().y());
        assertEquals(200.0, e.detector().panel(0).distance(), 1e-9);
        double[] bc = e.detector().panel(0).beamCentrePx(e.beam());
        assertEquals(500.0, bc[0], 1e-6);
        assertEquals(520.0, bc[1], 1e-6);
        try (ImageSource src = ImageSets.open(e, null)) {
            assertEquals(3, src.size());
            assertTrue(src.description().contains("insulin_sim_0002.cbf"), src.description());
        }
    }

    @Test
    void containerImageRangeKeepsFrameNumbers() {
        String master = SharedData.data("nexus/eiger_master/sim_master.h5").toString();
        Experiment e = Import.run(Import.Params.parse("image_range=20,22"), List.of(master)).get(0);
        assertEquals(20, e.scan().firstImage());
        assertEquals(List.of(19, 20, 21), e.imageSet().single());
        Path out = dir.resolve("sub.expt");
        ExptFile.write(ExperimentList.of(e), out);
        try (ImageSource src = ImageSets.open(ExptFile.read(out).get(0), dir)) {
            assertEquals(3, src.size());
            long valid = 0;
            for (int v : src.read(1)[0]) if (v != -1) valid += v;   // image 21 (pixel_checks.json)
            assertEquals(2564089L, valid);
        }
    }

    @Test
    void commandWritesImportedExptThatReadsBack() {
        new ImportCommand().run(List.of(SharedData.data("image_examples/DLS_I03_smargon_0001.cbf").toString()),
                ParamValues.parse("import", Import.Params.SPECS), dir, org.xtalkit.progress.Progress.NONE);
        sameExperiments(ExptFile.read(SharedData.reference("DLS_I03_smargon_0001.imported.expt")),
                ExptFile.read(dir.resolve("imported.expt")));
    }

    @Test
    void badParameterValuesAreNamed() {
        XtalException a = assertThrows(XtalException.class, () -> Import.Params.parse("image_range=5"));
        assertTrue(a.getMessage().contains("image_range"), a.getMessage());
        XtalException b = assertThrows(XtalException.class, () -> Import.Params.parse("distance=far"));
        assertTrue(b.getMessage().contains("geometry.detector.distance=far"), b.getMessage());
        XtalException c = assertThrows(XtalException.class, () -> Import.Params.parse("wavelenth=1.0"));
        assertTrue(c.getMessage().contains("unknown parameter 'wavelenth'"), c.getMessage());
        XtalException d = assertThrows(XtalException.class, () -> Import.run(Import.Params.defaults(), List.of(dir.resolve("none_####.cbf").toString())));
        assertTrue(d.getMessage().contains("none_####.cbf"), d.getMessage());
    }
}
