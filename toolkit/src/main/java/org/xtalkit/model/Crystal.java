package org.xtalkit.model;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;

import java.util.List;

/**
 * A crystal model, as dxtbx's Crystal: the real-space basis in the lab frame at φ = 0 and the
 * space group. A = UB is the inverse transpose of the matrix whose columns are a, b, c, so that the
 * reciprocal-lattice vector of h is A·h.
 *
 * @param realA           real-space a, Å
 * @param realB           real-space b, Å
 * @param realC           real-space c, Å
 * @param spaceGroupHall  Hall symbol of the space group (" P 1" for triclinic)
 * @param mosaicity       half mosaicity (degrees) when known, else NaN
 * @param aAtScanPoints   per scan point A matrices for scan-varying models (n_images + 1), or empty
 * @param bCovariance     81-element covariance of B (row-major), or null when not refined
 */
public record Crystal(Vec3 realA, Vec3 realB, Vec3 realC, String spaceGroupHall, double mosaicity,
                      List<Mat3> aAtScanPoints, double[] bCovariance) {

    public Crystal {
        aAtScanPoints = List.copyOf(aAtScanPoints);
        bCovariance = bCovariance == null ? null : bCovariance.clone();
    }

    public Crystal(Vec3 realA, Vec3 realB, Vec3 realC, String spaceGroupHall) {
        this(realA, realB, realC, spaceGroupHall, Double.NaN, List.of(), null);
    }

    /** Crystal with setting matrix A = UB (reciprocal basis as columns). */
    public static Crystal fromA(Mat3 a, String spaceGroupHall) {
        Mat3 real = a.inverse().transpose();
        return new Crystal(real.column(0), real.column(1), real.column(2), spaceGroupHall);
    }

    /** A = UB: columns are a*, b*, c* in the lab frame at φ = 0. */
    public Mat3 A() { return Mat3.ofColumns(realA, realB, realC).inverse().transpose(); }

    public UnitCell unitCell() { return UnitCell.fromVectors(realA, realB, realC); }

    /** B in the cctbx convention for this cell. */
    public Mat3 B() { return unitCell().bMatrix(); }

    /** The orientation U = A·B⁻¹. */
    public Mat3 U() { return A().times(B().inverse()); }

    public boolean isScanVarying() { return !aAtScanPoints.isEmpty(); }

    /** A at a scan point (0 = start of the first image); the static A when not scan-varying. */
    public Mat3 AAtScanPoint(int i) { return isScanVarying() ? aAtScanPoints.get(i) : A(); }

    public Crystal withA(Mat3 a) {
        Mat3 real = a.inverse().transpose();
        return new Crystal(real.column(0), real.column(1), real.column(2), spaceGroupHall, mosaicity, aAtScanPoints, bCovariance);
    }

    public Crystal withScanPoints(List<Mat3> perPoint) {
        return new Crystal(realA, realB, realC, spaceGroupHall, mosaicity, perPoint, bCovariance);
    }

    public Crystal withSpaceGroup(String hall) {
        return new Crystal(realA, realB, realC, hall, mosaicity, aAtScanPoints, bCovariance);
    }
}
