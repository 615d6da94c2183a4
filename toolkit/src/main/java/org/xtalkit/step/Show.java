package org.xtalkit.step;

import org.xtalkit.math.Mat3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.model.UnitCell;

import java.util.ArrayList;
import java.util.List;

import static org.xtalkit.step.ShowText.braces;
import static org.xtalkit.step.ShowText.f;
import static org.xtalkit.step.ShowText.g;

/**
 * dials.show as text lines: the models of every experiment (detector panels, resolution limits,
 * beam and beam centre, scan, goniometer, crystal), and for reflection tables their columns with
 * min/max/mean ({@link ShowReflections}). Lines, not printing: the CLI logs them, a notebook shows them.
 */
public final class Show {
    private Show() {}

    public static List<String> experiments(ExperimentList list) { return experiments(list, null); }

    /** As dials.show: relative image templates are shown resolved against {@code baseDir} (the .expt's folder). */
    public static List<String> experiments(ExperimentList list, java.nio.file.Path baseDir) {
        List<String> t = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Experiment e = list.get(i);
            t.add("Experiment " + i + ":");
            if (!e.identifier().isEmpty()) t.add("Experiment identifier: " + e.identifier());
            if (e.imageSet() != null && e.imageSet().template() != null) {
                java.nio.file.Path p = java.nio.file.Path.of(e.imageSet().template());
                if (baseDir != null && !p.isAbsolute()) p = baseDir.resolve(p).toAbsolutePath().normalize();
                t.add("Image template: " + p);
            }
            if (e.detector() != null) {
                t.addAll(detector(e.detector()));
                t.add("");
                if (e.beam() != null) {
                    t.add(f("Max resolution (at corners): %f", e.detector().maxResolutionAtCorners(e.beam())));
                    t.add(f("Max resolution (inscribed):  %f", e.detector().maxInscribedResolution(e.beam())));
                }
                t.add("");
            }
            if (e.beam() != null) t.addAll(beam(e.beam(), e.detector()));
            if (e.scan() != null) t.addAll(scan(e.scan()));
            if (e.goniometer() != null) t.addAll(goniometer(e.goniometer()));
            if (e.crystal() != null) t.addAll(crystal(e.crystal()));
        }
        return t;
    }

    static List<String> detector(Detector d) {
        List<String> t = new ArrayList<>();
        t.add("Detector:");
        for (Panel p : d.panels()) {
            t.add("Panel:");
            t.add("  name: " + p.name());
            t.add("  type: " + p.type());
            t.add("  identifier: " + p.identifier());
            t.add("  pixel_size:" + braces(p.pixelSizeFast(), p.pixelSizeSlow()));
            t.add("  image_size: {" + p.imageSizeFast() + "," + p.imageSizeSlow() + "}");
            t.add("  trusted_range: " + braces(p.trustedMin(), p.trustedMax()));
            t.add("  thickness: " + g(p.thickness()));
            t.add("  material: " + p.material());
            t.add("  mu: " + g(p.mu()));
            t.add("  gain: " + g(p.gain()));
            t.add("  pedestal: " + g(p.pedestal()));
            t.add("  fast_axis: " + braces(p.fastAxis().toArray()));
            t.add("  slow_axis: " + braces(p.slowAxis().toArray()));
            t.add("  origin: " + braces(p.origin().toArray()));
            t.add("  distance: " + g(p.distance()));
            t.add("  pixel to millimeter strategy: " + (p.parallax() ? "ParallaxCorrectedPxMmStrategy" : "SimplePxMmStrategy"));
            if (p.parallax()) {
                t.add("    mu: " + g(p.mu()));
                t.add("    t0: " + g(p.thickness()));
            }
            t.add("");
        }
        return t;
    }

    static List<String> beam(Beam b, Detector d) {
        List<String> t = new ArrayList<>();
        t.add("Beam:");
        t.add("    wavelength: " + g(b.wavelength()));
        t.add("    sample to source direction : " + braces(b.direction().toArray()));
        t.add("    divergence: " + g(b.divergence()));
        t.add("    sigma divergence: " + g(b.sigmaDivergence()));
        t.add("    polarization normal: " + braces(b.polarizationNormal().toArray()));
        t.add("    polarization fraction: " + g(b.polarizationFraction()));
        t.add("    flux: " + g(b.flux()));
        t.add("    transmission: " + g(b.transmission()));
        if (d == null) return t;
        int id = d.panelHitBy(b.s0());
        if (id < 0) return t;
        Panel p = d.panel(id);
        double[] mm = p.beamCentreMm(b), px = p.mmToPixel(mm[0], mm[1]);
        t.add("");
        t.add("Beam centre: ");
        if (d.size() > 1) {
            t.add("    mm: panel " + id + ", " + f("(%.2f,%.2f)", mm[0], mm[1]));
            t.add("    px: panel " + id + ", " + f("(%.2f,%.2f)", px[0], px[1]));
            double rx = px[0] + p.rawImageOffset()[0], ry = px[1] + p.rawImageOffset()[1];
            double[] rmm = p.pixelToMm(rx, ry);
            t.add(f("    mm, raw image: (%.2f,%.2f)", rmm[0], rmm[1]));
            t.add(f("    px, raw image: (%.2f,%.2f)", rx, ry));
        } else {
            t.add(f("    mm: (%.2f,%.2f)", mm[0], mm[1]));
            t.add(f("    px: (%.2f,%.2f)", px[0], px[1]));
        }
        t.add("");
        return t;
    }

    static List<String> scan(Scan s) {
        List<String> t = new ArrayList<>();
        t.add("Scan:");
        t.add("    number of images:   " + s.numImages());
        t.add("    image range:   {" + s.firstImage() + "," + s.lastImage() + "}");
        t.add("    oscillation:   " + braces(s.oscillationStart(), s.oscillationWidth()));
        if (s.exposureTimes().length > 0) t.add("    exposure time: " + g(s.exposureTimes()[0]));
        t.add("");
        return t;
    }

    static List<String> goniometer(Goniometer gn) {
        List<String> t = new ArrayList<>();
        t.add("Goniometer:");
        t.add("    Rotation axis:   " + braces(gn.rotationAxis().toArray()));
        t.add("    Fixed rotation:  " + braces(gn.fixedRotation().toArray()));
        t.add("    Setting rotation:" + braces(gn.settingRotation().toArray()));
        if (gn.isMultiAxis()) {
            for (int i = 0; i < gn.axes().size(); i++)
                t.add("    Axis #" + i + " (" + gn.names().get(i) + "):  " + braces(gn.axes().get(i).toArray()));
            StringBuilder a = new StringBuilder("    Angles: ");
            for (int i = 0; i < gn.angles().length; i++) a.append(i == 0 ? "" : ",").append(g(gn.angles()[i]));
            t.add(a.toString());
            t.add("    scan axis: #" + gn.scanAxis() + " (" + gn.names().get(gn.scanAxis()) + ")");
        }
        t.add("");
        return t;
    }

    static List<String> crystal(Crystal c) {
        List<String> t = new ArrayList<>();
        UnitCell u = c.unitCell();
        t.add("Crystal:");
        t.add(f("    Unit cell: %.3f, %.3f, %.3f, %.3f, %.3f, %.3f", u.a(), u.b(), u.c(), u.alpha(), u.beta(), u.gamma()));
        t.add("    Space group: " + spaceGroupName(c.spaceGroupHall()));
        matrix(t, "    U matrix:  ", c.U());
        matrix(t, "    B matrix:  ", c.B());
        matrix(t, "    A = UB:    ", c.A());
        if (c.isScanVarying()) t.add("    A sampled at " + c.aAtScanPoints().size() + " scan points");
        t.add("");
        return t;
    }

    private static String spaceGroupName(String hall) {
        try {
            return org.xtalkit.spacegroup.SpaceGroup.fromHall(hall).shortName();
        } catch (RuntimeException e) {
            return "Hall: " + hall.trim();
        }
    }

    /** Rows as scitbx prints a mat3 (an exact -0 shows as 0, the sign of nothing being an accident of arithmetic). */
    private static void matrix(List<String> t, String label, Mat3 m) {
        String pad = " ".repeat(label.length() + 1);
        for (int r = 0; r < 3; r++)
            t.add((r == 0 ? label + "{" : pad) + "{" + ShowText.fixed(m.get(r, 0) + 0.0, 7, 4) + ", " + ShowText.fixed(m.get(r, 1) + 0.0, 7, 4)
                    + ", " + ShowText.fixed(m.get(r, 2) + 0.0, 7, 4) + "}" + (r == 2 ? "}" : ","));
    }
}
