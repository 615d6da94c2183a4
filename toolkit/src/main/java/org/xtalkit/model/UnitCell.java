package org.xtalkit.model;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;

/** Unit cell parameters: lengths in Å, angles in degrees. */
public record UnitCell(double a, double b, double c, double alpha, double beta, double gamma) {

    public static UnitCell of(double[] p) {
        if (p.length != 6) throw new IllegalArgumentException("a unit cell has 6 parameters, got " + p.length);
        return new UnitCell(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    /** The cell of three real-space basis vectors. */
    public static UnitCell fromVectors(Vec3 va, Vec3 vb, Vec3 vc) {
        return new UnitCell(va.length(), vb.length(), vc.length(),
                Math.toDegrees(vb.angle(vc)), Math.toDegrees(va.angle(vc)), Math.toDegrees(va.angle(vb)));
    }

    public double[] toArray() { return new double[] {a, b, c, alpha, beta, gamma}; }

    public double volume() {
        double ca = cos(alpha), cb = cos(beta), cg = cos(gamma);
        return a * b * c * Math.sqrt(1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg);
    }

    /** Real-space metric tensor G (a·a, a·b, ...). */
    public Mat3 metricTensor() {
        double ab = a * b * cos(gamma), ac = a * c * cos(beta), bc = b * c * cos(alpha);
        return new Mat3(a * a, ab, ac, ab, b * b, bc, ac, bc, c * c);
    }

    /** The reciprocal cell (a*, b*, c* in Å^-1, angles in degrees). */
    public UnitCell reciprocal() {
        Mat3 gStar = metricTensor().inverse();
        double as = Math.sqrt(gStar.get(0, 0)), bs = Math.sqrt(gStar.get(1, 1)), cs = Math.sqrt(gStar.get(2, 2));
        return new UnitCell(as, bs, cs,
                Math.toDegrees(Math.acos(gStar.get(1, 2) / (bs * cs))),
                Math.toDegrees(Math.acos(gStar.get(0, 2) / (as * cs))),
                Math.toDegrees(Math.acos(gStar.get(0, 1) / (as * bs))));
    }

    /**
     * The B matrix in the cctbx/dxtbx convention (fractionalisation matrix transposed):
     * upper triangular columns-as-reciprocal-axes so that for U = I, A = B and s = B·h.
     */
    public Mat3 bMatrix() {
        // B = (orthogonalisation matrix)^-T with cctbx's orthogonalisation convention (a along x, b in xy)
        return orthogonalizationMatrix().inverse().transpose();
    }

    /** cctbx orthogonalisation matrix: real-space axes as columns, a along x, b in the x-y plane. */
    public Mat3 orthogonalizationMatrix() {
        double ca = cos(alpha), cb = cos(beta), cg = cos(gamma), sg = Math.sin(Math.toRadians(gamma));
        double v = volume();
        return new Mat3(
                a, b * cg, c * cb,
                0, b * sg, c * (ca - cb * cg) / sg,
                0, 0, v / (a * b * sg));
    }

    /** Resolution d (Å) of a reflection. */
    public double dSpacing(int h, int k, int l) {
        Mat3 gStar = metricTensor().inverse();
        double s2 = h * h * gStar.get(0, 0) + k * k * gStar.get(1, 1) + l * l * gStar.get(2, 2)
                + 2 * (h * k * gStar.get(0, 1) + h * l * gStar.get(0, 2) + k * l * gStar.get(1, 2));
        return 1 / Math.sqrt(s2);
    }

    private static double cos(double deg) { return Math.cos(Math.toRadians(deg)); }
}
