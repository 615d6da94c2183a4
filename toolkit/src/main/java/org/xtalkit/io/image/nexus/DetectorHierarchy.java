package org.xtalkit.io.image.nexus;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Detector;
import org.xtalkit.model.DetectorGroup;
import org.xtalkit.model.Panel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The detector hierarchy dxtbx 3.12 builds for an NXdetector with several modules: one group per
 * transformation of a module's chain, outermost first, shared by modules that share it, each
 * group's frame being its own transformation (origin t, fast R·(-1,0,0), slow R·(0,1,0), in
 * imgCIF); the panel's local frame is its pixel directions with origin 0.
 */
final class DetectorHierarchy {
    private DetectorHierarchy() {}

    /** A group being built: name, local frame and children (groups or a panel). */
    private static final class Node {
        final String name;
        final Vec3 fast, slow, origin;
        final int panel;
        final List<Node> children = new ArrayList<>();

        Node(String name, Vec3 fast, Vec3 slow, Vec3 origin, int panel) {
            this.name = name;
            this.fast = fast;
            this.slow = slow;
            this.origin = origin;
            this.panel = panel;
        }

        Node child(String childName) {
            for (Node c : children) if (c.panel < 0 && c.name.equals(childName)) return c;
            return null;
        }

        DetectorGroup build() {
            if (panel >= 0) return DetectorGroup.leaf(panel);
            List<DetectorGroup> kids = new ArrayList<>();
            for (Node c : children) kids.add(c.build());
            return new DetectorGroup(name, "", fast, slow, origin, -1, kids);
        }
    }

    /** The detector of modules whose panels (absolute frames, from {@link NxmxModels}) are given. */
    static Detector of(List<Group> modules, List<Panel> absolute) {
        Node root = new Node("", new Vec3(1, 0, 0), new Vec3(0, 1, 0), Vec3.ZERO, -1);
        List<Panel> local = new ArrayList<>();
        for (int i = 0; i < modules.size(); i++) {
            NxTransformation fast = NxTransformation.read((Dataset) NxTree.target(modules.get(i).getChild("fast_pixel_direction")));
            NxTransformation slow = NxTransformation.read((Dataset) NxTree.target(modules.get(i).getChild("slow_pixel_direction")));
            Node at = root;
            if (fast.dependsOn() != null) {
                List<NxTransformation> chain = new ArrayList<>(fast.dependsOn().chain());
                Collections.reverse(chain);
                for (NxTransformation t : chain) {
                    Node next = at.child(t.path());
                    if (next == null) {
                        NxTransformation.Affine a = t.matrix(0);
                        next = new Node(t.path(), NxmxModels.toImgCif(a.r().times(new Vec3(-1, 0, 0))),
                                NxmxModels.toImgCif(a.r().times(new Vec3(0, 1, 0))), NxmxModels.toImgCif(a.t()), -1);
                        at.children.add(next);
                    }
                    at = next;
                }
            }
            at.children.add(new Node("", null, null, null, i));
            local.add(absolute.get(i).withFrame(NxmxModels.toImgCif(fast.vector()), NxmxModels.toImgCif(slow.vector()), Vec3.ZERO));
        }
        return Detector.fromLocalFrames(local, root.build());
    }
}
