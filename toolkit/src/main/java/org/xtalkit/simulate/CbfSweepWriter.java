package org.xtalkit.simulate;

import org.xtalkit.XtalException;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ImageSetRef;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
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

    /** Writes image index (0-based) of the simulation, atomically (temporary file, then rename). */
    static Path write(Simulation sim, int index, Path dir, String prefix) {
        Experiment e = sim.experiments().get(0);
        Scan scan = e.scan();
        int number = scan.firstImage() + index;
        Path file = dir.resolve(fileName(prefix, number));
        int[] pixels = sim.images().read(index)[0];
        byte[] binary = ByteOffsetEncoder.encode(pixels);
        Panel panel = e.detector().panel(0);
        String header = header(e.beam(), panel, scan, index, sim.params(), number, binary, pixels.length);
        try {
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(header.getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[] {0x0C, 0x1A, 0x04, (byte) 0xD5});
                out.write(binary);
                out.write(new byte[4095]);
                out.write("\r\n--CIF-BINARY-FORMAT-SECTION----\r\n;\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw XtalException.badFile(file, "cannot write miniCBF image: " + ex.getMessage(), ex);
        }
        return file;
    }

    private static String header(Beam beam, Panel panel, Scan scan, int index, SimulationParams p, int number,
                                 byte[] binary, int nPixels) {
        double[] centreMm = panel.beamCentreMm(beam);
        double pixelM = panel.pixelSizeFast() / 1000;
        double start = scan.angleFromFrame(index), width = scan.oscillationWidth();
        String nl = "\r\n";
        StringBuilder h = new StringBuilder();
        h.append("###CBF: VERSION 1.5, CBFlib v0.7.8 - xtalkit simulated").append(nl).append(nl);
        h.append("data_").append(fileName("insulin", number).replace(".cbf", "")).append(nl).append(nl);
        h.append("_array_data.header_convention \"GENERIC_MINI\"").append(nl);
        h.append("_array_data.header_contents").append(nl).append(';').append(nl);
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
        h.append(';').append(nl).append(nl);
        h.append("_array_data.data").append(nl).append(';').append(nl);
        h.append("--CIF-BINARY-FORMAT-SECTION--").append(nl);
        h.append("Content-Type: application/octet-stream;").append(nl);
        h.append("     conversions=\"x-CBF_BYTE_OFFSET\"").append(nl);
        h.append("Content-Transfer-Encoding: BINARY").append(nl);
        line(h, "X-Binary-Size: %d", binary.length);
        line(h, "X-Binary-ID: 1");
        line(h, "X-Binary-Element-Type: \"signed 32-bit integer\"");
        line(h, "X-Binary-Element-Byte-Order: LITTLE_ENDIAN");
        line(h, "Content-MD5: %s", md5(binary));
        line(h, "X-Binary-Number-of-Elements: %d", nPixels);
        line(h, "X-Binary-Size-Fastest-Dimension: %d", panel.imageSizeFast());
        line(h, "X-Binary-Size-Second-Dimension: %d", panel.imageSizeSlow());
        line(h, "X-Binary-Size-Padding: 4095");
        h.append(nl);
        return h.toString();
    }

    private static void line(StringBuilder h, String format, Object... args) {
        h.append(String.format(Locale.ROOT, format, args)).append("\r\n");
    }

    private static String md5(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
