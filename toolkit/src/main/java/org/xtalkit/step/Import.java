package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.io.image.FormatMetadata;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;
import org.xtalkit.model.DetectorGroup;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.ImageSetRef;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * dials.import: image files (or templates with '#') -> experiments, one per sweep (or per still of
 * a zero-width sequence), with the models their format reads and the user's geometry overrides.
 */
public final class Import {
    private Import() {}

    /** Parameters, named as dials.import's phil. Null means "as the images say". */
    public record Params(String output, int[] imageRange, double[] oscillation, Double distance,
                         double[] fastSlowBeamCentre, Double wavelength, double[] goniometerAxis) {

        public static final List<ParamSpec> SPECS = List.of(
                ParamSpec.of("output.experiments", ParamType.PATH, "imported.expt", "The output experiment list"),
                ParamSpec.of("geometry.scan.image_range", ParamType.INTS, "None",
                        "first,last image number to import (inclusive)"),
                ParamSpec.of("geometry.scan.oscillation", ParamType.FLOATS, "None",
                        "start,width (degrees) overriding the oscillation of the first image"),
                ParamSpec.of("geometry.detector.distance", ParamType.FLOAT, "None",
                        "sample to detector distance (mm) along the panel normal"),
                ParamSpec.of("geometry.detector.fast_slow_beam_centre", ParamType.FLOATS, "None",
                        "beam centre (fast, slow) in pixels, optionally followed by the panel index"),
                ParamSpec.of("geometry.beam.wavelength", ParamType.FLOAT, "None", "wavelength (Å)"),
                ParamSpec.of("geometry.goniometer.axis", ParamType.FLOATS, "None",
                        "rotation axis x,y,z (for a multi-axis goniometer: the scan axis, or all axes)"));

        public static Params defaults() { return parse(); }

        public static Params parse(String... words) { return from(ParamValues.parse("import", SPECS, words)); }

        public static Params from(ParamValues v) {
            int[] range = v.ints("geometry.scan.image_range");
            if (range != null && (range.length != 2 || range[0] < 0 || range[1] < range[0]))
                throw new XtalException("import: geometry.scan.image_range=" + v.raw("geometry.scan.image_range")
                        + " is not first,last with first <= last");
            double[] osc = v.doubles("geometry.scan.oscillation");
            if (osc != null && osc.length != 2)
                throw new XtalException("import: geometry.scan.oscillation needs start,width");
            double[] bc = v.doubles("geometry.detector.fast_slow_beam_centre");
            if (bc != null && bc.length != 2 && bc.length != 3)
                throw new XtalException("import: geometry.detector.fast_slow_beam_centre needs fast,slow[,panel]");
            double[] axis = v.doubles("geometry.goniometer.axis");
            if (axis != null && (axis.length == 0 || axis.length % 3 != 0))
                throw new XtalException("import: geometry.goniometer.axis needs x,y,z (or 3 numbers per axis)");
            Double distance = v.doubleOrNull("geometry.detector.distance");
            if (distance != null && !(distance > 0))
                throw new XtalException("import: geometry.detector.distance=" + distance + " must be > 0 mm");
            Double wavelength = v.doubleOrNull("geometry.beam.wavelength");
            if (wavelength != null && !(wavelength > 0))
                throw new XtalException("import: geometry.beam.wavelength=" + wavelength + " must be > 0 Å");
            return new Params(v.str("output.experiments"), range, osc, distance, bc, wavelength, axis);
        }
    }

    public static ExperimentList run(Params params, List<String> files) { return run(params, files, Progress.NONE); }

    public static ExperimentList run(Params params, List<String> files, Progress progress) {
        List<Sweeps.Item> items = Sweeps.recognise(Sweeps.expand(files), params.imageRange());
        List<Sweeps.Group> groups = Sweeps.group(items);
        List<Experiment> out = new ArrayList<>();
        Beam beam = null;
        Detector detector = null;
        Goniometer gonio = null;
        int stills = 0, sweeps = 0, images = 0;
        for (Sweeps.Group g : groups) {
            FormatMetadata m = g.first();
            // equal models are shared between sweeps, as dials.import writes them once
            Beam b = overrideBeam(m.beam(), params);
            beam = beam != null && Sweeps.sameBeam(beam, b) && beam.equals(b) ? beam : b;
            Detector d = overrideDetector(m.detector(), beam, params);
            detector = detector != null && Sweeps.sameDetector(detector, d) ? detector : d;
            Goniometer gn = overrideGoniometer(m.goniometer(), params);
            gonio = gonio != null && gn != null && Sweeps.sameGoniometer(gonio, gn) && gonio.equals(gn) ? gonio : gn;
            Scan scan = g.scan();
            ImageSetRef set;
            if (g.container()) {
                if (scan != null && params.imageRange() != null) {
                    int a = Math.max(scan.firstImage(), params.imageRange()[0]), z = Math.min(scan.lastImage(), params.imageRange()[1]);
                    scan = scan.subRange(a, z);
                }
                List<Integer> frames = new ArrayList<>();
                if (scan != null && m.frames() > 1) for (int i = scan.firstImage(); i <= scan.lastImage(); i++) frames.add(i - 1);
                set = withParams(new ImageSetRef("ImageSequence", g.items().get(0).file().toString(), List.of(), frames,
                        null, null, null, null, null, null));
            } else {
                String template = g.items().get(0).file().resolveSibling(g.items().get(0).template().template()).toString();
                set = withParams(ImageSetRef.sequence(template));
            }
            scan = overrideScan(scan, params);
            int n = scan == null ? g.items().size() : scan.numImages();
            images += n;
            progress.log("  " + g.format().name() + ": " + set.template() + (scan == null ? ""
                    : " images " + scan.firstImage() + "-" + scan.lastImage()) + (g.still() ? " (stills)" : ""));
            if (g.still() && scan != null) {
                stills++;
                for (int i = scan.firstImage(); i <= scan.lastImage(); i++)
                    out.add(new Experiment(newId(), beam, detector, gonio, scan.subRange(i, i), null, set, null, null));
            } else {
                sweeps++;
                out.add(new Experiment(newId(), beam, detector, gonio, scan, null, set, null, null));
            }
        }
        String rule = "-".repeat(80);
        progress.log(rule);
        progress.log("  format: " + groups.get(0).format().name());
        progress.log("  num images: " + images);
        progress.log("  sequences:");
        progress.log("    still:    " + stills);
        progress.log("    sweep:    " + sweeps);
        progress.log("  num stills: 0");
        progress.log(rule);
        return new ExperimentList(out);
    }

