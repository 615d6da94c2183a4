package org.xtalkit.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.ImageSetRef;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.SpaceGroup;

/**
 * Experiments as dials.show summarises them: per experiment the detector panels, beam (and beam
 * centre), scan, goniometer and crystal. One list of sections serves the HTML and the text.
 */
public final class ExperimentListDisplay {
    private ExperimentListDisplay() {}

    /** A titled block of key/value lines. */
    record Section(String title, List<String[]> lines) {}

    public static MimeBundle bundle(ExperimentList experiments) {
        return MimeBundle.html(html(experiments), text(experiments));
    }

    public static String html(ExperimentList experiments) {
        StringBuilder b = new StringBuilder("<div class=\"xtalkit-expt\">");
        b.append("<p><b>Experiment list</b>: ").append(experiments.size()).append(experiments.size() == 1 ? " experiment" : " experiments").append("</p>");
        for (int i = 0; i < experiments.size(); i++) {
            b.append("<details").append(i == 0 ? " open" : "").append("><summary><b>Experiment ").append(i).append("</b> ")
                    .append(Html.escape(oneLine(experiments.get(i)))).append("</summary>");
            b.append("<div style=\"display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start\">");
            for (Section s : sections(experiments.get(i))) {
                List<List<String>> rows = new ArrayList<>();
                for (String[] l : s.lines()) rows.add(List.of(l[0], l[1]));
                b.append("<div><p style=\"margin:0.3em 0\"><b>").append(Html.escape(s.title())).append("</b></p>")
                        .append(Html.table(List.of(), rows, "xtalkit-kv")).append("</div>");
            }
            b.append("</div></details>");
        }
        return b.append("</div>").toString();
    }

