package org.xtalkit.model;

import org.xtalkit.math.Vec3;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of dxtbx's detector hierarchy: a group with its own frame and children that are
 * groups or panel indices. A leaf has {@code panelIndex >= 0} and no children.
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
}
