package org.xtalkit.model;

import org.xtalkit.math.Vec3;

import java.util.ArrayList;
import java.util.List;

/**
 * A detector: panels plus the hierarchy dxtbx groups them in. The hierarchy is kept as read
 * (it is written back to .expt unchanged) and flattened into each panel's absolute frame.
 */
public record Detector(List<Panel> panels, DetectorGroup hierarchy) {
    public Detector {
        panels = List.copyOf(panels);
        if (panels.isEmpty()) throw new IllegalArgumentException("a detector needs at least one panel");
        if (hierarchy == null) hierarchy = DetectorGroup.flat(panels.size());
    }

    public Detector(List<Panel> panels) { this(panels, null); }

    public Panel panel(int i) { return panels.get(i); }
    public int size() { return panels.size(); }

    /** Index of the panel a ray from the sample hits first, or -1. */
    public int panelHitBy(Vec3 s1) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            double[] px = p.rayToPixel(s1);
            if (px == null || !p.contains(px[0], px[1])) continue;
            double d = p.pixelToLab(px[0], px[1]).length();
            if (d < bestDistance) { bestDistance = d; best = i; }
        }
        return best;
    }

    public Detector withPanels(List<Panel> newPanels) { return new Detector(newPanels, hierarchy); }

    /**
     * A detector from panels whose frames are given relative to their parent groups (as .expt files
     * and dxtbx's hierarchy store them): each panel is carried out through its groups to the lab.
     */
    public static Detector fromLocalFrames(List<Panel> localPanels, DetectorGroup root) {
        List<Panel> panels = new ArrayList<>(localPanels);
        if (root != null) place(root, null, panels, true);
        return new Detector(panels, root);
    }

    /** The panels with frames relative to their parent groups (inverse of {@link #fromLocalFrames}). */
    public List<Panel> localPanels() {
        List<Panel> out = new ArrayList<>(panels);
        place(hierarchy, null, out, false);
        return out;
    }

    private static void place(DetectorGroup node, DetectorGroup parentInLab, List<Panel> panels, boolean outward) {
        if (node.isPanel()) {
            if (parentInLab == null || node.panelIndex() >= panels.size()) return;
            Panel p = panels.get(node.panelIndex());
            panels.set(node.panelIndex(), outward
                    ? p.withFrame(parentInLab.placeDirection(p.fastAxis()), parentInLab.placeDirection(p.slowAxis()),
                                  parentInLab.placePoint(p.origin()))
                    : p.withFrame(parentInLab.localDirection(p.fastAxis()), parentInLab.localDirection(p.slowAxis()),
                                  parentInLab.localPoint(p.origin())));
            return;
        }
        DetectorGroup inLab = node.inFrameOf(parentInLab);
        for (DetectorGroup c : node.children()) place(c, inLab, panels, outward);
    }

    /** The highest resolution (smallest d, Å) recorded anywhere on the panels: at their corners. */
    public double maxResolutionAtCorners(Beam beam) { return ResolutionLimits.atCorners(this, beam); }

    /** The highest resolution (Å) of a full circle around the beam that lies on the detector. */
    public double maxInscribedResolution(Beam beam) { return ResolutionLimits.inscribed(this, beam); }
}
