package org.xtalkit.step;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.io.image.cbf.MiniCbfWriter;
import org.xtalkit.model.ExperimentList;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** dials.import's grouping: consecutive numbers with continuing angles make one sweep; gaps split it. */
class SweepGroupingTest {
    @TempDir Path dir;

    private void image(int number, double start) {
        String h = "# Detector: PILATUS 2M, S/N 24-0107\n# 2020-01-01T00:00:0" + (number % 10) + ".000\n"
                + "# Pixel_size 172e-6 m x 172e-6 m\n# Silicon sensor, thickness 0.000320 m\n# Exposure_period 0.1 s\n"
                + "# Count_cutoff 1000000 counts\n# Wavelength 0.6889 A\n# Detector_distance 0.15 m\n"
                + "# Beam_xy (30, 20) pixels\n# Start_angle " + start + " deg.\n# Angle_increment 0.1000 deg.\n";
        MiniCbfWriter.write(dir.resolve(String.format("x_%04d.cbf", number)), "PILATUS_1.2", h, 60, 40, new int[60 * 40]);
    }

    @Test
    void gapsInNumbersOrAnglesStartNewSweepsSharingTheModels() {
        image(1, 0.0);
        image(2, 0.1);
        image(3, 0.2);
        image(5, 0.4);   // number 4 missing
        image(6, 0.5);
        image(7, 9.0);   // angle jump
        ExperimentList l = Import.run(Import.Params.defaults(), List.of(dir.resolve("x_####.cbf").toString()));
        assertEquals(3, l.size());
        assertEquals(1, l.get(0).scan().firstImage());
        assertEquals(3, l.get(0).scan().lastImage());
        assertEquals(5, l.get(1).scan().firstImage());
        assertEquals(6, l.get(1).scan().lastImage());
        assertEquals(0.4, l.get(1).scan().oscillationStart(), 1e-12);
        assertEquals(7, l.get(2).scan().firstImage());
        assertEquals(3, l.get(0).scan().epochs().length);
        assertEquals(1577836803.0, l.get(0).scan().epochs()[2], 1e-6);   // image 3 is dated 00:00:03
        assertSame(l.get(0).beam(), l.get(2).beam());
        assertSame(l.get(0).detector(), l.get(1).detector());
        // image_range picks a sub-sweep
        ExperimentList r = Import.run(Import.Params.parse("image_range=2,3"), List.of(dir.resolve("x_####.cbf").toString()));
        assertEquals(1, r.size());
        assertEquals(0.1, r.get(0).scan().oscillationStart(), 1e-12);
    }
}
