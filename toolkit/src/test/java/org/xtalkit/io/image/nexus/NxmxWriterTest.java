package org.xtalkit.io.image.nexus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

/** A sweep written with jhdf reads back through the NXmx format with the same models, pixels and mask. */
class NxmxWriterTest {

    @Test
    void writtenSweepReadsBack(@TempDir Path dir) {
        int nx = 37, ny = 29, n = 3;
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
