package org.xtalkit.refine;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;

/**
 * Where a reciprocal-lattice point crosses the Ewald sphere in rotation geometry: r(φ) = S·R(e,φ)·x
 * with x = F·A·h, solving |s0 + r(φ)| = |s0|. Returns both solutions; DIALS calls the one where
 * the point moves from outside to inside the sphere "entering".
 */
public final class RotationPrediction {
    private RotationPrediction() {}

    /**
     * The two φ (radians) at which x (the point in the goniometer datum frame) meets the sphere,
     * or null when it never does (inside the blind region or beyond 2/λ).
     *
     * @param x        F·A·h
     * @param axis     rotation axis e (unit, datum frame)
     * @param s0Datum  Sᵀ·s0
     */
    public static double[] phis(Vec3 x, Vec3 axis, Vec3 s0Datum) {
        double ex = axis.dot(x);
        Vec3 perp = x.minus(axis.times(ex));
        double a = s0Datum.dot(perp);
        double b = s0Datum.dot(axis.cross(x));
        double c = -0.5 * x.dot(x) - ex * s0Datum.dot(axis);
        double rr = Math.sqrt(a * a + b * b);
        if (rr == 0 || Math.abs(c) > rr) return null;
        double base = Math.atan2(b, a), delta = Math.acos(c / rr);
        return new double[] {base - delta, base + delta};
    }

    /** The lab-frame reciprocal-lattice vector at φ. */
    public static Vec3 r(Mat3 setting, Vec3 axis, double phi, Vec3 x) {
        return setting.times(Mat3.rotation(axis, phi).times(x));
    }

    /** φ wrapped to within π of a reference angle. */
    public static double nearest(double phi, double reference) {
        double twoPi = 2 * Math.PI;
        return phi - twoPi * Math.round((phi - reference) / twoPi);
    }
}
