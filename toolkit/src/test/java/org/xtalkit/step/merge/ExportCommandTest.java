package org.xtalkit.step.merge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.SharedData;
import org.xtalkit.io.mtz.Mtz;
import org.xtalkit.io.mtz.MtzReader;
import org.xtalkit.progress.Progress;
import org.xtalkit.spacegroup.ReciprocalAsu;
import org.xtalkit.step.params.ParamValues;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ExportCommandTest {

    static Path export(Path dir, String folder, List<String> files) throws Exception {
        for (String f : files) Files.copy(SharedData.data(folder + "/" + f), dir.resolve(f));
        ExportCommand cmd = new ExportCommand();
        cmd.run(files, ParamValues.parse("export", cmd.parameters()), dir, Progress.NONE);
        return dir.resolve("scaled.mtz");
    }

    @Test
    void quartzUnmergedAsDialsExport(@TempDir Path dir) throws Exception {
        Mtz m = MtzReader.read(export(dir, "quartz_processed", List.of("scaled.expt", "scaled.refl")));
        assertEquals(List.of("H", "K", "L", "M/ISYM", "BATCH", "I", "SIGI", "SCALEUSED", "SIGSCALEUSED", "BG", "SIGBG",
                "FRACTIONCALC", "XDET", "YDET", "ROT", "LP", "QE"), m.columns().stream().map(Mtz.Column::label).toList());
        assertEquals(1401, m.rows(), "the observations dials.merge counts (MERGING.md)");
        assertEquals(100, m.batches().size());
        assertEquals(152, m.spaceGroup().number());
        // H,K,L in the ASU and M/ISYM take each row back to an index equivalent to it
        ReciprocalAsu asu = m.spaceGroup().reciprocalAsu();
        float[] h = m.column("H").data(), k = m.column("K").data(), l = m.column("L").data(), isym = m.column("M/ISYM").data();
        for (int r = 0; r < m.rows(); r++) {
            assertTrue(asu.isIn((int) h[r], (int) k[r], (int) l[r]));
            int[] orig = asu.fromAsu((int) h[r], (int) k[r], (int) l[r], (int) isym[r]);
            assertArrayEquals(new int[] {(int) h[r], (int) k[r], (int) l[r]}, asu.toAsu(orig[0], orig[1], orig[2]));
        }
        // batch headers: cell, wavelength, φ range of the image (quartz: 1° images from −50°)
        Mtz.Batch b = m.batches().get(0);
        assertEquals(4.9249, b.floats()[0], 1e-3);
        assertEquals(0.02508, b.floats()[86], 1e-6);
        assertEquals(-50, b.floats()[36], 1e-3);
        assertEquals(-49, b.floats()[37], 1e-3);
        // Mosflm U is a rotation
        double det = 0;
        float[] f = b.floats();
        det = f[6] * (f[10] * f[14] - f[13] * f[11]) - f[9] * (f[7] * f[14] - f[13] * f[8]) + f[12] * (f[7] * f[11] - f[10] * f[8]);
        assertEquals(1, det, 1e-4);
    }

    @Test
    void scanVaryingCrystalGetsEachImagesOrientation(@TempDir Path dir) throws Exception {
        // dials.export 3.12 on the same quartz scaled.expt/.refl (scan-varying crystal), its batch
        // headers as gemmi prints them: U (row-major) at the centre of images 1, 37 and 100
        Mtz m = MtzReader.read(export(dir, "quartz_processed", List.of("scaled.expt", "scaled.refl")));
        double[][] dials = {
            {-0.125319, -0.986023, -0.109791, -0.947112, 0.151851, -0.282700, 0.295421, 0.068557, -0.952904},
            {-0.125316, -0.986022, -0.109799, -0.947115, 0.151850, -0.282693, 0.295415, 0.068566, -0.952905},
            {-0.125317, -0.986022, -0.109800, -0.947113, 0.151852, -0.282697, 0.295419, 0.068567, -0.952904}};
        int[] batch = {1, 37, 100};
        for (int q = 0; q < 3; q++) {
            float[] f = m.batches().get(batch[q] - 1).floats();
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    assertEquals(dials[q][3 * i + j], f[6 + 3 * j + i], 1.5e-6, "batch " + batch[q] + " U" + i + j);  // stored column-major
        }
        // the orientation does change along the sweep (not one static U for all)
        assertTrue(Math.abs(m.batches().get(0).floats()[12] - m.batches().get(36).floats()[12]) > 5e-6);  // U02: −0.109791 → −0.109799
    }

    @Test
    void fourSweepsGetDialsBatchRanges(@TempDir Path dir) throws Exception {
        Mtz m = MtzReader.read(export(dir, "l_cysteine_4_sweeps_scaled", List.of("scaled_20_25.expt", "scaled_30.expt",
                "scaled_35.expt", "scaled_20_25.refl", "scaled_30.refl", "scaled_35.refl")));
        assertEquals(11816, m.rows(), "the observations dials.merge counts (MERGING.md)");
        assertEquals(1800 + 3 * 1700, m.batches().size(), "one header per image of each sweep");
        assertEquals(1, m.batches().get(0).number());
        assertEquals(1901, m.batches().get(1800).number());
        assertEquals(3701, m.batches().get(1800 + 1700).number());
        assertEquals(7200, m.batches().get(m.batches().size() - 1).number());
    }

    @Test
    void gemmiReadsOurUnmergedMtz(@TempDir Path dir) throws Exception {
        SharedData.assumeCommand("gemmi");
        Path mtz = export(dir, "quartz_processed", List.of("scaled.expt", "scaled.refl"));
        String out = MergeCommandTest.run("gemmi", "mtz", mtz.toString());
        assertTrue(out.contains("Number of Columns = 17"), out);
        assertTrue(out.contains("Number of Reflections = 1401"), out);
        assertTrue(out.contains("Number of Batches = 100"), out);
        assertTrue(out.contains("Space Group: P 31 2 1"), out);
        assertTrue(out.contains("cell  4.9249  4.9249  5.4014      90     90    120"), out);
        assertTrue(out.contains("dataset 1: 1-100"), out);
        for (String c : List.of("M/ISYM       Y", "BATCH        B", "I            J", "SIGI         Q", "FRACTIONCALC R", "ROT          R"))
            assertTrue(out.contains(c), c + " in\n" + out);
    }
}
