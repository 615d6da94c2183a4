package org.xtalkit.lattice;

import org.xtalkit.math.Mat3;
import org.xtalkit.spacegroup.ChangeOfBasis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The conventional cell of a lattice point group given as integer rotations in a reduced basis:
 * axes along the symmetry directions (b along the monoclinic twofold, c along the 3/4/6-fold),
 * centring read from which fractions of the new basis the old lattice points fall on, and the
 * choices DIALS makes (C-centred monoclinic with β ≥ 90°, obverse hR, a ≤ b ≤ c where free).
 */
final class ConventionalSetting {
    private ConventionalSetting() {}

    record Result(String bravais, ChangeOfBasis cbOp) {}

    private static final int RANGE = 3;

    static Result find(List<int[]> grp, Mat3 g, List<int[]> vectors) {
        return switch (grp.size()) {
            case 1 -> new Result("aP", ChangeOfBasis.IDENTITY);
            case 2 -> monoclinic(grp.get(1), g, vectors);
            case 4 -> orthorhombic(grp, g, vectors);
            case 8 -> tetragonal(grp, g, vectors);
            case 6 -> hexagonalAxes(grp, g, vectors, 3, "hR");
            case 12 -> hexagonalAxes(grp, g, vectors, 6, "hP");
            case 24 -> cubic(grp, g, vectors);
            default -> null;
        };
    }

    private static Result monoclinic(int[] r, Mat3 g, List<int[]> vecs) {
        int[] b = shortest(vecs, x -> eq(apply(r, x), x));
        int[] a = shortest(vecs, x -> eq(apply(r, x), neg(x)));
        int[] aa = a;
        int[] c = shortest(vecs, x -> eq(apply(r, x), neg(x)) && !parallel(x, aa));
        if (a == null || b == null || c == null) return null;
        int[][] m = {a, b, c};
        String centring = centring(m);
        if (centring.equals("A")) { m = new int[][] {c, b, a}; centring = "C"; }
        else if (centring.equals("I")) {
            int[] ap = add(a, c), am = sub(a, c);
            m = new int[][] {len(g, ap) <= len(g, am) ? ap : am, b, c};
            centring = centring(m);
        }
        if (!centring.equals("P") && !centring.equals("C")) return null;
        if (dot(g, m[0], m[2]) > 0) { m[0] = neg(m[0]); m[1] = neg(m[1]); }   // β ≥ 90°
        if (det(m) < 0) m[1] = neg(m[1]);
        return new Result("m" + centring, rows(m));
    }

    private static Result orthorhombic(List<int[]> grp, Mat3 g, List<int[]> vecs) {
        List<int[]> axes = new ArrayList<>();
        for (int[] r : grp) if (trace(r) == -1) axes.add(shortest(vecs, x -> eq(apply(r, x), x)));
        if (axes.size() != 3 || axes.contains(null)) return null;
        axes.sort(Comparator.comparingDouble(v -> len(g, v)));
        int[][] m = axes.toArray(new int[0][]);
        String centring = centring(m);
        if (centring.equals("A")) m = new int[][] {m[1], m[2], m[0]};
        else if (centring.equals("B")) m = new int[][] {m[2], m[0], m[1]};
        if (centring.equals("A") || centring.equals("B")) {
            centring = "C";
            if (len(g, m[0]) > len(g, m[1])) m = new int[][] {m[1], m[0], m[2]};
        }
        if (det(m) < 0) m[2] = neg(m[2]);
        if (!"PCIF".contains(centring)) return null;
        return new Result("o" + centring, rows(m));
    }

    private static Result tetragonal(List<int[]> grp, Mat3 g, List<int[]> vecs) {
        int[] r4 = null;
        for (int[] r : grp) if (trace(r) == 1) { r4 = r; break; }
        if (r4 == null) return null;
        int[] rr = r4;
        int[] c = shortest(vecs, x -> eq(apply(rr, x), x));
        Result best = null;
        double bestLen = Double.POSITIVE_INFINITY;
        int bestDet = Integer.MAX_VALUE;
        for (int[] r : grp) {
            if (trace(r) != -1 || eq(apply(r, c), c)) continue;
            int[] a = shortest(vecs, x -> eq(apply(r, x), x));
            int[] b = apply(r4, a);
            int[][] m = {a, b, c};
            if (det(m) < 0) m[1] = neg(b);
            String centring = centring(m);
            int d = Math.abs(det(m));
            if (!centring.equals("P") && !centring.equals("I")) continue;
            if (d < bestDet || (d == bestDet && len(g, a) < bestLen)) {
                best = new Result("t" + centring, rows(m));
                bestDet = d;
                bestLen = len(g, a);
            }
        }
        return best;
    }

    /** hP (fold 6) or hR (fold 3) in hexagonal axes: c along the n-fold, a along a twofold, b = 3-fold(a). */
    private static Result hexagonalAxes(List<int[]> grp, Mat3 g, List<int[]> vecs, int fold, String bravais) {
        int[] r3 = null;
        for (int[] r : grp) if (trace(r) == 0) { r3 = r; break; }   // a 120° rotation
        if (r3 == null) return null;
        int[] rr = r3;
        int[] c = shortest(vecs, x -> eq(apply(rr, x), x));
        int[] a = null;
        for (int[] r : grp) {
            if (trace(r) != -1 || eq(apply(r, c), c)) continue;
            int[] v = shortest(vecs, x -> eq(apply(r, x), x));
            if (v != null && (a == null || len(g, v) < len(g, a))) a = v;
        }
        if (a == null || c == null) return null;
        int[][] m = {a, apply(r3, a), c};
        if (det(m) < 0) m[1] = apply(r3, apply(r3, a));
        String centring = centring(m);
        if (bravais.equals("hR")) {
            if (centring.equals("Rrev")) { m[0] = neg(m[0]); m[1] = neg(m[1]); centring = centring(m); }
            return centring.equals("R") ? new Result("hR", rows(m)) : null;
        }
        return centring.equals("P") ? new Result("hP", rows(m)) : null;
    }

