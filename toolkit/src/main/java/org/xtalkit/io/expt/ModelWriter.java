package org.xtalkit.io.expt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** xtalkit models -> the dictionaries dxtbx writes (to_dict), key for key. */
final class ModelWriter {
    private final ObjectMapper json;

    ModelWriter(ObjectMapper json) { this.json = json; }

    ObjectNode beam(Beam b) {
        ObjectNode n = json.createObjectNode();
        n.set("direction", vec(b.direction()));
        n.put("wavelength", b.wavelength());
        n.put("divergence", b.divergence());
        n.put("sigma_divergence", b.sigmaDivergence());
        n.set("polarization_normal", vec(b.polarizationNormal()));
        n.put("polarization_fraction", b.polarizationFraction());
        n.put("flux", b.flux());
        n.put("transmission", b.transmission());
        return n;
    }

    ObjectNode detector(Detector d) {
        ObjectNode n = json.createObjectNode();
        ArrayNode panels = n.putArray("panels");
        for (Panel p : d.localPanels()) panels.add(panel(p));   // frames relative to their groups
        n.set("hierarchy", group(d.hierarchy()));
        return n;
    }

    ObjectNode panel(Panel p) {
        ObjectNode n = json.createObjectNode();
        n.put("name", p.name());
        n.put("type", p.type());
        n.set("fast_axis", vec(p.fastAxis()));
        n.set("slow_axis", vec(p.slowAxis()));
        n.set("origin", vec(p.origin()));
        n.set("raw_image_offset", ints(p.rawImageOffset()));
        n.set("image_size", ints(p.imageSizeFast(), p.imageSizeSlow()));
        n.set("pixel_size", doubles(p.pixelSizeFast(), p.pixelSizeSlow()));
        n.set("trusted_range", doubles(p.trustedMin(), p.trustedMax()));
        n.put("thickness", p.thickness());
        n.put("material", p.material());
        n.put("mu", p.mu());
        n.put("identifier", p.identifier());
        ArrayNode mask = n.putArray("mask");
        for (int[] m : p.mask()) mask.add(ints(m));
        n.put("gain", p.gain());
        n.put("pedestal", p.pedestal());
        n.putObject("px_mm_strategy").put("type", p.parallax() ? "ParallaxCorrectedPxMmStrategy" : "SimplePxMmStrategy");
        if (p.projection2d() != null) {
            int[] pr = p.projection2d();
            ArrayNode a = n.putArray("projection_2d");
            a.add(ints(pr[0], pr[1], pr[2], pr[3]));
            a.add(ints(pr[4], pr[5]));
        }
        return n;
    }

    /** A hierarchy node: a group carries the empty panel fields dxtbx writes for groups. */
    private ObjectNode group(DetectorGroup g) {
        ObjectNode n = json.createObjectNode();
        if (g.isPanel()) return n.put("panel", g.panelIndex());
        n.put("name", g.name());
        n.put("type", g.type());
        n.set("fast_axis", vec(g.fastAxis()));
        n.set("slow_axis", vec(g.slowAxis()));
        n.set("origin", vec(g.origin()));
        n.set("raw_image_offset", ints(0, 0));
        n.set("image_size", ints(0, 0));
        n.set("pixel_size", doubles(0, 0));
        n.set("trusted_range", doubles(0, 0));
        n.put("thickness", 0.0);
        n.put("material", "");
        n.put("mu", 0.0);
        n.put("identifier", "");
        n.putArray("mask");
        n.put("gain", 1.0);
        n.put("pedestal", 0.0);
        n.putObject("px_mm_strategy").put("type", "SimplePxMmStrategy");
        ArrayNode kids = n.putArray("children");
        for (DetectorGroup c : g.children()) kids.add(group(c));
        return n;
    }

    ObjectNode goniometer(Goniometer g) {
        ObjectNode n = json.createObjectNode();
        if (g.isMultiAxis()) {
            ArrayNode axes = n.putArray("axes");
            for (Vec3 a : g.axes()) axes.add(vec(a));
            n.set("angles", doubles(g.angles()));
            ArrayNode names = n.putArray("names");
            for (String s : g.names()) names.add(s);
            n.put("scan_axis", g.scanAxis());
            return n;
        }
        n.set("rotation_axis", vec(g.rotationAxis()));
        n.set("fixed_rotation", doubles(g.fixedRotation().toArray()));
        n.set("setting_rotation", doubles(g.settingRotation().toArray()));
        return n;
    }

    ObjectNode scan(Scan s) {
        ObjectNode n = json.createObjectNode();
        n.set("image_range", ints(s.firstImage(), s.lastImage()));
        n.put("batch_offset", s.batchOffset());
        n.set("oscillation", doubles(s.oscillationStart(), s.oscillationWidth()));
        n.set("exposure_time", doubles(s.exposureTimes()));
        n.set("epochs", doubles(s.epochs()));
        n.putObject("valid_image_ranges");
        return n;
    }

    ObjectNode crystal(Crystal c) {
        ObjectNode n = json.createObjectNode();
        n.put("__id__", "crystal");
        n.set("real_space_a", vec(c.realA()));
        n.set("real_space_b", vec(c.realB()));
        n.set("real_space_c", vec(c.realC()));
        n.put("space_group_hall_symbol", c.spaceGroupHall());
        if (!Double.isNaN(c.mosaicity())) n.put("mosaicity", c.mosaicity());
        if (c.isScanVarying()) {
            ArrayNode a = n.putArray("A_at_scan_points");
            for (Mat3 m : c.aAtScanPoints()) a.add(doubles(m.toArray()));
        }
        if (c.bCovariance() != null) n.set("B_covariance", doubles(c.bCovariance()));
        return n;
    }

    ObjectNode imageSet(ImageSetRef r) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectNode n = json.createObjectNode();
        n.put("__id__", r.kind());
        if (r.template() != null) n.put("template", r.template());
        if (!r.paths().isEmpty() || r.template() == null) {
            ArrayNode images = n.putArray("images");
            for (String p : r.paths()) images.add(p);
        }
        if (!r.single().isEmpty()) {
            ArrayNode s = n.putArray("single_file_indices");
            for (int i : r.single()) s.add(i);
        }
        n.put("mask", r.mask());
        n.put("gain", r.gain());
        n.put("pedestal", r.pedestal());
        n.put("dx", r.dx());
        n.put("dy", r.dy());
        JsonNode params = r.paramsJson() == null ? null : json.readTree(r.paramsJson());
        if (params != null) n.set("params", params);
        return n;
    }

    private ArrayNode vec(Vec3 v) { return doubles(v.x(), v.y(), v.z()); }

    private ArrayNode doubles(double... d) {
        ArrayNode a = json.createArrayNode();
        for (double x : d) a.add(x);
        return a;
    }

    private ArrayNode ints(int... d) {
        ArrayNode a = json.createArrayNode();
        for (int x : d) a.add(x);
        return a;
    }
}
