package org.xtalkit.simulate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.image.FormatMetadata;
import org.xtalkit.io.image.ImageFormat;
import org.xtalkit.io.image.ImageFormats;
import org.xtalkit.io.image.ImageSets;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Panel;
import org.xtalkit.progress.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Written files read back through xtalkit's own format readers give the simulated pixels and header models. */
class SimulationWriterTest {
    private static final SimulationParams P = SimulationParams.parse("nimages=2 binning=4 seed=9 beam_centre_offset=2.5,-1.5 distance_offset=0.8");

    @Test
    void miniCbfReadsBackToTheSamePixelsAndTheHeaderGeometry(@TempDir Path dir) {
        Simulation sim = Simulate.insulin(P);
        ExperimentList written = SimulationWriter.write(sim, dir, SimulationWriter.Format.CBF, "insulin", 2, Progress.NONE);
        Path first = dir.resolve("insulin_0001.cbf");
        ImageFormat format = ImageFormats.find(first);
        assertEquals("FormatCBFMini", format.name(), "a generic miniCBF, as dxtbx reads it");
        checkHeader(sim, format.readMetadata(first));
        try (ImageSource images = ImageSets.open(written.get(0), dir)) {
            assertEquals(2, images.size());
            for (int i = 0; i < 2; i++) assertArrayEquals(sim.images().read(i)[0], images.read(i)[0], "image " + (i + 1));
        }
        assertTrue(Files.exists(dir.resolve("truth.json")) && Files.exists(dir.resolve("true_intensities.csv"))
                && Files.exists(dir.resolve("true_reflections.csv")));
        Experiment truth = ExptFile.read(dir.resolve("true_model.expt")).get(0);
        assertEquals(77.9, truth.crystal().unitCell().a(), 1e-9);
    }

    @Test
    void nxmxReadsBackToTheSamePixelsAndTheHeaderGeometry(@TempDir Path dir) {
        Simulation sim = Simulate.insulin(P);
        SimulationWriter.write(sim, dir, SimulationWriter.Format.NXMX, "insulin", 1, Progress.NONE);
        Path file = dir.resolve("insulin.nxs");
        ImageFormat format = ImageFormats.find(file);
        checkHeader(sim, format.readMetadata(file));
        try (ImageSource images = format.open(List.of(file))) {
            assertEquals(2, images.size());
            for (int i = 0; i < 2; i++) assertArrayEquals(sim.images().read(i)[0], images.read(i)[0], "image " + (i + 1));
        }
    }

    private static void checkHeader(Simulation sim, FormatMetadata m) {
        Experiment header = sim.experiments().get(0);
        Panel expected = header.detector().panel(0), read = m.detector().panel(0);
        assertEquals(expected.imageSizeFast(), read.imageSizeFast());
        assertEquals(expected.imageSizeSlow(), read.imageSizeSlow());
        assertEquals(expected.distance(), read.distance(), 1e-4);
        double[] c0 = expected.beamCentreMm(header.beam()), c1 = read.beamCentreMm(m.beam());
        assertEquals(c0[0], c1[0], 1e-3);
        assertEquals(c0[1], c1[1], 1e-3);
        assertEquals(33005, read.trustedMax(), 0);
        assertEquals(header.beam().wavelength(), m.beam().wavelength(), 1e-6);
        assertEquals(0.1, m.scan().oscillationWidth(), 1e-9);
    }
}