    private static Result cubic(List<int[]> grp, Mat3 g, List<int[]> vecs) {
        List<int[]> axes = new ArrayList<>();
        for (int[] r : grp) {
            if (trace(r) != 1) continue;
            int[] v = shortest(vecs, x -> eq(apply(r, x), x));
            boolean seen = false;
            for (int[] w : axes) if (parallel(v, w)) seen = true;
            if (!seen) axes.add(v);
        }
        if (axes.size() != 3) return null;
        int[][] m = axes.toArray(new int[0][]);
        if (det(m) < 0) m[2] = neg(m[2]);
        String centring = centring(m);
        return "PIF".contains(centring) ? new Result("c" + centring, rows(m)) : null;
    }

    // --- integer helpers

    /** Centring of the lattice in the basis m: P, A, B, C, I, F, R (obverse), Rrev, or "?" */
    static String centring(int[][] m) {
        Mat3 inv = LatticeMath.toMat3(flat(m)).inverse();
        List<double[]> t = new ArrayList<>();
        t.add(new double[] {0, 0, 0});
        for (int c0 = 0; c0 < 4; c0++) for (int c1 = 0; c1 < 4; c1++) for (int c2 = 0; c2 < 4; c2++) {
            double[] f = new double[3];
            for (int j = 0; j < 3; j++) {
                double v = c0 * inv.get(0, j) + c1 * inv.get(1, j) + c2 * inv.get(2, j);
                v -= Math.floor(v + 1e-6);
                f[j] = Math.abs(v) < 1e-6 ? 0 : v;
            }
            boolean seen = false;
            for (double[] x : t) if (close(x, f)) seen = true;
            if (!seen) t.add(f);
        }
        if (t.size() == 1) return "P";
        if (t.size() == 2) {
            double[] v = t.get(1);
            if (close(v, new double[] {0.5, 0.5, 0})) return "C";
            if (close(v, new double[] {0, 0.5, 0.5})) return "A";
            if (close(v, new double[] {0.5, 0, 0.5})) return "B";
            if (close(v, new double[] {0.5, 0.5, 0.5})) return "I";
        }
        if (t.size() == 3) {
            for (double[] v : t) if (close(v, new double[] {2 / 3.0, 1 / 3.0, 1 / 3.0})) return "R";
            for (double[] v : t) if (close(v, new double[] {1 / 3.0, 2 / 3.0, 1 / 3.0})) return "Rrev";
        }
        if (t.size() == 4) {
            int faces = 0;
            for (double[] v : t) if (close(v, new double[] {0.5, 0.5, 0}) || close(v, new double[] {0, 0.5, 0.5}) || close(v, new double[] {0.5, 0, 0.5})) faces++;
            if (faces == 3) return "F";
        }
        return "?";
    }

    private static boolean close(double[] a, double[] b) {
        for (int i = 0; i < 3; i++) if (Math.abs(a[i] - b[i]) > 1e-6) return false;
        return true;
    }

    /** Lattice vectors with indices up to ±3 in the reduced basis, shortest first. */
    static List<int[]> latticeVectors(Mat3 g) {
        List<int[]> out = new ArrayList<>();
        for (int i = -RANGE; i <= RANGE; i++) for (int j = -RANGE; j <= RANGE; j++) for (int k = -RANGE; k <= RANGE; k++)
            if (i != 0 || j != 0 || k != 0) out.add(new int[] {i, j, k});
        out.sort(Comparator.comparingDouble(v -> TwoFold.quad(g, v)));
        return out;
    }

    private static int[] shortest(List<int[]> sorted, java.util.function.Predicate<int[]> p) {
        for (int[] v : sorted) if (p.test(v)) return v;
        return null;
    }

    static int trace(int[] r) { return r[0] + r[4] + r[8]; }
    static int[] apply(int[] r, int[] x) {
        return new int[] {r[0] * x[0] + r[1] * x[1] + r[2] * x[2], r[3] * x[0] + r[4] * x[1] + r[5] * x[2], r[6] * x[0] + r[7] * x[1] + r[8] * x[2]};
    }
    private static boolean eq(int[] a, int[] b) { return a[0] == b[0] && a[1] == b[1] && a[2] == b[2]; }
    private static int[] neg(int[] a) { return new int[] {-a[0], -a[1], -a[2]}; }
    private static int[] add(int[] a, int[] b) { return new int[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }
    private static int[] sub(int[] a, int[] b) { return new int[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
    private static boolean parallel(int[] a, int[] b) {
        return a[1] * b[2] - a[2] * b[1] == 0 && a[2] * b[0] - a[0] * b[2] == 0 && a[0] * b[1] - a[1] * b[0] == 0;
    }
    private static double len(Mat3 g, int[] v) { return Math.sqrt(TwoFold.quad(g, v)); }
    private static double dot(Mat3 g, int[] a, int[] b) {
        double s = 0;
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) s += a[i] * g.get(i, j) * b[j];
        return s;
    }
    private static int[] flat(int[][] m) { return new int[] {m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]}; }
    private static int det(int[][] m) { return LatticeMath.det(flat(m)); }
    private static ChangeOfBasis rows(int[][] m) { return ChangeOfBasis.ofRows(flat(m)); }
}
