package org.xtalkit.index;

import org.xtalkit.geometry.RotationPredictor;
import org.xtalkit.math.Mat3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;

/**
 * Where a known reflection is observed in a rotation scan: the rotation angle nearest to the
 * observed one at which A·h crosses the Ewald sphere, and the pixel its diffracted ray hits on the
 * observed panel. Flat arrays, no allocation per reflection beyond the panel's mm->px call, so the
 * refiner can call it for every finite-difference step.
 */
final class Predictor {
    private final double[] a, sf, axis, s0;
    private final double[][] dInv;
    private final Panel[] panels;
    private final double phi0, width;

    private Predictor(Experiment e) {
        a = e.crystal().A().toArray();
        Mat3 s = e.goniometer().settingRotation(), f = e.goniometer().fixedRotation();
        sf = s.times(f).toArray();
        axis = e.goniometer().rotationAxisDatum().toArray();
        s0 = e.beam().s0().toArray();
        int np = e.detector().size();
        panels = new Panel[np];
        dInv = new double[np][];
        for (int i = 0; i < np; i++) { panels[i] = e.detector().panel(i); dInv[i] = panels[i].dMatrix().inverse().toArray(); }
        phi0 = Math.toRadians(e.scan().oscillationStart());
        width = Math.toRadians(e.scan().oscillationWidth());
    }

    static Predictor of(Experiment e) { return new Predictor(e); }

    /**
     * Predicted (x px, y px, z images) of hkl on a panel nearest the observed frame z, into out
     * at offset; false when the reflection never reaches the Ewald sphere or misses the panel plane.
     */
    boolean predict(int h, int k, int l, int panel, double zObs, double[] out, int off) {
        double rx = a[0] * h + a[1] * k + a[2] * l, ry = a[3] * h + a[4] * k + a[5] * l, rz = a[6] * h + a[7] * k + a[8] * l;
        double px = sf[0] * rx + sf[1] * ry + sf[2] * rz, py = sf[3] * rx + sf[4] * ry + sf[5] * rz, pz = sf[6] * rx + sf[7] * ry + sf[8] * rz;
        double ex = axis[0], ey = axis[1], ez = axis[2];
        double pe = px * ex + py * ey + pz * ez;
        double parx = pe * ex, pary = pe * ey, parz = pe * ez;
        double perx = px - parx, pery = py - pary, perz = pz - parz;
        double cx = ey * pz - ez * py, cy = ez * px - ex * pz, cz = ex * py - ey * px;   // e × p
        // both crossings of the Ewald sphere (s0 and p in the same lab frame), the one nearest the observation
        double[] phis = new double[2];
        if (!RotationPredictor.crossings(px, py, pz, axis, s0, s0[0] * s0[0] + s0[1] * s0[1] + s0[2] * s0[2], phis)) return false;
        double phiObs = phi0 + zObs * width;
        double p0 = RotationPredictor.nearest(phis[0], phiObs), p1 = RotationPredictor.nearest(phis[1], phiObs);
        double best = Math.abs(p0 - phiObs) <= Math.abs(p1 - phiObs) ? p0 : p1;
        double c = Math.cos(best), s = Math.sin(best);
        double s1x = parx + c * perx + s * cx + s0[0], s1y = pary + c * pery + s * cy + s0[1], s1z = parz + c * perz + s * cz + s0[2];
        double[] d = dInv[panel];
        double vx = d[0] * s1x + d[1] * s1y + d[2] * s1z, vy = d[3] * s1x + d[4] * s1y + d[5] * s1z, vz = d[6] * s1x + d[7] * s1y + d[8] * s1z;
        if (vz <= 0) return false;
        double[] pix = panels[panel].mmToPixel(vx / vz, vy / vz);
        out[off] = pix[0];
        out[off + 1] = pix[1];
        out[off + 2] = (best - phi0) / width;
        return true;
    }
}
