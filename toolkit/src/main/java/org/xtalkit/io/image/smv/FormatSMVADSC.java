package org.xtalkit.io.image.smv;

import org.xtalkit.io.image.DetectorFactory;
import org.xtalkit.io.image.FormatMetadata;
import org.xtalkit.io.image.ImageFormat;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.io.image.Template;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * ADSC CCD images in SMV format (dxtbx FormatSMVADSC): a simple CCD detector with the Mosflm-frame
 * beam centre (BEAM_CENTER_X along slow, _Y along fast, mm), 16-bit counts shifted by the pedestal.
 */
public class FormatSMVADSC implements ImageFormat {

    private static final String[] WANTED = {"BEAM_CENTER_X", "BEAM_CENTER_Y", "DISTANCE", "WAVELENGTH", "PIXEL_SIZE",
        "OSC_START", "OSC_RANGE", "SIZE1", "SIZE2", "BYTE_ORDER"};

    @Override public String name() { return "FormatSMVADSC"; }
    @Override public int priority() { return 2; }

    @Override
    public boolean understands(Path file) {
        if (!SmvHeader.isSmv(file)) return false;
        SmvHeader h = SmvHeader.read(file);
        String beamline = h.values().getOrDefault("BEAMLINE", "");
        if (beamline.equals("fake") || beamline.equalsIgnoreCase("TIMEPIX_SU")) return false;
        for (String k : WANTED) if (!h.has(k)) return false;
        return !h.has("DTREK_DATE_TIME");   // Rigaku Saturn
    }

    @Override
    public FormatMetadata readMetadata(Path file) {
        SmvHeader h = SmvHeader.read(file);
        Scan scan = scan(h);
        return new FormatMetadata(name(), Beam.simple(h.number("WAVELENGTH")), detector(h), goniometer(h), scan,
                scan.isStill(), 1);
    }

    static Detector detector(SmvHeader h) {
        double pixel = h.number("PIXEL_SIZE"), pedestal = h.number("IMAGE_PEDESTAL", 0);
        int fast = h.size("SIZE1"), slow = h.size("SIZE2");
        Detector d = DetectorFactory.simple(new DetectorFactory.Sensor("SENSOR_CCD", null, 0), h.number("DISTANCE"),
                new double[] {h.number("BEAM_CENTER_Y"), h.number("BEAM_CENTER_X")}, new Vec3(1, 0, 0), new Vec3(0, -1, 0),
                new double[] {pixel, pixel}, new int[] {fast, slow}, new double[] {-1 - pedestal, 65535 - pedestal},
                h.number("WAVELENGTH"), "", List.of());
        Panel p = d.panel(0);
        return new Detector(List.of(new Panel(p.name(), p.type(), p.fastAxis(), p.slowAxis(), p.origin(), p.rawImageOffset(),
                p.imageSizeFast(), p.imageSizeSlow(), p.pixelSizeFast(), p.pixelSizeSlow(), p.trustedMin(), p.trustedMax(),
                0, "", 0, "", List.of(), gain(h, fast, slow, pixel), pedestal, false, null)));
    }

    /** ADU per photon of the ADSC Quantum modules, guessed from the image size as dxtbx does. */
    private static double gain(SmvHeader h, int fast, int slow, double pixel) {
        if (h.has("GAIN")) return h.number("GAIN");
        String model;
        if (fast != slow) return 1.0;
        if (fast == 2304 && pixel == 0.0816) model = "Q4";
        else if (fast == 4096 && pixel == 0.0512 || fast == 2048 && pixel == 0.1024) model = "Q210";
        else if (fast == 6144 && pixel == 0.0512 || fast == 3072 && pixel == 0.1024) model = "Q315";
        else if (fast == 4168 && pixel == 0.0648 || fast == 2084 && pixel == 0.0324) model = "Q270";
        else return 1.0;
        if (model.equals("Q270")) return 2.8;
        if (model.equals("Q4")) return 1.25;
        return 2.4;   // dxtbx gives 1.8 only to hardware-binned "R" models, which the size alone never names
    }

    static Goniometer goniometer(SmvHeader h) {
        return Goniometer.singleAxis(new Vec3(h.number("OSC_RANGE") > 0 ? 1 : -1, 0, 0));
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH);

    static Scan scan(SmvHeader h) {
        double epoch = 0;
        String date = h.values().getOrDefault("DATE", "").replace("PST", "").replace("PDT", "").trim().replaceAll("\\s+", " ");
        try {
            if (!date.isEmpty()) epoch = LocalDateTime.parse(date, DATE).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            epoch = 0;   // dxtbx also leaves an unreadable date at 0
        }
        int index = Template.imageNumber(h.file());
        return new Scan(index, index, 0, h.number("OSC_START"), Math.abs(h.number("OSC_RANGE")),
                new double[] {h.number("TIME", 0)}, new double[] {epoch});
    }

    @Override
    public ImageSource open(List<Path> files) {
        SmvHeader first = SmvHeader.read(files.get(0));
        return new SmvImageSource(files, first.size("SIZE1"), first.size("SIZE2"));
    }
}
