package org.xtalkit.model;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of dxtbx's detector hierarchy: a group with its own frame and children that are
 * groups or panel indices. A leaf has {@code panelIndex >= 0} and no children.
 *
 * <p>As in .expt files, a group's frame is local: given in the frame of its parent group (the
 * root's in the lab). A child's local axes u map to the parent's frame as (fast slow normal)·u and
 * its local origin o to origin + (fast slow normal)·o, which is how dxtbx composes panel frames.
 */
public record DetectorGroup(String name, String type, Vec3 fastAxis, Vec3 slowAxis, Vec3 origin,
                            int panelIndex, List<DetectorGroup> children) {
    public DetectorGroup {
        children = List.copyOf(children);
    }

    public static DetectorGroup leaf(int panel) {
        return new DetectorGroup("", "", null, null, null, panel, List.of());
    }

    public boolean isPanel() { return panelIndex >= 0; }

    /** The root dxtbx writes for a flat detector: identity frame, every panel a direct child. */
    public static DetectorGroup flat(int nPanels) {
        List<DetectorGroup> kids = new ArrayList<>();
        for (int i = 0; i < nPanels; i++) kids.add(leaf(i));
        return new DetectorGroup("", "", new Vec3(1, 0, 0), new Vec3(0, 1, 0), Vec3.ZERO, -1, kids);
    }

    /** The matrix with columns fast, slow and their normal: local child coordinates -> this group's parent frame. */
    public Mat3 frame() {
        return Mat3.ofColumns(fastAxis, slowAxis, fastAxis.cross(slowAxis).normalize());
    }

    /** A direction given in this group's frame, expressed in the frame the group itself is given in. */
    public Vec3 placeDirection(Vec3 local) { return frame().times(local); }

    /** A point given in this group's frame, expressed in the frame the group itself is given in. */
    public Vec3 placePoint(Vec3 local) { return origin.plus(frame().times(local)); }

    /** Inverse of {@link #placeDirection}. */
    public Vec3 localDirection(Vec3 outer) { return frame().inverse().times(outer); }

    /** Inverse of {@link #placePoint}. */
    public Vec3 localPoint(Vec3 outer) { return frame().inverse().times(outer.minus(origin)); }

    /** This group with its frame carried into the frame of {@code parent} (a group already in the lab frame). */
    public DetectorGroup inFrameOf(DetectorGroup parent) {
        if (parent == null || isPanel()) return this;
        return new DetectorGroup(name, type, parent.placeDirection(fastAxis), parent.placeDirection(slowAxis),
                parent.placePoint(origin), panelIndex, children);
    }
}
