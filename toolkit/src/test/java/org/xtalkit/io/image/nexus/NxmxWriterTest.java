package org.xtalkit.io.image.nexus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.XtalException;
import org.xtalkit.io.image.FormatMetadata;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Sweeps written with jhdf (one file, or a master with external links to data files) read back
 * through the NXmx format with the same models, pixels and mask.
 */
class NxmxWriterTest {
    static final int NX = 37, NY = 29;
    static final Vec3 AXIS = new Vec3(1, 0.01, 0).normalize();

    /** A tilted panel with its corner off the beam: exercises axes, origin and units through the chain. */
    static Panel panel() {
        Vec3 fast = new Vec3(Math.cos(0.2), 0, Math.sin(0.2)), slow = new Vec3(0, -1, 0);
        return new Panel("/entry/instrument/detector/module", "SENSOR_PAD", fast, slow,
                new Vec3(-5.55, 4.35, -123.4), new int[] {0, 0}, NX, NY, 0.172, 0.172, -1, 65000, 0.32, "CdTe",
                0, "", List.of(), 1, 0, true, null);
    }

    static int[][] images(int n, boolean[] good) {
        Random r = new Random(11);
        int[][] images = new int[n][NX * NY];
        for (int p = 0; p < good.length; p++) good[p] = p % NX != 17;
        for (int[] im : images)
            for (int p = 0; p < im.length; p++) im[p] = good[p] ? r.nextInt(10) * r.nextInt(3) : -1;
        images[1][5] = 64999; // a big count survives the round trip
        return images;
    }

    static Scan scan(int n) {
        double[] t = new double[n], e = new double[n];
        for (int i = 0; i < n; i++) { t[i] = 0.1; e[i] = 0.1 * i; }
        return new Scan(1, n, 0, -12.5, 0.25, t, e);
    }

    @Test
    void masterWithExternalLinksToDataFilesReadsBack(@TempDir Path dir) throws Exception {
        int n = 5;
        boolean[] good = new boolean[NX * NY];
        int[][] images = images(n, good);
        Path master = dir.resolve("sweep_master.h5");
        List<Path> data = NxmxWriter.writeMasterAndData(master, Beam.simple(0.9763), panel(), AXIS, scan(n),
                i -> images[i], good, 2);
        assertEquals(List.of(dir.resolve("sweep_data_000001.h5"), dir.resolve("sweep_data_000002.h5"),
                dir.resolve("sweep_data_000003.h5")), data);
        FormatMetadata m = new NxmxFormat().readMetadata(master);
        assertEquals(n, m.scan().numImages());
        assertVecClose(panel().origin(), m.detector().panel(0).origin());
        try (NxmxImageSource src = new NxmxFormat().open(master)) {
            assertEquals(n, src.size());
            for (int i = 0; i < n; i++) assertArrayEquals(images[i], src.read(i)[0], "image " + (i + 1));
            assertArrayEquals(good, src.staticMask()[0]);
        }
        Files.delete(data.get(1));
        XtalException e = assertThrows(XtalException.class, () -> new NxmxFormat().readMetadata(master));
        assertTrue(e.getMessage().contains("sweep_master.h5") && e.getMessage().contains("sweep_data_000002.h5")
                && e.getMessage().contains("does not exist"), e.getMessage());
    }

    /** Developer check: DIALS 3.12 imports what the writer wrote (the single data file through the signal link). */
    @Test
    void dialsImportsTheWrittenMaster(@TempDir Path dir) throws Exception {
        org.xtalkit.SharedData.assumeCommand("dials.import");
        boolean[] good = new boolean[NX * NY];
        int[][] images = images(3, good);
        Path master = dir.resolve("dials_master.h5");
        NxmxWriter.writeMasterAndData(master, Beam.simple(0.9763), panel(), AXIS, scan(3), i -> images[i], good, 10);
        Process p = new ProcessBuilder("dials.import", master.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        var expt = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("imported.expt").toFile());
        var origin = expt.get("detector").get(0).get("panels").get(0).get("origin");
        assertVecClose(panel().origin(), new Vec3(origin.get(0).asDouble(), origin.get(1).asDouble(), origin.get(2).asDouble()));
        assertEquals(3, expt.get("scan").get(0).get("image_range").get(1).asInt());
        assertEquals(0.9763, expt.get("beam").get(0).get("wavelength").asDouble(), 1e-12);
    }

