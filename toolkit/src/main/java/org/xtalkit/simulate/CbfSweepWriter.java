package org.xtalkit.simulate;

import org.xtalkit.io.image.cbf.MiniCbfWriter;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ImageSetRef;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes simulated images as miniCBF files (Pilatus-style "#" header, byte-offset binary), one per
 * image, named {@code <prefix>_0001.cbf}... The header carries the experiment's (header) geometry;
 * the detector is named as a generic pixel-array detector so that dxtbx reads it with FormatCBFMini
 * (an Eiger name would make dxtbx expect an unbinned module layout).
 */
final class CbfSweepWriter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CbfSweepWriter() {}

    static String fileName(String prefix, int imageNumber) {
        return String.format(Locale.ROOT, "%s_%04d.cbf", prefix, imageNumber);
    }

    static ImageSetRef imageSet(Path dir, String prefix) {
        return ImageSetRef.sequence(dir.resolve(prefix + "_####.cbf").toString());
    }

    /** Writes image index (0-based) of the simulation (atomically, by the CBF package's writer). */
    static Path write(Simulation sim, int index, Path dir, String prefix) {
        Experiment e = sim.experiments().get(0);
        Scan scan = e.scan();
        Path file = dir.resolve(fileName(prefix, scan.firstImage() + index));
        int[] pixels = sim.images().read(index)[0];
        Panel panel = e.detector().panel(0);
        MiniCbfWriter.write(file, "GENERIC_MINI", header(e.beam(), panel, scan, index, sim.params()),
                panel.imageSizeFast(), panel.imageSizeSlow(), pixels);
        return file;
    }

    /** The Pilatus-style "#" lines dxtbx's FormatCBFMini reads the models from. */
    private static String header(Beam beam, Panel panel, Scan scan, int index, SimulationParams p) {
        double[] centreMm = panel.beamCentreMm(beam);
        double pixelM = panel.pixelSizeFast() / 1000;
        double start = scan.angleFromFrame(index), width = scan.oscillationWidth();
        StringBuilder h = new StringBuilder();
        line(h, "# Detector: SIMULATED PAD 16M %dx%d-binned, S/N SIM-%04d", p.binning(), p.binning(), p.binning());
        line(h, "# %s", TIME.format(Instant.ofEpochMilli(Math.round(scan.epochs()[index] * 1000))));
        line(h, "# Pixel_size %.0fe-6 m x %.0fe-6 m", pixelM * 1e6, pixelM * 1e6);
        line(h, "# Silicon sensor, thickness %.6f m", panel.thickness() / 1000);
        line(h, "# Exposure_time %.7f s", scan.exposureTimes()[index]);
        line(h, "# Exposure_period %.7f s", scan.exposureTimes()[index]);
        line(h, "# Tau = 0 s");
        line(h, "# Count_cutoff %d counts", (long) panel.trustedMax());
        line(h, "# Threshold_setting: 6500 eV");
        line(h, "# Gain_setting: autog (vrf = 1.000)");
        line(h, "# N_excluded_pixels = 0");
        line(h, "# Excluded_pixels: none");
        line(h, "# Flat_field: none");
        line(h, "# Trim_file: none");
        line(h, "# Image_path: simulated/");
        line(h, "# Comment: simulated cubic insulin, I 21 3, a=77.9 A, seed %d (xtalkit)", p.seed());
        line(h, "# Wavelength %.6f A", beam.wavelength());
        line(h, "# Detector_distance %.5f m", panel.distance() / 1000);
        line(h, "# Beam_xy (%.2f, %.2f) pixels", centreMm[0] / panel.pixelSizeFast(), centreMm[1] / panel.pixelSizeSlow());
        line(h, "# Flux 0.000000");
        line(h, "# Filter_transmission 1.0000");
        line(h, "# Start_angle %.4f deg.", start);
        line(h, "# Angle_increment %.4f deg.", width);
        line(h, "# Detector_2theta 0.0000 deg.");
        line(h, "# Polarization %.3f", beam.polarizationFraction());
        line(h, "# Alpha 0.0000 deg.");
        line(h, "# Kappa 0.0000 deg.");
        line(h, "# Phi %.4f deg.", start);
        line(h, "# Phi_increment %.4f deg.", width);
        line(h, "# Omega %.4f deg.", start);
        line(h, "# Omega_increment %.4f deg.", width);
        line(h, "# Chi 0.0000 deg.");
        line(h, "# Chi_increment 0.0000 deg.");
        line(h, "# Oscillation_axis X.CW");
        line(h, "# N_oscillations 1");
        return h.toString();
    }

    private static void line(StringBuilder h, String format, Object... args) {
        h.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