    public static String text(ExperimentList experiments) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < experiments.size(); i++) {
            b.append("Experiment ").append(i).append(":\n");
            for (Section s : sections(experiments.get(i))) {
                b.append(s.title()).append(":\n");
                for (String[] l : s.lines()) b.append("    ").append(l[0]).append(": ").append(l[1]).append('\n');
            }
        }
        return b.toString();
    }

    private static String oneLine(Experiment e) {
        List<String> parts = new ArrayList<>();
        if (e.scan() != null) parts.add("images " + e.scan().firstImage() + "–" + e.scan().lastImage());
        if (e.beam() != null) parts.add("λ " + Html.fixed(e.beam().wavelength(), 4) + " Å");
        if (e.crystal() != null) parts.add("cell " + cell(e.crystal().unitCell()));
        return String.join(", ", parts);
    }

    static List<Section> sections(Experiment e) {
        List<Section> out = new ArrayList<>();
        List<String[]> id = new ArrayList<>();
        id.add(kv("identifier", e.identifier() == null ? "" : e.identifier()));
        if (e.imageSet() != null) {
            ImageSetRef is = e.imageSet();
            id.add(kv("image set", is.kind()));
            id.add(kv(is.template() != null ? "template" : "files",
                    is.template() != null ? is.template() : String.join(", ", is.paths())));
        }
        out.add(new Section("Experiment", id));
        if (e.detector() != null) {
            for (int p = 0; p < e.detector().size(); p++) out.add(panel(e.detector().panel(p), e.beam(), p));
        }
        if (e.beam() != null) out.add(beam(e.beam()));
        if (e.scan() != null) out.add(scan(e.scan()));
        if (e.goniometer() != null) out.add(goniometer(e.goniometer()));
        if (e.crystal() != null) out.add(crystal(e.crystal()));
        return out;
    }

    private static Section panel(Panel p, Beam beam, int index) {
        List<String[]> l = new ArrayList<>();
        l.add(kv("name", p.name()));
        l.add(kv("type", p.type()));
        l.add(kv("pixel_size", "{" + Html.number(p.pixelSizeFast()) + "," + Html.number(p.pixelSizeSlow()) + "}"));
        l.add(kv("image_size", "{" + p.imageSizeFast() + "," + p.imageSizeSlow() + "}"));
        l.add(kv("trusted_range", "{" + Html.number(p.trustedMin()) + "," + Html.number(p.trustedMax()) + "}"));
        l.add(kv("thickness", Html.number(p.thickness())));
        l.add(kv("material", p.material()));
        l.add(kv("mu", Html.number(p.mu())));
        l.add(kv("fast_axis", vec(p.fastAxis())));
        l.add(kv("slow_axis", vec(p.slowAxis())));
        l.add(kv("origin", vec(p.origin())));
        l.add(kv("distance", Html.fixed(p.distance(), 2) + " mm"));
        l.add(kv("pixel to millimeter strategy", p.parallax() ? "ParallaxCorrectedPxMmStrategy" : "SimplePxMmStrategy"));
        if (beam != null) {
            double[] mm = p.beamCentreMm(beam), px = p.beamCentrePx(beam);
            if (mm != null) l.add(kv("beam centre (mm)", "(" + Html.fixed(mm[0], 2) + "," + Html.fixed(mm[1], 2) + ")"));
            if (px != null) l.add(kv("beam centre (px)", "(" + Html.fixed(px[0], 2) + "," + Html.fixed(px[1], 2) + ")"));
            double dCorner = Double.POSITIVE_INFINITY;
            for (double[] c : new double[][] {{0, 0}, {p.imageSizeFast(), 0}, {0, p.imageSizeSlow()}, {p.imageSizeFast(), p.imageSizeSlow()}})
                dCorner = Math.min(dCorner, p.resolutionAtPixel(beam, c[0], c[1]));
            l.add(kv("max resolution (at corners)", Html.fixed(dCorner, 3) + " Å"));
        }
        return new Section("Panel " + index, l);
    }

    private static Section beam(Beam b) {
        List<String[]> l = new ArrayList<>();
        l.add(kv("wavelength", Html.number(b.wavelength()) + " Å"));
        l.add(kv("sample to source direction", vec(b.direction())));
        l.add(kv("divergence", Html.number(b.divergence())));
        l.add(kv("sigma divergence", Html.number(b.sigmaDivergence())));
        l.add(kv("polarization normal", vec(b.polarizationNormal())));
        l.add(kv("polarization fraction", Html.number(b.polarizationFraction())));
        l.add(kv("flux", Html.number(b.flux())));
        l.add(kv("transmission", Html.number(b.transmission())));
        return new Section("Beam", l);
    }

    private static Section scan(Scan s) {
        List<String[]> l = new ArrayList<>();
        l.add(kv("number of images", Integer.toString(s.numImages())));
        l.add(kv("image range", "{" + s.firstImage() + "," + s.lastImage() + "}"));
        l.add(kv("oscillation", "{" + Html.number(s.oscillationStart()) + "," + Html.number(s.oscillationWidth()) + "}"));
        if (s.exposureTimes().length > 0) l.add(kv("exposure time", Html.number(s.exposureTimes()[0]) + " s"));
        return new Section("Scan", l);
    }

    private static Section goniometer(Goniometer g) {
        List<String[]> l = new ArrayList<>();
        l.add(kv("rotation axis", vec(g.rotationAxis())));
        l.add(kv("fixed rotation", mat(g.fixedRotation())));
        l.add(kv("setting rotation", mat(g.settingRotation())));
        if (g.isMultiAxis()) l.add(kv("axes", String.join(", ", g.names()) + " (scan axis " + g.names().get(g.scanAxis()) + ")"));
        return new Section("Goniometer", l);
    }

    private static Section crystal(Crystal c) {
        List<String[]> l = new ArrayList<>();
        l.add(kv("unit cell", cell(c.unitCell())));
        l.add(kv("space group", spaceGroup(c.spaceGroupHall())));
        l.add(kv("U matrix", mat(c.U())));
        l.add(kv("B matrix", mat(c.B())));
        l.add(kv("A = UB", mat(c.A())));
        if (!Double.isNaN(c.mosaicity())) l.add(kv("mosaicity", Html.number(c.mosaicity()) + "°"));
        if (c.isScanVarying()) l.add(kv("A sampled at", c.aAtScanPoints().size() + " scan points"));
        return new Section("Crystal", l);
    }

    /** "I 21 3 (Hall: I 2b 2c 3)" as dials.show names it; the Hall symbol alone when not tabulated. */
    static String spaceGroup(String hall) {
        try {
            return SpaceGroup.fromHall(hall).xhm() + " (Hall: " + hall.strip() + ")";
        } catch (RuntimeException e) {
            return "Hall: " + hall.strip();
        }
    }

    static String cell(UnitCell u) {
        return String.format(Locale.ROOT, "%.3f, %.3f, %.3f, %.2f, %.2f, %.2f", u.a(), u.b(), u.c(), u.alpha(), u.beta(), u.gamma());
    }

    private static String vec(Vec3 v) {
        return "{" + Html.number(round(v.x())) + "," + Html.number(round(v.y())) + "," + Html.number(round(v.z())) + "}";
    }

    private static String mat(Mat3 m) {
        StringBuilder b = new StringBuilder("{");
        for (int r = 0; r < 3; r++) {
            b.append(r == 0 ? "{" : ",{");
            for (int c = 0; c < 3; c++) b.append(c == 0 ? "" : ",").append(Html.number(round(m.get(r, c))));
            b.append("}");
        }
        return b.append("}").toString();
    }

    /** dials.show prints 4 decimals (and -0 as 0). */
    private static double round(double v) {
        double r = Math.round(v * 1e4) / 1e4;
        return r == 0 ? 0 : r;
    }

    private static String[] kv(String k, String v) { return new String[] {k, v == null ? "" : v}; }
}
