package org.xtalkit.geometry;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Goniometer;

/**
 * Where a reciprocal-lattice point crosses the Ewald sphere during a rotation, as DIALS'
 * rotation_angles: for r(φ) = S·R(m2, φ)·F·A·h the diffraction condition |s0 + r(φ)| = |s0| is
 * {@code a cos φ + b sin φ = c}, solved in closed form. Gives both crossings (entering and leaving
 * the sphere), the diffracted beam s1 and zeta, the Lorentz term of the rotation method.
 *
 * <p>Immutable and thread-safe; {@link #rotationAngles(double, double, double, double[])} allocates
 * nothing, for loops over hundreds of thousands of Miller indices.
 */
public final class RotationPredictor {
    private final double[] a;          // F·A, row-major: r0 = F·A·h in the frame of the scan axis
    private final double[] s0;         // S⁻¹·s0 (the beam seen from the scan axis' frame)
    private final double[] m2;         // unit rotation axis in that frame
    private final Mat3 setting;        // S, to bring s1 back to the laboratory
    private final double s0Length2;

    /** Single-axis form: A = UB at φ = 0, the incident beam s0 (length 1/λ), the unit rotation axis m2. */
    public RotationPredictor(Mat3 A, Vec3 s0, Vec3 axis) {
        this(A, s0, axis, Mat3.IDENTITY, Mat3.IDENTITY);
    }

    /** A, the beam and the goniometer (fixed rotation F and setting rotation S are taken into account). */
    public RotationPredictor(Mat3 A, Beam beam, Goniometer gonio) {
        this(A, beam.s0(), gonio.rotationAxis(), gonio.fixedRotation(), gonio.settingRotation());
    }

    private RotationPredictor(Mat3 A, Vec3 s0Lab, Vec3 axis, Mat3 fixed, Mat3 settingRotation) {
        this.a = fixed.times(A).toArray();
        this.setting = settingRotation;
        this.s0 = settingRotation.transpose().times(s0Lab).toArray();
        this.m2 = axis.normalize().toArray();
        this.s0Length2 = s0Lab.dot(s0Lab);
    }

    /**
     * The two rotation angles (radians, in (-π, π]) at which h crosses the Ewald sphere, written to
     * out[0], out[1]; false (out untouched) when h never diffracts: beyond 2/λ or in the blind region
     * around the rotation axis. At out[0] the point passes from inside the sphere to outside, at
     * out[1] from outside to inside.
     */
    public boolean rotationAngles(double h, double k, double l, double[] out) {
        double rx = a[0] * h + a[1] * k + a[2] * l;
        double ry = a[3] * h + a[4] * k + a[5] * l;
        double rz = a[6] * h + a[7] * k + a[8] * l;
        return crossings(rx, ry, rz, m2, s0, s0Length2, out);
    }

    /**
     * The two crossings of a reciprocal-lattice point r (in the frame of the scan axis, i.e. F·A·h)
     * for a unit axis m2 and the beam s0 in that frame; written to out as {@link #rotationAngles}.
     * Shared with refinement, which needs it for a crystal that changes from reflection to reflection.
     */
    public static boolean crossings(double rx, double ry, double rz, double[] m2, double[] s0, double s0Length2, double[] out) {
        double r2 = rx * rx + ry * ry + rz * rz;
        if (r2 == 0 || r2 > 4 * s0Length2) return false;
        double rm = rx * m2[0] + ry * m2[1] + rz * m2[2];
        // r = r_par + r_perp; R(φ)r = r_par + cos φ r_perp + sin φ (m2 × r)
        double px = rx - rm * m2[0], py = ry - rm * m2[1], pz = rz - rm * m2[2];
        double qx = m2[1] * rz - m2[2] * ry, qy = m2[2] * rx - m2[0] * rz, qz = m2[0] * ry - m2[1] * rx;
        double ca = s0[0] * px + s0[1] * py + s0[2] * pz;
        double cb = s0[0] * qx + s0[1] * qy + s0[2] * qz;
        double cc = -0.5 * r2 - rm * (s0[0] * m2[0] + s0[1] * m2[1] + s0[2] * m2[2]);
        double amp = Math.hypot(ca, cb);
        if (amp == 0 || Math.abs(cc) > amp) return false;
        double base = Math.atan2(cb, ca), delta = Math.acos(cc / amp);
        // inside the sphere means ca cos φ + cb sin φ < cc; at base - delta that sum is rising
        out[0] = wrap(base - delta);
        out[1] = wrap(base + delta);
        return true;
    }

    /** φ moved by whole turns to within π of a reference angle. */
    public static double nearest(double phi, double reference) {
        return phi - 2 * Math.PI * Math.round((phi - reference) / (2 * Math.PI));
    }

    /** Diffracted beam vector s1 = s0 + S·R(φ)·F·A·h in the laboratory frame (length 1/λ at a crossing). */
    public Vec3 s1(double h, double k, double l, double phi) {
        Vec3 r = new Vec3(a[0] * h + a[1] * k + a[2] * l, a[3] * h + a[4] * k + a[5] * l, a[6] * h + a[7] * k + a[8] * l);
        Vec3 rotated = r.rotateAround(Vec3.of(m2), phi);
        return setting.times(Vec3.of(s0).plus(rotated));
    }

    /** The rotation axis in the laboratory frame (S·m2). */
    public Vec3 axisLab() { return setting.times(Vec3.of(m2)); }

    /**
     * DIALS' zeta = m2 · e1 with e1 = (s1 × s0) / |s1 × s0| (gaussian_rs zeta_factor): the cosine that
     * scales the reflecting range. A point's φ profile is σ_m / |zeta| wide. (The Lorentz term of the
     * rotation method, |m2 · (s1 × s0)| / (|s1| |s0|), is zeta · sin 2θ: see integrate.Corrections.lp.)
     */
    public static double zeta(Vec3 m2, Vec3 s0, Vec3 s1) {
        return m2.dot(s1.cross(s0).normalize());
    }

    private static double wrap(double phi) {
        double p = Math.IEEEremainder(phi, 2 * Math.PI);
        return p <= -Math.PI ? p + 2 * Math.PI : p;
    }
}
