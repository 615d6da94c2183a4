package org.xtalkit.lattice;

import org.xtalkit.XtalException;
import org.xtalkit.math.Mat3;
import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.ChangeOfBasis;

/**
 * Niggli reduction by the Křivý & Gruber (1976) algorithm with the relative tolerance of
 * Grosse-Kunstleve, Sauter & Adams (2004). Each step is applied to the basis itself (an integer
 * matrix M whose rows are the new vectors in terms of the input ones) and the metric is recomputed
 * from M, so the bookkeeping cannot drift from the cell.
 */
public final class NiggliReduction {
    private NiggliReduction() {}

    /** The reduced cell and the change of basis from the input cell to it. */
    public record Result(UnitCell cell, ChangeOfBasis cbOp) {}

    public static Result reduce(UnitCell cell) { return reduce(cell, 1e-5); }

    public static Result reduce(UnitCell cell, double relativeEpsilon) {
        Mat3 g0 = cell.metricTensor();
        double e = relativeEpsilon * Math.pow(cell.volume(), 2.0 / 3.0);
        int[] m = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        for (int iter = 0; iter < 1000; iter++) {
            double[] p = params(g0, m);
            double A = p[0], B = p[1], C = p[2], xi = p[3], eta = p[4], zeta = p[5];
            if (A > B + e || (Math.abs(A - B) < e && Math.abs(xi) > Math.abs(eta) + e)) {        // A1
                m = apply(new int[] {0, -1, 0, -1, 0, 0, 0, 0, -1}, m);
                continue;
            }
            if (B > C + e || (Math.abs(B - C) < e && Math.abs(eta) > Math.abs(zeta) + e)) {     // A2
                m = apply(new int[] {-1, 0, 0, 0, 0, -1, 0, -1, 0}, m);
                continue;
            }
            int sx = sgn(xi, e), sy = sgn(eta, e), sz = sgn(zeta, e);
            if (sx * sy * sz > 0) {                                                              // A3
                m = apply(new int[] {sx, 0, 0, 0, sy, 0, 0, 0, sz}, m);
            } else {                                                                            // A4
                int i = 1, j = 1, k = 1, zeroSlot = -1;
                if (sx > 0) i = -1; else if (sx == 0) zeroSlot = 0;
                if (sy > 0) j = -1; else if (sy == 0) zeroSlot = 1;
                if (sz > 0) k = -1; else if (sz == 0) zeroSlot = 2;
                if (i * j * k < 0) {
                    if (zeroSlot == 0) i = -i; else if (zeroSlot == 1) j = -j; else if (zeroSlot == 2) k = -k;
                }
                if (i * j * k > 0) m = apply(new int[] {i, 0, 0, 0, j, 0, 0, 0, k}, m);
            }
            p = params(g0, m);
            A = p[0]; B = p[1]; C = p[2]; xi = p[3]; eta = p[4]; zeta = p[5];
            if (Math.abs(xi) > B + e || (Math.abs(xi - B) < e && 2 * eta < zeta - e)
                    || (Math.abs(xi + B) < e && zeta < -e)) {                                   // A5: c -= s b
                int s = xi > 0 ? 1 : -1;
                m = apply(new int[] {1, 0, 0, 0, 1, 0, 0, -s, 1}, m);
                continue;
            }
            if (Math.abs(eta) > A + e || (Math.abs(eta - A) < e && 2 * xi < zeta - e)
                    || (Math.abs(eta + A) < e && zeta < -e)) {                                  // A6: c -= s a
                int s = eta > 0 ? 1 : -1;
                m = apply(new int[] {1, 0, 0, 0, 1, 0, -s, 0, 1}, m);
                continue;
            }
            if (Math.abs(zeta) > A + e || (Math.abs(zeta - A) < e && 2 * xi < eta - e)
                    || (Math.abs(zeta + A) < e && eta < -e)) {                                  // A7: b -= s a
                int s = zeta > 0 ? 1 : -1;
                m = apply(new int[] {1, 0, 0, -s, 1, 0, 0, 0, 1}, m);
                continue;
            }
            double sum = xi + eta + zeta + A + B;
            if (sum < -e || (Math.abs(sum) < e && 2 * (A + eta) + zeta > e)) {                  // A8: c += a + b
                m = apply(new int[] {1, 0, 0, 0, 1, 0, 1, 1, 1}, m);
                continue;
            }
            ChangeOfBasis cb = ChangeOfBasis.ofRows(m);
            return new Result(LatticeMath.cellFromMetric(LatticeMath.transformMetric(g0, LatticeMath.toMat3(m))), cb);
        }
        throw new XtalException("Niggli reduction of " + cell + " did not converge in 1000 steps");
    }

    /** step applied after m: rows of step are in terms of the current basis. */
    private static int[] apply(int[] step, int[] m) { return LatticeMath.mul(step, m); }

    private static int sgn(double v, double e) { return v > e ? 1 : v < -e ? -1 : 0; }

    /** A, B, C, ξ = 2b·c, η = 2a·c, ζ = 2a·b of the basis M applied to metric g. */
    private static double[] params(Mat3 g, int[] m) {
        Mat3 t = LatticeMath.transformMetric(g, LatticeMath.toMat3(m));
        return new double[] {t.get(0, 0), t.get(1, 1), t.get(2, 2), 2 * t.get(1, 2), 2 * t.get(0, 2), 2 * t.get(0, 1)};
    }
}
