package org.xtalkit.io.image.nexus;

import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;

import java.util.ArrayList;
import java.util.List;

/**
 * One NXtransformations axis with the axis it depends on: a rotation (values in degrees) or a
 * translation (values in mm) along {@code vector} (McStas frame), after a fixed {@code offset}
 * (mm). As 4×4 affine maps: rotation (R(vector, value), offset), translation (I, value·vector +
 * offset); a chain t0 → t1 → … (t0 depends on t1) acts as tn ∘ … ∘ t1 ∘ t0.
 */
record NxTransformation(String path, String name, String type, Vec3 vector, Vec3 offset, double[] values,
                        NxTransformation dependsOn) {

    /** A rigid map x -> r·x + t. */
    record Affine(Mat3 r, Vec3 t) {
        static final Affine IDENTITY = new Affine(Mat3.IDENTITY, Vec3.ZERO);
        /** this ∘ o: apply o first. */
        Affine after(Affine o) { return new Affine(r.times(o.r), r.times(o.t).plus(t)); }
    }

    boolean isRotation() { return "rotation".equals(type); }
    boolean isTranslation() { return "translation".equals(type); }

    /** True when the values change over the scan. */
    boolean varies() {
        for (double v : values) if (v != values[0]) return true;
        return false;
    }

    double value(int frame) { return values.length == 0 ? 0 : values[Math.min(frame, values.length - 1)]; }

    Affine matrix(int frame) {
        if (isRotation()) return new Affine(Mat3.rotation(vector, Math.toRadians(value(frame))), offset);
        if (isTranslation()) return new Affine(Mat3.IDENTITY, vector.times(value(frame)).plus(offset));
        return new Affine(Mat3.IDENTITY, offset);
    }

    /** This axis and every axis it depends on, this one first. */
    List<NxTransformation> chain() {
        List<NxTransformation> out = new ArrayList<>();
        for (NxTransformation t = this; t != null; t = t.dependsOn) {
            if (out.size() > 64) throw new IllegalArgumentException(path + ": depends_on chain does not end (a cycle?)");
            out.add(t);
        }
        return out;
    }

    /** The cumulative map of a chain (listed from the innermost axis outwards) at a frame. */
    static Affine cumulative(List<NxTransformation> chain, int frame) {
        Affine a = Affine.IDENTITY;
        for (NxTransformation t : chain) a = t.matrix(frame).after(a);
        return a;
    }

    /** Reads an axis dataset and, recursively, what it depends on. */
    static NxTransformation read(Dataset d) {
        return read(d, 0);
    }

    private static NxTransformation read(Dataset d, int depth) {
        String where = d.getPath();
        if (depth > 64) throw new IllegalArgumentException(where + ": depends_on chain does not end (a cycle?)");
        String type = NxTree.attrString(d, "transformation_type");
        double[] vec = NxTree.attrDoubles(d, "vector");
        if (vec == null || vec.length != 3) throw new IllegalArgumentException(where + ": @vector must hold 3 numbers");
        Vec3 vector = Vec3.of(vec);
        if (vector.length() > 0) vector = vector.normalize();
        String units = NxTree.attrString(d, "units");
        double[] values = NxTree.doubles(d).clone();
        double f = "rotation".equals(type) ? NxUnits.toDegrees(units, where)
                : "translation".equals(type) ? NxUnits.toMm(units, where) : 1;
        for (int i = 0; i < values.length; i++) values[i] *= f;
        Vec3 offset = Vec3.ZERO;
        double[] off = NxTree.attrDoubles(d, "offset");
        if (off != null && off.length == 3 && (off[0] != 0 || off[1] != 0 || off[2] != 0)) {
            // DLS files give offset without offset_units: dxtbx falls back on units (a length for translations)
            String offUnits = NxTree.attrString(d, "offset_units");
            if (offUnits == null) offUnits = "translation".equals(type) ? units : "mm";
            offset = Vec3.of(off).times(NxUnits.toMm(offUnits, where + "@offset"));
        }
        Node next = NxTree.resolve(d.getParent(), NxTree.attrString(d, "depends_on"));
        NxTransformation dep = next instanceof Dataset nd ? read(nd, depth + 1) : null;
        String path = stripSlash(d.getPath());
        return new NxTransformation(path, d.getName(), type, vector, offset, values, dep);
    }

    static String stripSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
