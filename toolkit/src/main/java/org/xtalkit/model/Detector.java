package org.xtalkit.model;

import org.xtalkit.math.Vec3;

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
}
