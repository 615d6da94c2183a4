package org.xtalkit.integrate;

import org.xtalkit.math.Vec3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

/**
 * DIALS' gaussian_rs profile model: a reflection is a 3D Gaussian in the Kabsch frame with
 * σ_b (beam divergence, radians on the e1/e2 axes) and σ_m (reflecting range, radians along e3);
 * its shoebox reaches n_sigma of each (3 by default) and its foreground is the ellipse inside.
 *
 * @param sigmaB  σ_b, radians
 * @param sigmaM  σ_m, radians
 * @param nSigma  extent of the foreground in σ (DIALS: 3)
 */
public record ProfileModel(double sigmaB, double sigmaM, double nSigma) {

    public double deltaB() { return nSigma * sigmaB; }
    public double deltaM() { return nSigma * sigmaM; }

    /** The profile as dxtbx writes it in the .expt "profile" entry. */
    public String toJson() {
        return String.format(java.util.Locale.ROOT,
                "{\"__id__\":\"gaussian_rs\",\"n_sigma\":%s,\"sigma_b\":%s,\"sigma_m\":%s}",
                nSigma, Math.toDegrees(sigmaB), Math.toDegrees(sigmaM));
    }

    /** The profile of a .expt entry (sigma_b and sigma_m in degrees), or null when absent. */
    public static ProfileModel fromJson(String json) {
        if (json == null) return null;
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            if (!node.has("sigma_b") || !node.has("sigma_m")) return null;
            return new ProfileModel(Math.toRadians(node.get("sigma_b").asDouble()), Math.toRadians(node.get("sigma_m").asDouble()),
                    node.path("n_sigma").asDouble(3));
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * The bounding box (x0, x1, y0, y1, z0, z1; pixels and frames, half-open) of a reflection as
     * DIALS' BBoxCalculator3D: the four beam vectors at (±Δb, ±Δb) hit the panel, the φ range is
     * ±Δm/zeta; z is clamped to the scan. Null when a corner misses the panel plane.
     */
    public int[] bbox(Experiment e, Vec3 s1, double frame, int panel) {
        return bbox(e, s1, frame, panel, 1);
    }

    /**
     * As {@link #bbox(Experiment, Vec3, double, int)} with Δb enlarged by {@code sigmaBMultiplier}
     * (DIALS' profile.sigma_b_multiplier, 2 in dials.integrate): more background around the same
     * foreground ellipse.
     */
    public int[] bbox(Experiment e, Vec3 s1, double frame, int panel, double sigmaBMultiplier) {
        Scan scan = e.scan();
        Vec3 m2 = e.goniometer().rotationAxisDatum();
        double phi = Math.toRadians(scan.angleFromFrame(frame));
        KabschFrame kf = new KabschFrame(m2, e.beam().s0(), s1, phi);
        Panel p = e.detector().panel(panel);
        double d = deltaB() * sigmaBMultiplier;
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY, yMin = xMin, yMax = xMax;
        for (int sx = -1; sx <= 1; sx += 2)
            for (int sy = -1; sy <= 1; sy += 2) {
                double[] px = p.rayToPixel(kf.toBeamVector(sx * d, sy * d));
                if (px == null) return null;
                xMin = Math.min(xMin, px[0]);
                xMax = Math.max(xMax, px[0]);
                yMin = Math.min(yMin, px[1]);
                yMax = Math.max(yMax, px[1]);
            }
        double z1 = scan.frameFromAngle(Math.toDegrees(kf.toRotationAngle(-deltaM())));
        double z2 = scan.frameFromAngle(Math.toDegrees(kf.toRotationAngle(deltaM())));
        int n = scan.numImages();
        int zLo = (int) Math.floor(Math.min(z1, z2)), zHi = (int) Math.ceil(Math.max(z1, z2));
        zLo = Math.min(Math.max(zLo, 0), n - 1);
        zHi = Math.max(Math.min(zHi, n), zLo + 1);
        return new int[] {(int) Math.floor(xMin), (int) Math.ceil(xMax), (int) Math.floor(yMin), (int) Math.ceil(yMax), zLo, zHi};
    }

    /**
     * Fraction of the rocking curve inside frames [z0, z1): DIALS' partiality for a Gaussian
     * reflecting range, (erf(c3(φ1)/√2σm) - erf(c3(φ0)/√2σm)) / 2 with c3 = zeta·(φ - φ_c).
     */
    public double partiality(double zeta, double phi, double phi0, double phi1) {
        double s = Math.sqrt(2) * sigmaM;
        double a = zeta * (phi0 - phi) / s, b = zeta * (phi1 - phi) / s;
        return Math.abs(org.xtalkit.math.Erf.erf(b) - org.xtalkit.math.Erf.erf(a)) / 2;
    }
}
