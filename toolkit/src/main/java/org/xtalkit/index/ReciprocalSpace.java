package org.xtalkit.index;

import org.xtalkit.XtalException;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Panel;
import org.xtalkit.table.ReflectionTable;

/**
 * Spots to reciprocal space, as DIALS' centroid_px_to_mm + map_to_reciprocal_space: pixel
 * centroids to millimetres and φ (radians), then s1 (length 1/λ) and the reciprocal-lattice point
 * at φ = 0, rlp = F⁻¹ R(φ)⁻¹ S⁻¹ (s1 − s0). Adds the columns {@code xyzobs.mm.value},
 * {@code xyzobs.mm.variance}, {@code s1} and {@code rlp}.
 */
public final class ReciprocalSpace {
    private ReciprocalSpace() {}

    public static void map(ExperimentList experiments, ReflectionTable refl) {
        int n = refl.size();
        double[] px = refl.vec3("xyzobs.px.value");
        double[] pxVar = refl.has("xyzobs.px.variance") ? refl.vec3("xyzobs.px.variance") : null;
        int[] panel = refl.has("panel") ? refl.intsOf("panel") : new int[n];
        int[] id = refl.has("id") ? refl.ints("id") : new int[n];
        double[] mm = refl.newVec3("xyzobs.mm.value");
        double[] mmVar = refl.newVec3("xyzobs.mm.variance");
        double[] s1 = refl.newVec3("s1");
        double[] rlp = refl.newVec3("rlp");
        for (int i = 0; i < n; i++) {
            if (id[i] < 0 || id[i] >= experiments.size())
                throw new XtalException("reflection " + i + " has experiment id " + id[i] + " but there are "
                        + experiments.size() + " experiments");
            Experiment e = experiments.get(id[i]);
            Panel p = e.detector().panel(panel[i]);
            double[] xy = p.pixelToMm(px[3 * i], px[3 * i + 1]);
            double phi = e.scan() == null ? 0 : Math.toRadians(e.scan().angleFromFrame(px[3 * i + 2]));
            mm[3 * i] = xy[0];
            mm[3 * i + 1] = xy[1];
            mm[3 * i + 2] = phi;
            if (pxVar != null) {
                mmVar[3 * i] = pxVar[3 * i] * p.pixelSizeFast() * p.pixelSizeFast();
                mmVar[3 * i + 1] = pxVar[3 * i + 1] * p.pixelSizeSlow() * p.pixelSizeSlow();
                double w = e.scan() == null ? 0 : Math.toRadians(e.scan().oscillationWidth());
                mmVar[3 * i + 2] = pxVar[3 * i + 2] * w * w;
            }
            Vec3 s = p.labCoord(xy[0], xy[1]).normalize().times(1 / e.beam().wavelength());
            s1[3 * i] = s.x(); s1[3 * i + 1] = s.y(); s1[3 * i + 2] = s.z();
            Vec3 r = rlpAtZero(e, s, phi);
            rlp[3 * i] = r.x(); rlp[3 * i + 1] = r.y(); rlp[3 * i + 2] = r.z();
        }
    }

    /** The reciprocal-lattice point at φ = 0 of a diffracted ray s1 observed at φ. */
    public static Vec3 rlpAtZero(Experiment e, Vec3 s1, double phi) {
        Vec3 q = s1.minus(e.beam().s0());
        if (e.goniometer() == null) return q;
        Mat3 r = e.goniometer().rotationAt(phi);
        return r.transpose().times(q);
    }
}
