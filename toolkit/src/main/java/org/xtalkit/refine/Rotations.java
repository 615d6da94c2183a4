package org.xtalkit.refine;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;

/** Rotation matrices and their derivatives with respect to the angle, for parameterisations. */
final class Rotations {
    private Rotations() {}

    /** d R(axis, angle) / d angle, angle in radians (axis normalised). */
    static Mat3 dRotation(Vec3 axis, double angle) {
        Vec3 u = axis.normalize();
        double c = Math.cos(angle), s = Math.sin(angle);
        double x = u.x(), y = u.y(), z = u.z();
        // derivative of Rodrigues: -s(I - uu^T) + c[u]x
        return new Mat3(
                -s * (1 - x * x), s * x * y - c * z, s * x * z + c * y,
                s * x * y + c * z, -s * (1 - y * y), s * y * z - c * x,
                s * x * z - c * y, s * y * z + c * x, -s * (1 - z * z));
    }
}
