package org.xtalkit.io.expt;

import com.fasterxml.jackson.databind.JsonNode;
import org.xtalkit.XtalException;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Detector;
import org.xtalkit.model.DetectorGroup;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.ImageSetRef;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * dxtbx model dictionaries (the entries of the "beam", "detector", ... lists of a .expt file) ->
 * xtalkit models. Missing optional keys take dxtbx's defaults, so old files read too.
 */
final class ModelReader {
    private final Path file;

    ModelReader(Path file) { this.file = file; }

    Beam beam(JsonNode n) {
        return new Beam(vec(n, "direction"), num(n, "wavelength"), opt(n, "divergence", 0),
                opt(n, "sigma_divergence", 0), n.has("polarization_normal") ? vec(n, "polarization_normal") : new Vec3(0, 1, 0),
                opt(n, "polarization_fraction", 0.999), opt(n, "flux", 0), opt(n, "transmission", 1));
    }

    Detector detector(JsonNode n) {
        List<Panel> panels = new ArrayList<>();
        for (JsonNode p : need(n, "panels")) panels.add(panel(p));
        // panel frames in the file are relative to their groups (dxtbx's hierarchy)
        DetectorGroup root = n.hasNonNull("hierarchy") ? group(n.get("hierarchy")) : null;
        return Detector.fromLocalFrames(panels, root);
    }

    private DetectorGroup group(JsonNode n) {
        if (n.has("panel")) return DetectorGroup.leaf(n.get("panel").asInt());
        List<DetectorGroup> kids = new ArrayList<>();
        for (JsonNode c : n.path("children")) kids.add(group(c));
        return new DetectorGroup(n.path("name").asText(""), n.path("type").asText(""),
                n.has("fast_axis") ? vec(n, "fast_axis") : new Vec3(1, 0, 0),
                n.has("slow_axis") ? vec(n, "slow_axis") : new Vec3(0, 1, 0),
                n.has("origin") ? vec(n, "origin") : Vec3.ZERO, -1, kids);
    }

    Panel panel(JsonNode n) {
        int[] size = ints(need(n, "image_size"));
        double[] pixel = doubles(need(n, "pixel_size"));
        double[] trusted = n.has("trusted_range") ? doubles(n.get("trusted_range")) : new double[] {0, 0};
        List<int[]> mask = new ArrayList<>();
        for (JsonNode m : n.path("mask")) mask.add(ints(m));
        String strategy = n.path("px_mm_strategy").path("type").asText("SimplePxMmStrategy");
        int[] projection = null;
        if (n.hasNonNull("projection_2d")) {
            JsonNode pr = n.get("projection_2d");
            int[] r = ints(pr.get(0)), t = ints(pr.get(1));
            projection = new int[] {r[0], r[1], r[2], r[3], t[0], t[1]};
        }
        return new Panel(n.path("name").asText(""), n.path("type").asText(""), vec(n, "fast_axis"), vec(n, "slow_axis"),
                vec(n, "origin"), n.has("raw_image_offset") ? ints(n.get("raw_image_offset")) : new int[] {0, 0},
                size[0], size[1], pixel[0], pixel[1], trusted[0], trusted[1], opt(n, "thickness", 0),
                n.path("material").asText(""), opt(n, "mu", 0), n.path("identifier").asText(""), mask,
                opt(n, "gain", 1), opt(n, "pedestal", 0), strategy.equals("ParallaxCorrectedPxMmStrategy"), projection);
    }

    Goniometer goniometer(JsonNode n) {
        if (n.has("axes")) {
            List<Vec3> axes = new ArrayList<>();
            for (JsonNode a : n.get("axes")) axes.add(Vec3.of(doubles(a)));
            List<String> names = new ArrayList<>();
            for (JsonNode a : n.path("names")) names.add(a.asText());
            return Goniometer.multiAxis(axes, doubles(n.get("angles")), names, n.path("scan_axis").asInt(0));
        }
        Mat3 fixed = n.has("fixed_rotation") ? new Mat3(doubles(n.get("fixed_rotation"))) : Mat3.IDENTITY;
        Mat3 setting = n.has("setting_rotation") ? new Mat3(doubles(n.get("setting_rotation"))) : Mat3.IDENTITY;
        return new Goniometer(vec(n, "rotation_axis"), fixed, setting, List.of(), new double[0], List.of(), 0);
    }

    Scan scan(JsonNode n) {
        int[] range = ints(need(n, "image_range"));
        double[] osc = doubles(need(n, "oscillation"));
        int count = range[1] - range[0] + 1;
        double[] exposure = n.has("exposure_time") ? doubles(n.get("exposure_time")) : new double[count];
        double[] epochs = n.has("epochs") ? doubles(n.get("epochs")) : new double[count];
        return new Scan(range[0], range[1], n.path("batch_offset").asInt(0), osc[0], osc[1], exposure, epochs);
    }

    Crystal crystal(JsonNode n) {
        List<Mat3> perPoint = new ArrayList<>();
        for (JsonNode a : n.path("A_at_scan_points")) perPoint.add(new Mat3(doubles(a)));
        double[] cov = n.hasNonNull("B_covariance") ? doubles(n.get("B_covariance")) : null;
        double mosaicity = n.has("mosaicity") ? n.get("mosaicity").asDouble()
                : n.has("ML_half_mosaicity_deg") ? n.get("ML_half_mosaicity_deg").asDouble() : Double.NaN;
        return new Crystal(vec(n, "real_space_a"), vec(n, "real_space_b"), vec(n, "real_space_c"),
                n.path("space_group_hall_symbol").asText(" P 1"), mosaicity, perPoint, cov);
    }

    ImageSetRef imageSet(JsonNode n) {
        String kind = n.path("__id__").asText("ImageSequence");
        if (kind.equals("ImageSweep")) kind = "ImageSequence";   // the name before dxtbx 3
        List<String> paths = new ArrayList<>();
        for (JsonNode p : n.path("images")) paths.add(p.asText());
        List<Integer> single = new ArrayList<>();
        for (JsonNode i : n.path("single_file_indices")) single.add(i.asInt());
        String template = n.hasNonNull("template") ? n.get("template").asText() : null;
        return new ImageSetRef(kind, template, paths, single, text(n, "mask"), text(n, "gain"), text(n, "pedestal"),
                text(n, "dx"), text(n, "dy"), n.hasNonNull("params") ? n.get("params").toString() : null);
    }

    private static String text(JsonNode n, String key) { return n.hasNonNull(key) ? n.get(key).asText() : null; }

    private JsonNode need(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) throw XtalException.badFile(file, "a model has no '" + key + "'");
        return v;
    }

    private double num(JsonNode n, String key) { return need(n, key).asDouble(); }

    private static double opt(JsonNode n, String key, double fallback) {
        return n.hasNonNull(key) ? n.get(key).asDouble() : fallback;
    }

    private Vec3 vec(JsonNode n, String key) {
        double[] d = doubles(need(n, key));
        if (d.length != 3) throw XtalException.badFile(file, "'" + key + "' has " + d.length + " components, expected 3");
        return new Vec3(d[0], d[1], d[2]);
    }

    static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).asDouble();
        return d;
    }

    static int[] ints(JsonNode a) {
        int[] d = new int[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).asInt();
        return d;
    }
}