    @Test
    void singleDataFileIsAlsoTheSignalDataset(@TempDir Path dir) throws Exception {
        boolean[] good = new boolean[NX * NY];
        int[][] images = images(2, good);
        Path master = dir.resolve("one_master.h5");
        NxmxWriter.writeMasterAndData(master, Beam.simple(0.9763), panel(), AXIS, scan(2), i -> images[i], good, 10);
        try (io.jhdf.HdfFile f = new io.jhdf.HdfFile(master)) {
            var links = Hdf5Links.list(f.getHdfBackingStorage(), f.getByPath("/entry/data").getAddress());
            assertTrue(links.stream().anyMatch(l -> l.name().equals("data") && l.kind() == Hdf5Links.Kind.EXTERNAL
                    && l.file().equals("one_data_000001.h5")), links.toString());
        }
    }

    @Test
    void writtenSweepReadsBack(@TempDir Path dir) {
        int nx = NX, ny = NY, n = 3;
        // a tilted panel with its corner off the beam: exercises axes, origin and units through the chain
        Vec3 fast = new Vec3(Math.cos(0.2), 0, Math.sin(0.2)), slow = new Vec3(0, -1, 0);
        Panel panel = new Panel("/entry/instrument/detector/module", "SENSOR_PAD", fast, slow,
                new Vec3(-5.55, 4.35, -123.4), new int[] {0, 0}, nx, ny, 0.172, 0.172, -1, 65000, 0.32, "CdTe",
                0, "", List.of(), 1, 0, true, null);
        Scan scan = new Scan(1, n, 0, -12.5, 0.25, new double[] {0.1, 0.1, 0.1}, new double[] {0, 0.1, 0.2});
        Random r = new Random(11);
        int[][] images = new int[n][nx * ny];
        boolean[] good = new boolean[nx * ny];
        for (int p = 0; p < good.length; p++) good[p] = p % nx != 17;
        for (int[] im : images)
            for (int p = 0; p < im.length; p++) im[p] = good[p] ? r.nextInt(10) * r.nextInt(3) : -1;
        images[1][5] = 64999; // a big count survives the round trip
        Path file = dir.resolve("sim.nxs");
        Vec3 axis = new Vec3(1, 0.01, 0).normalize();
        NxmxWriter.write(file, Beam.simple(1.2345), panel, axis, scan, images, good);

        NxmxFormat format = new NxmxFormat();
        assertTrue(format.understands(file));
        FormatMetadata m = format.readMetadata(file);
        assertEquals(1.2345, m.beam().wavelength(), 1e-12);
        Panel back = m.detector().panel(0);
        assertVecClose(panel.fastAxis(), back.fastAxis());
        assertVecClose(panel.slowAxis(), back.slowAxis());
        assertVecClose(panel.origin(), back.origin());
        assertEquals(nx, back.imageSizeFast());
        assertEquals(ny, back.imageSizeSlow());
        assertEquals(0.172, back.pixelSizeFast(), 1e-12);
        assertEquals(-1, back.trustedMin());
        assertEquals(65000, back.trustedMax());
        assertEquals("CdTe", back.material());
        assertEquals(0.32, back.thickness(), 1e-12);
        assertVecClose(axis, m.goniometer().rotationAxis());
        assertEquals(-12.5, m.scan().oscillationStart(), 1e-12);
        assertEquals(0.25, m.scan().oscillationWidth(), 1e-12);
        assertEquals(n, m.scan().numImages());
        assertEquals(0.1, m.scan().exposureTimes()[2], 1e-12);
        try (NxmxImageSource src = format.open(file)) {
            assertEquals(n, src.size());
            for (int i = 0; i < n; i++) assertArrayEquals(images[i], src.read(i)[0], "image " + (i + 1));
            assertArrayEquals(good, src.staticMask()[0]);
        }
        assertFalse(Files.exists(dir.resolve(".sim.nxs.tmp")), "temporary file left behind");
    }

    static void assertVecClose(Vec3 e, Vec3 a) {
        assertEquals(e.x(), a.x(), 1e-9);
        assertEquals(e.y(), a.y(), 1e-9);
        assertEquals(e.z(), a.z(), 1e-9);
    }
}
