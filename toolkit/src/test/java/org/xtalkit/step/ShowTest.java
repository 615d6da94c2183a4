package org.xtalkit.step;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** xtal show prints what dials.show 3.12 printed for the same files (its output kept in test resources). */
class ShowTest {

    private static List<String> dials(String name) throws IOException {
        try (InputStream in = ShowTest.class.getResourceAsStream(name)) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
        }
    }

    /** DIALS' lines we do not reproduce: the format class (needs the images), absolute paths, cell esds. */
    private static List<String> comparable(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("Format class") || l.startsWith("Image template") || l.contains("Unit cell")
                    || l.contains("Average unit cell")) continue;
            // a zero's sign depends on the order of additions: -0 and 0 are the same number
            out.add(l.stripTrailing().replaceAll("(?<=[{,])-0(?=[,}])", "0").replace("-0.0000", " 0.0000"));
        }
        while (!out.isEmpty() && out.get(0).isEmpty()) out.remove(0);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    private static void same(String dialsText, List<String> ours) throws IOException {
        List<String> e = comparable(dials(dialsText)), a = comparable(ours);
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) assertEquals(e.get(i), a.get(i), dialsText + " line " + (i + 1));
        assertEquals(e.size(), a.size(), dialsText + " lines");
    }

    @Test
    void singlePanelFullCbfExperiment() throws IOException {
        same("dials_show_DLS_I03_smargon_0001.txt",
                Show.experiments(ExptFile.read(SharedData.reference("DLS_I03_smargon_0001.imported.expt"))));
    }

    @Test
    void twentyFourPanelExperimentWithBeamCentreOnPanel12() throws IOException {
        same("dials_show_DLS_I23_P12M_thau_00001.txt",
                Show.experiments(ExptFile.read(SharedData.reference("DLS_I23_P12M_thau_00001.imported.expt"))));
    }

    @Test
    void relativeTemplatesShowResolvedAgainstTheExptFolder() {
        Path expt = SharedData.reference("DLS_I03_smargon_0001.imported.expt");
        List<String> lines = Show.experiments(ExptFile.read(expt), expt.getParent());
        assertEquals("Image template: " + SharedData.root().resolve("data/image_examples/DLS_I03_smargon_####.cbf"), lines.get(2));
    }

    @Test
    void refinedCrystalMatrices() throws IOException {
        same("dials_show_quartz_refined.txt", Show.experiments(ExptFile.read(SharedData.data("quartz_processed/refined.expt"))));
    }

    @Test
    void reflectionTableColumns() throws IOException {
        same("dials_show_quartz_indexed_refl.txt", ShowReflections.table(ReflReader.read(SharedData.data("quartz_processed/indexed.refl"))));
    }
}
