package org.xtalkit.io.image.cbf;

import org.xtalkit.io.image.DetectorFactory;
import org.xtalkit.io.image.FormatMetadata;
import org.xtalkit.io.image.Template;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Scan;

import java.nio.file.Path;
import java.util.List;

/**
 * miniCBF as Dectris detectors (and simulators) write it: a Pilatus-style '#' header with the
 * geometry, a byte-offset binary. The generic models of dxtbx's FormatCBFMini: a detector normal
 * to the beam with the header's beam centre, a single-axis goniometer along +x.
 */
public class FormatCBFMini extends CbfFormat {

    @Override public String name() { return "FormatCBFMini"; }
    @Override public int priority() { return 1; }

    @Override
    protected boolean accepts(String header) {
        if (header.contains("_diffrn.id") && header.contains("_diffrn_source")) return false;   // full imgCIF
        for (String record : header.split("\r?\n")) {
            if (record.contains("_array_data.header_convention")
                    && (record.contains("PILATUS") || record.contains("SLS") || record.contains("SSRL")
                        || record.contains("?") || record.contains("XDS special") || record.contains("GENERIC_MINI")))
                return true;
            if (record.contains("# Detector") && record.contains("PILATUS")) return true;
        }
        return false;
    }

    @Override
    public FormatMetadata readMetadata(Path file) {
        MiniCbfHeader h = MiniCbfHeader.parse(file, headerOf(file));
        Scan scan = scan(h);
        return new FormatMetadata(name(), beam(h), detector(h), goniometer(h), scan, scan.isStill(), 1);
    }

    @Override
    protected final Detector detector(Path file, String header) { return detector(MiniCbfHeader.parse(file, header)); }

    /** Sensor from the "# Silicon sensor, thickness 0.000450 m" line (thickness stored in mm). */
    protected DetectorFactory.Sensor sensor(MiniCbfHeader h) {
        for (String[] m : new String[][] {{"Silicon", "Si"}, {"CdTe", "CdTe"}}) {
            if (h.has(m[0])) {
                String[] t = h.get(m[0]).trim().split("\\s+");
                return DetectorFactory.Sensor.pad(m[1], Double.parseDouble(t[2]) * 1000.0);
            }
        }
        if (h.has("CCD")) return new DetectorFactory.Sensor("SENSOR_CCD", null, 0);
        return new DetectorFactory.Sensor("SENSOR_UNKNOWN", null, 0);
    }

    protected Detector detector(MiniCbfHeader h) { return simpleDetector(h, "", List.of(), h.number("Count_cutoff")); }

    /** The detector of a single-panel miniCBF: +x fast, -y slow, beam centre from Beam_xy. */
    protected final Detector simpleDetector(MiniCbfHeader h, String identifier, List<int[]> mask, double overload) {
        double distance = h.number("Detector_distance") * 1000.0;
        double[] beam = h.pair("Beam_xy");
        double[] pixel = h.pair("Pixel_size");
        int nx = (int) h.number("X-Binary-Size-Fastest-Dimension");
        int ny = (int) h.number("X-Binary-Size-Second-Dimension");
        return DetectorFactory.simple(sensor(h), distance,
                new double[] {beam[0] * pixel[0] * 1000.0, beam[1] * pixel[1] * 1000.0},
                new Vec3(1, 0, 0), new Vec3(0, -1, 0), new double[] {pixel[0] * 1000.0, pixel[1] * 1000.0},
                new int[] {nx, ny}, new double[] {-1, overload}, h.number("Wavelength"), identifier, mask);
    }

    protected Goniometer goniometer(MiniCbfHeader h) { return Goniometer.singleAxis(new Vec3(1, 0, 0)); }

    protected Beam beam(MiniCbfHeader h) {
        Beam b = Beam.simple(h.number("Wavelength"));
        double flux = h.number("Flux", 0), transmission = h.number("Transmission", 1);
        return new Beam(b.direction(), b.wavelength(), 0, 0, b.polarizationNormal(), b.polarizationFraction(),
                flux, transmission);
    }

    /** One image: its number from the file name, the Exposure_period, Start_angle and Angle_increment. */
    protected Scan scan(MiniCbfHeader h) {
        int index = Template.imageNumber(h.file());
        double width = h.number("Angle_increment");
        if (width < -180) width += 360;   // an omega end of 0 after ~360 (dxtbx#378)
        return new Scan(index, index, 0, h.number("Start_angle"), width,
                new double[] {h.number("Exposure_period")}, new double[] {h.timestamp()});
    }
}
