package org.xtalkit.integrate;

import org.xtalkit.math.Vec3;

/**
 * The reflection coordinate system of Kabsch (2010), as DIALS' gaussian_rs CoordinateSystem:
 * e1 = s1 × s0 (normalised), e2 = s1 × e1, e3 along s1 + s0. In it a reflection's profile is the
 * same everywhere on the detector: e1, e2 measure the angular spread of the diffracted beam (beam
 * divergence, σ_b) and e3 the rotation through the sphere (mosaicity, σ_m), scaled by zeta.
 */
public final class KabschFrame {
    private final Vec3 s1, e1, e2;
    private final double s1Length, zeta, phi;

    /** @param m2 rotation axis (lab), @param s0 incident beam, @param s1 diffracted beam, @param phi φ of the reflection (rad) */
    public KabschFrame(Vec3 m2, Vec3 s0, Vec3 s1, double phi) {
        this.s1 = s1;
        this.s1Length = s1.length();
        this.e1 = s1.cross(s0).normalize();
        this.e2 = s1.cross(e1).normalize();
        this.zeta = m2.dot(e1);
        this.phi = phi;
    }

    public double zeta() { return zeta; }
    public Vec3 e1() { return e1; }
    public Vec3 e2() { return e2; }

    /** (c1, c2) of a beam vector s' (any length: it is rescaled to |s1|). */
    public double[] fromBeamVector(Vec3 sDash) {
        Vec3 d = sDash.normalize().times(s1Length).minus(s1);
        return new double[] {e1.dot(d) / s1Length, e2.dot(d) / s1Length};
    }

    /** c3 of a rotation angle φ' (rad), DIALS' fast form zeta·(φ' - φ). */
    public double fromRotationAngle(double phiDash) { return zeta * (phiDash - phi); }

    /** The beam vector at (c1, c2). */
    public Vec3 toBeamVector(double c1, double c2) {
        Vec3 p = e1.times(c1 * s1Length).plus(e2.times(c2 * s1Length));
        Vec3 n = s1.times(1 / s1Length);
        double b = s1Length * s1Length - p.dot(p);
        if (b < 0) throw new ArithmeticException("beam vector outside the sphere");
        double d = -n.dot(p) + Math.sqrt(b);
        return p.plus(n.times(d));
    }

    /** φ (rad) at c3. */
    public double toRotationAngle(double c3) { return c3 / zeta + phi; }
}