    private static String newId() { return UUID.randomUUID().toString(); }

    private static ImageSetRef withParams(ImageSetRef r) {
        return new ImageSetRef(r.kind(), r.template(), r.paths(), r.single(), r.mask(), r.gain(), r.pedestal(), r.dx(), r.dy(),
                "{\"dynamic_shadowing\":\"Auto\",\"multi_panel\":false}");
    }

    private static Beam overrideBeam(Beam b, Params p) {
        return p.wavelength() == null ? b : b.withWavelength(p.wavelength());
    }

    private static Scan overrideScan(Scan s, Params p) {
        if (s == null || p.oscillation() == null) return s;
        return new Scan(s.firstImage(), s.lastImage(), s.batchOffset(), p.oscillation()[0], p.oscillation()[1],
                s.exposureTimes(), s.epochs());
    }

    private static Goniometer overrideGoniometer(Goniometer g, Params p) {
        double[] a = p.goniometerAxis();
        if (g == null || a == null) return g;
        if (!g.isMultiAxis()) {
            if (a.length != 3) throw new XtalException("import: geometry.goniometer.axis needs x,y,z for a single-axis goniometer");
            return new Goniometer(new Vec3(a[0], a[1], a[2]), g.fixedRotation(), g.settingRotation(), List.of(), new double[0], List.of(), 0);
        }
        List<Vec3> axes = new ArrayList<>(g.axes());
        if (a.length == 3) axes.set(g.scanAxis(), new Vec3(a[0], a[1], a[2]));
        else if (a.length == 3 * axes.size()) for (int i = 0; i < axes.size(); i++) axes.set(i, new Vec3(a[3 * i], a[3 * i + 1], a[3 * i + 2]));
        else throw new XtalException("import: geometry.goniometer.axis needs 3 or " + 3 * axes.size() + " numbers for this goniometer");
        return Goniometer.multiAxis(axes, g.angles(), g.names(), g.scanAxis());
    }

    /** dxtbx's set_detector_distance and set_fast_slow_beam_centre_mm (no two-theta offset). */
    private static Detector overrideDetector(Detector d, Beam beam, Params p) {
        if (p.distance() != null) {
            if (d.size() != 1) throw new XtalException("import: geometry.detector.distance needs a single-panel detector");
            Panel q = d.panel(0);
            Vec3 n = q.normal();
            Vec3 lateral = q.origin().minus(n.times(q.origin().dot(n)));
            d = d.withPanels(List.of(q.withFrame(q.fastAxis(), q.slowAxis(), n.times(p.distance()).plus(lateral))));
        }
        double[] bc = p.fastSlowBeamCentre();
        if (bc != null) {
            int id = bc.length > 2 ? (int) bc[2] : 0;
            if (bc.length > 2 && bc[2] != id) throw new XtalException("import: fast_slow_beam_centre panel index " + bc[2] + " is not an integer");
            if (id < 0 || id >= d.size()) throw new XtalException("import: the detector has no panel " + id);
            Panel q = d.panel(id);
            Vec3 us0 = beam.unitS0(), n = q.normal();
            double directed = q.origin().dot(n);
            if (Math.abs(us0.dot(n)) < Math.cos(Math.toRadians(89.9)))
                throw new XtalException("import: the beam lies in the plane of panel " + id);
            Vec3 centre = us0.times(directed / us0.dot(n));
            Vec3 shift = centre.minus(q.labCoord(bc[0] * d.panel(0).pixelSizeFast(), bc[1] * d.panel(0).pixelSizeSlow()));
            List<Panel> moved = new ArrayList<>();
            for (Panel x : d.panels()) moved.add(x.withFrame(x.fastAxis(), x.slowAxis(), x.origin().plus(shift)));
            DetectorGroup h = d.hierarchy();
            DetectorGroup root = new DetectorGroup(h.name(), h.type(), h.fastAxis(), h.slowAxis(), h.origin().plus(shift), -1, h.children());
            d = new Detector(moved, root);
        }
        return d;
    }
}
