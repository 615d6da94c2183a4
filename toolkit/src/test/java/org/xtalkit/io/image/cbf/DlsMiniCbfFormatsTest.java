package org.xtalkit.io.image.cbf;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xtalkit.io.image.FormatMetadata;
import org.xtalkit.io.image.ImageFormat;
import org.xtalkit.io.image.ImageFormats;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Beamline miniCBF formats without fixtures: we write a header as each detector writes it and
 * compare with what dxtbx 3.12 builds from the same file (numbers from dxtbx on these files).
 */
class DlsMiniCbfFormatsTest {
    @TempDir Path dir;

    /** The mini-kappa at phi 10°, kappa 20°: F = R(kappa)·R(phi), from dxtbx. */
    private static final double[] KAPPA_FIXED = {0.990000419075517, 0.12880723851594458, 0.057514046425177684,
        -0.08615008180274121, 0.8749221319576325, -0.47653900828378365, -0.11170198581798772, 0.46681897810244144,
        0.8772700314314347};

    @ParameterizedTest
    @CsvSource({
        "'PILATUS 6M-F, S/N 60-0100 Diamond', 2013, FormatCBFMiniPilatusDLS6MSN100, 1, 0, 1362373567.25",
        "'PILATUS3 6M, S/N 60-0126', 2016, FormatCBFMiniPilatusDLS6MSN126, 1, 0, 1457067967.25",
        "'PILATUS3 6M, S/N 60-0114', 2018, FormatCBFMiniPilatusDLS6MSN114, 0, 1, 1520139967.25",
        "'PILATUS3 6M, S/N 60-0114', 2016, FormatCBFMiniPilatus, 1, 0, 1457067967.25",
    })
    void beamlineFormatsBuildDxtbxModels(String detector, String year, String format, double ax, double ay, double epoch) {
        String h = "# Detector: " + detector + "\n# " + year + "-03-04T05:06:07.250\n# Pixel_size 172e-6 m x 172e-6 m\n"
                + "# Silicon sensor, thickness 0.000450 m\n# Exposure_time 0.0990000 s\n# Exposure_period 0.1000000 s\n"
                + "# Count_cutoff 1048500 counts\n# Wavelength 0.9763 A\n# Detector_distance 0.30000 m\n"
                + "# Beam_xy (1231.50, 1263.50) pixels\n# Flux 0.000000\n# Start_angle 30.0000 deg.\n"
                + "# Angle_increment 0.2000 deg.\n# Phi 10.0000 deg.\n# Kappa 20.0000 deg.\n# Omega 30.0000 deg.\n"
                + "# Oscillation_axis X, CW\n";
        Path f = dir.resolve("x_0001.cbf");
        MiniCbfWriter.write(f, "PILATUS_1.2", h, 2463, 2527, new int[2463 * 2527]);
        ImageFormat fmt = ImageFormats.find(f);
        assertEquals(format, fmt.name());
        FormatMetadata m = fmt.readMetadata(f);
        assertArrayEquals(new double[] {ax, ay, 0}, m.goniometer().rotationAxis().toArray(), 1e-12);
        if (format.endsWith("SN100") || format.endsWith("SN126"))
            assertArrayEquals(KAPPA_FIXED, m.goniometer().fixedRotation().toArray(), 1e-12);
        assertArrayEquals(new double[] {-211.818, 217.322, -300.0}, m.detector().panel(0).origin().toArray(), 1e-9);
        assertEquals(3.922624691862258, m.detector().panel(0).mu(), 1e-12);
        assertEquals(15, m.detector().panel(0).mask().size());
        assertEquals(1048500.0, m.detector().panel(0).trustedMax());
        assertEquals(epoch, m.scan().epochs()[0], 1e-6);
        assertEquals(30.0, m.scan().oscillationStart(), 1e-12);
    }
}
