package org.xtalkit.lattice;

import org.xtalkit.math.Mat3;

import java.util.ArrayList;
import java.util.List;

/**
 * A Le Page twofold of a lattice (Le Page 1982): a direct-lattice row u nearly parallel to a
 * reciprocal row h with |u·h| = 1 or 2. δ is the angle between them; an exact twofold has δ = 0.
 * {@code rotation} is the integer matrix 2·u·hᵀ/(u·h) − I acting on direct-lattice coordinates.
 */
public record TwoFold(int[] u, int[] h, int[] rotation, double deltaDegrees) {

    /** All twofolds with δ ≤ maxDelta of a (reduced) cell with metric g, smallest δ first. */
    public static List<TwoFold> find(Mat3 g, double maxDelta) {
        Mat3 gStar = g.inverse();
        List<TwoFold> out = new ArrayList<>();
        for (int[] u : canonicalRows(2)) {
            TwoFold best = null;
            double uLen = Math.sqrt(quad(g, u));
            for (int[] h : canonicalRows(2)) {
                int uh = u[0] * h[0] + u[1] * h[1] + u[2] * h[2];
                if (Math.abs(uh) != 1 && Math.abs(uh) != 2) continue;
                double cos = Math.abs(uh) / (uLen * Math.sqrt(quad(gStar, h)));
                double delta = Math.toDegrees(Math.acos(Math.min(1, cos)));
                if (delta > maxDelta || (best != null && delta >= best.deltaDegrees)) continue;
                int[] r = new int[9];
                boolean integral = true;
                for (int i = 0; i < 3 && integral; i++)
                    for (int j = 0; j < 3; j++) {
                        int v = 2 * u[i] * h[j];
                        if (v % uh != 0) { integral = false; break; }
                        r[3 * i + j] = v / uh - (i == j ? 1 : 0);
                    }
                if (integral) best = new TwoFold(u, h, r, delta);
            }
            if (best != null) out.add(best);
        }
        out.sort((a, b) -> Double.compare(a.deltaDegrees, b.deltaDegrees));
        return out;
    }

    /** Primitive integer rows with components in [-m, m], one of each ± pair. */
    static List<int[]> canonicalRows(int m) {
        List<int[]> out = new ArrayList<>();
        for (int i = -m; i <= m; i++)
            for (int j = -m; j <= m; j++)
                for (int k = -m; k <= m; k++) {
                    if (gcd(gcd(Math.abs(i), Math.abs(j)), Math.abs(k)) != 1) continue;
                    int first = i != 0 ? i : j != 0 ? j : k;
                    if (first > 0) out.add(new int[] {i, j, k});
                }
        return out;
    }

    private static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    static double quad(Mat3 g, int[] v) {
        double s = 0;
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) s += v[i] * g.get(i, j) * v[j];
        return s;
    }
}
