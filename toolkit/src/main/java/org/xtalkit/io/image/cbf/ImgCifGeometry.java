package org.xtalkit.io.image.cbf;

import org.xtalkit.XtalException;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Goniometer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The axis chains of a full imgCIF header (the "axis" category with depends_on links), evaluated
 * at the frame's axis settings, as CBFlib's construct_detector / construct_goniometer do.
 */
final class ImgCifGeometry {
    private record Axis(String id, String type, String equipment, String dependsOn, Vec3 vector, Vec3 offset) {}

    private final Path file;
    private final ImgCif cif;
    private final Map<String, Axis> axes = new HashMap<>();

    ImgCifGeometry(Path file, ImgCif cif) {
        this.file = file;
        this.cif = cif;
        for (Map<String, String> r : cif.rows("axis")) {
            Vec3 v = new Vec3(cif.number(r, "vector[1]", 0), cif.number(r, "vector[2]", 0), cif.number(r, "vector[3]", 0));
            Vec3 o = new Vec3(cif.number(r, "offset[1]", 0), cif.number(r, "offset[2]", 0), cif.number(r, "offset[3]", 0));
            String id = r.get("id");
            axes.put(id, new Axis(id, r.getOrDefault("type", ""), r.getOrDefault("equipment", ""),
                    r.getOrDefault("depends_on", "."), v, o));
        }
    }

    Vec3 vector(String axis) { return axis(axis).vector; }

    private Axis axis(String id) {
        Axis a = axes.get(id);
        if (a == null) throw XtalException.badFile(file, "imgCIF header has no axis '" + id + "'");
        return a;
    }

    /** The frame's setting of an axis: angle (rotation) or displacement (translation). */
    double setting(String axis) {
        Axis a = axis(axis);
        String item = a.type.equals("rotation") ? "angle" : "displacement";
        Map<String, String> frame = cif.row("diffrn_scan_frame_axis", "axis_id", axis);
        if (frame != null && frame.get(item) != null) return cif.number(frame, item, 0);
        Map<String, String> scan = cif.row("diffrn_scan_axis", "axis_id", axis);
        return cif.number(scan, item + "_start", 0);
    }

    /**
     * Carries a point given in the frame of {@code axis} out to the lab: every axis down the chain
     * translates by its offset plus displacement or rotates by its angle. {@code settings} overrides
     * the frame's setting of some axes (the pixel-index displacement of the array axes).
     */
    Vec3 toLab(String axis, Vec3 point, Map<String, Double> settings) {
        Vec3 p = point;
        for (String id = axis; id != null && !id.equals("."); id = axis(id).dependsOn) {
            Axis a = axis(id);
            double s = settings.containsKey(id) ? settings.get(id) : setting(id);
            if (a.type.equals("rotation")) p = Mat3.rotation(a.vector, Math.toRadians(s)).times(p).plus(a.offset);
            else p = p.plus(a.vector.normalize().times(s)).plus(a.offset);
        }
        return p;
    }

    /** A direction of {@code axis} in the lab: the rotations it depends on applied. */
    Vec3 directionInLab(String axis) {
        Vec3 d = axis(axis).vector.normalize();
        for (String id = axis(axis).dependsOn; id != null && !id.equals("."); id = axis(id).dependsOn) {
            Axis a = axis(id);
            if (a.type.equals("rotation")) d = Mat3.rotation(a.vector, Math.toRadians(setting(id))).times(d);
        }
        return d;
    }

    /**
     * The goniometer as dxtbx's GoniometerFactory.imgCIF_H: the goniometer axes ordered from the
     * crystal outwards, their start angles, and the one with a non-zero increment as scan axis.
     */
    Goniometer goniometer() {
        Map<String, String> dependant = new HashMap<>();
        for (Axis a : axes.values()) if (a.equipment.equals("goniometer")) dependant.put(a.dependsOn, a.id);
        List<String> ordered = new ArrayList<>();
        for (String a = dependant.get("."); a != null; a = dependant.get(a)) ordered.add(a);
        if (ordered.isEmpty()) return null;
        Collections.reverse(ordered);
        List<Vec3> vectors = new ArrayList<>();
        double[] angles = new double[ordered.size()];
        int scanAxis = 0;
        for (int i = 0; i < ordered.size(); i++) {
            String id = ordered.get(i);
            vectors.add(axis(id).vector);
            Map<String, String> row = cif.row("diffrn_scan_axis", "axis_id", id);
            if (row == null)
                throw XtalException.badFile(file, "imgCIF goniometer axis " + id + " is missing from diffrn_scan_axis");
            angles[i] = cif.number(row, "angle_start", 0);
            if (cif.number(row, "angle_increment", 0) != 0) scanAxis = i;
        }
        return Goniometer.multiAxis(vectors, angles, ordered, scanAxis);
    }

    /** (start, increment) of the goniometer axis that scans, or null for a still. */
    double[] rotationRange() {
        for (Map<String, String> r : cif.rows("diffrn_scan_axis")) {
            Axis a = axes.get(r.get("axis_id"));
            if (a == null || !a.equipment.equals("goniometer")) continue;
            double inc = cif.number(r, "angle_increment", 0);
            if (inc != 0) return new double[] {cif.number(r, "angle_start", 0), inc};
        }
        return null;
    }
}
