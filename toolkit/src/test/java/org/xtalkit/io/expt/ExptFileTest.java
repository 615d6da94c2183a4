package org.xtalkit.io.expt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.ModelAssert;
import org.xtalkit.SharedData;
import org.xtalkit.XtalException;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExptFileTest {
    @TempDir Path dir;

    static List<Path> allExptFiles() throws IOException {
        try (Stream<Path> s = Stream.concat(Files.walk(SharedData.root().resolve("data")), Files.walk(SharedData.root().resolve("reference")))) {
            return s.filter(p -> p.toString().endsWith(".expt")).sorted().toList();
        }
    }

    @Test
    void everyFixtureReadsAndRoundTrips() throws IOException {
        List<Path> files = allExptFiles();
        assertTrue(files.size() >= 25, "fixtures found: " + files.size());
        for (Path f : files) {
            ExperimentList a = ExptFile.read(f);
            assertFalse(a.isEmpty(), f.toString());
            Path out = dir.resolve("round.expt");
            ExptFile.write(a, out);
            ExperimentList b = ExptFile.read(out);
            assertEquals(a.size(), b.size(), f.toString());
            for (int i = 0; i < a.size(); i++) same(a.get(i), b.get(i), f + " experiment " + i);
            // sharing survives: as many distinct models after as before
            assertEquals(distinct(a), distinct(b), f + " shared models");
        }
    }

    private static void same(Experiment x, Experiment y, String w) {
        assertEquals(x.identifier(), y.identifier(), w);
        ModelAssert.beam(x.beam(), y.beam());
        ModelAssert.detector(x.detector(), y.detector());
        ModelAssert.goniometer(x.goniometer(), y.goniometer());
        ModelAssert.scan(x.scan(), y.scan());
        assertEquals(x.imageSet(), y.imageSet(), w + " imageset");
        assertEquals(x.crystal() == null, y.crystal() == null, w + " crystal");
        if (x.crystal() != null) {
            ModelAssert.close(x.crystal().A(), y.crystal().A(), w + " A");
            assertEquals(x.crystal().spaceGroupHall(), y.crystal().spaceGroupHall(), w + " space group");
            assertEquals(x.crystal().aAtScanPoints().size(), y.crystal().aAtScanPoints().size(), w + " scan points");
            if (x.crystal().bCovariance() != null) assertArrayEquals(x.crystal().bCovariance(), y.crystal().bCovariance(), w);
        }
        assertEquals(x.profileJson(), y.profileJson(), w + " profile");
        assertEquals(x.scalingModelJson(), y.scalingModelJson(), w + " scaling model");
    }

    private static String distinct(ExperimentList l) {
        java.util.Set<Object> b = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<Object> d = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<Object> s = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Experiment e : l) { b.add(e.beam()); d.add(e.detector()); s.add(e.imageSet()); }
        return b.size() + "/" + d.size() + "/" + s.size();
    }

    @Test
    void sharedModelsAreSharedAfterReading() {
        ExperimentList l = ExptFile.read(SharedData.data("l_cysteine_4_sweeps_scaled/scaled_20_25.expt"));
        assertEquals(2, l.size());
        ExperimentList g = ExptFile.read(SharedData.reference("thaumatin_grid.imported.expt"));
        assertSame(g.get(0).beam(), g.get(18).beam());
        assertSame(g.get(0).imageSet(), g.get(18).imageSet());
        assertEquals(19, g.get(18).scan().firstImage());
    }

    @Test
    void legacyDataBlockAndExperimentListRead() {
        ExperimentList d = ExptFile.read(SharedData.data("centroid_test_data/datablock.json"));
        assertEquals(1, d.size());
        assertEquals("centroid_####.cbf", d.get(0).imageSet().template());
        assertEquals(9, d.get(0).scan().numImages());
        ExperimentList e = ExptFile.read(SharedData.data("centroid_test_data/experiments.json"));
        assertEquals(" P 4 2", e.get(0).crystal().spaceGroupHall().substring(0, 6));
    }

    @Test
    void notAnExperimentListIsRejectedNamingTheFile() throws IOException {
        Path f = dir.resolve("bad.expt");
        Files.writeString(f, "{\"__id__\": \"Something\"}");
        XtalException e = assertThrows(XtalException.class, () -> ExptFile.read(f));
        assertTrue(e.getMessage().contains("bad.expt") && e.getMessage().contains("ExperimentList"), e.getMessage());
        Files.writeString(f, "{ not json");
        e = assertThrows(XtalException.class, () -> ExptFile.read(f));
        assertTrue(e.getMessage().contains("bad.expt"), e.getMessage());
    }

    /** Developer check: DIALS reads what we write (skipped where DIALS is not installed). */
    @Test
    void dialsShowReadsWhatWeWrite() throws Exception {
        SharedData.assumeCommand("dials.show");
        Path out = dir.resolve("i23.expt");
        ExptFile.write(ExptFile.read(SharedData.reference("DLS_I23_P12M_thau_00001.imported.expt")), out);
        Process p = new ProcessBuilder("dials.show", out.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        // the hierarchy composed by DIALS gives the lab frame dials.show prints for the reference itself
        assertTrue(text.contains("origin: {185.76,-245.176,42.4929}"), text);
        assertTrue(text.contains("Max resolution (inscribed):  2.480566"), text);
    }
}
