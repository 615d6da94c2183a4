package org.xtalkit.io.image.cbf;

import org.xtalkit.XtalException;
import org.xtalkit.io.image.Attenuation;
import org.xtalkit.io.image.FormatMetadata;
import org.xtalkit.io.image.ModuleGaps;
import org.xtalkit.io.image.Template;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full imgCIF CBFs from Pilatus detectors: the geometry comes from the imgCIF axis categories
 * (detector position and axes, a multi-axis goniometer), the sensor from the Pilatus '#' lines,
 * as dxtbx's FormatCBFFullPilatus.
 */
public class FormatCBFFullPilatus extends CbfFormat {

    private static final Pattern SENSOR = Pattern.compile("^#\\s*(\\S+)\\ssensor, thickness\\s*([0-9.]+)\\s*m\\s*$", Pattern.MULTILINE);
    private static final Pattern DETECTOR = Pattern.compile("^#\\s*Detector:\\s+(.*?)\\s*$", Pattern.MULTILINE);

    @Override public String name() { return "FormatCBFFullPilatus"; }
    @Override public int priority() { return 2; }

    @Override
    protected boolean accepts(String header) {
        if (!header.contains("_diffrn.id") && !header.contains("_diffrn_source")) return false;
        for (String record : header.split("\r?\n"))
            if (record.contains("_array_data.header_convention") && record.contains("PILATUS")) return true;
        return false;
    }

    @Override
    public FormatMetadata readMetadata(Path file) {
        String header = headerOf(file);
        ImgCif cif = ImgCif.parse(file, header);
        ImgCifGeometry geometry = new ImgCifGeometry(file, cif);
        Scan scan = scan(file, cif, geometry);
        return new FormatMetadata(name(), beam(file, cif), detector(file, header), geometry.goniometer(), scan,
                scan == null || scan.isStill(), 1);
    }

    static double wavelength(Path file, ImgCif cif) {
        String w = cif.value("diffrn_radiation_wavelength", "wavelength");
        if (w == null) throw XtalException.badFile(file, "imgCIF header has no _diffrn_radiation_wavelength.wavelength");
        return Double.parseDouble(w);
    }

    /** The beam from the SOURCE axis and the wavelength; polarisation fraction 0.999 as dxtbx sets for Pilatus. */
    private static Beam beam(Path file, ImgCif cif) {
        Map<String, String> source = cif.row("axis", "equipment", "source");
        Vec3 direction = source == null ? new Vec3(0, 0, 1)
                : new Vec3(cif.number(source, "vector[1]", 0), cif.number(source, "vector[2]", 0), cif.number(source, "vector[3]", 1));
        Map<String, String> radiation = cif.rows("diffrn_radiation").isEmpty() ? null : cif.rows("diffrn_radiation").get(0);
        double angle = Math.toRadians(cif.number(radiation, "polarizn_source_norm", 0));
        double flux = cif.number(radiation, "beam_flux", 0);
        return new Beam(direction, wavelength(file, cif), 0, 0, new Vec3(Math.sin(angle), Math.cos(angle), 0), 0.999, flux, 1);
    }

    @Override
    protected Detector detector(Path file, String header) {
        ImgCif cif = ImgCif.parse(file, header);
        ImgCifGeometry g = new ImgCifGeometry(file, cif);
        Map<String, String> fastDim = cif.row("array_structure_list", "index", "1");
        Map<String, String> slowDim = cif.row("array_structure_list", "index", "2");
        if (fastDim == null || slowDim == null)
            throw XtalException.badFile(file, "imgCIF header has no array_structure_list for both image dimensions");
        Map<String, String> fastAxis = cif.row("array_structure_list_axis", "axis_set_id", fastDim.get("axis_set_id"));
        Map<String, String> slowAxis = cif.row("array_structure_list_axis", "axis_set_id", slowDim.get("axis_set_id"));
        if (fastAxis == null || slowAxis == null)
            throw XtalException.badFile(file, "imgCIF header has no array_structure_list_axis for the image axes");
        String fId = fastAxis.get("axis_id"), sId = slowAxis.get("axis_id");
        Vec3 origin = g.toLab(fId, Vec3.ZERO, Map.of(fId, cif.number(fastAxis, "displacement", 0),
                sId, cif.number(slowAxis, "displacement", 0)));
        double pixelFast = cif.number(fastAxis, "displacement_increment", 0);
        double pixelSlow = cif.number(slowAxis, "displacement_increment", 0);
        int nFast = (int) cif.number(fastDim, "dimension", 0), nSlow = (int) cif.number(slowDim, "dimension", 0);

        Map<String, String> intensities = cif.rows("array_intensities").isEmpty() ? null : cif.rows("array_intensities").get(0);
        double underload = 0, overload = 1.0e6;
        if (intensities != null && intensities.containsKey("overload") && intensities.containsKey("undefined_value")) {
            underload = cif.number(intensities, "undefined_value", 0);
            overload = cif.number(intensities, "overload", 1.0e6);
        }
        double gain = cif.number(intensities, "gain", 1.0);

        String material = "";
        double thickness = 0, mu = 0;
        Matcher m = SENSOR.matcher(header);
        if (m.find()) {
            thickness = Double.parseDouble(m.group(2)) * 1000;
            material = m.group(1).equals("Silicon") ? "Si" : m.group(1);
            mu = Attenuation.muPerMm(material, wavelength(file, cif));
        }
        Matcher d = DETECTOR.matcher(header);
        String identifier = d.find() ? d.group(1) : "";
        Panel p = new Panel("Panel", "SENSOR_PAD", g.directionInLab(fId), g.directionInLab(sId), origin,
                new int[] {0, 0}, nFast, nSlow, pixelFast, pixelSlow, underload, overload, thickness, material, mu,
                identifier, ModuleGaps.pilatus(nFast, nSlow), gain, 0.0, mu > 0, null);
        return new Detector(List.of(p));
    }

    /** One image: the rotation of the scanning axis, the frame's integration time and date. */
    private static Scan scan(Path file, ImgCif cif, ImgCifGeometry g) {
        double[] range = g.rotationRange();
        if (range == null) return null;
        if (range[1] < 0) range = new double[] {-range[0], -range[1]};
        Map<String, String> frame = cif.rows("diffrn_scan_frame").isEmpty() ? null : cif.rows("diffrn_scan_frame").get(0);
        double exposure = cif.number(frame, "integration_time", 0);
        String date = frame == null ? null : frame.get("date");
        double epoch = date == null ? 0 : MiniCbfHeader.epoch(file, date);
        int index = Template.imageNumber(file);
        return new Scan(index, index, 0, range[0], range[1], new double[] {exposure}, new double[] {epoch});
    }
}
