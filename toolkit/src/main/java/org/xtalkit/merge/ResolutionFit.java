package org.xtalkit.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * DIALS' resolution estimate from CC½: fit ½(1 − tanh((s − s0)/r)) to the significant, positive
 * shell CC½ against s = d*² of each shell's high-resolution limit, and take the s where the fit
 * crosses the limit (0.3 by default); when every shell stays above it, the data's own limit.
 */
public final class ResolutionFit {
    private ResolutionFit() {}

    public static double ccHalfLimit(List<ShellStatistics> shells, double limit) {
        List<double[]> pts = new ArrayList<>();
        for (ShellStatistics s : shells)
            if (s.ccHalfSignificant() && s.ccHalf() > 0) pts.add(new double[] {1 / (s.dMin() * s.dMin()), s.ccHalf()});
        if (pts.isEmpty()) return Double.NaN;
        double minY = Double.POSITIVE_INFINITY, maxX = 0;
        for (double[] p : pts) { minY = Math.min(minY, p[1]); maxX = Math.max(maxX, p[0]); }
        if (minY > limit) return 1 / Math.sqrt(maxX);
        double[] rs0 = fitTanh(pts);
        for (int j = 1; j < pts.size(); j++) {
            double x0 = pts.get(j - 1)[0], x1 = pts.get(j)[0];
            double y0 = tanh(rs0, x0), y1 = tanh(rs0, x1);
            if ((y0 - limit) * (y1 - limit) < 0) return 1 / Math.sqrt(x0 + (limit - y0) * (x1 - x0) / (y1 - y0));
        }
        return Double.NaN;
    }

    static double tanh(double[] rs0, double s) { return 0.5 * (1 - Math.tanh((s - rs0[1]) / rs0[0])); }

    /** Levenberg–Marquardt on the two parameters (r, s0), from DIALS' start r = 1, s0 = 1. */
    static double[] fitTanh(List<double[]> pts) {
        double[] p = {1, 1};
        double lambda = 1e-3, cost = cost(p, pts);
        for (int it = 0; it < 200; it++) {
            double a00 = 0, a01 = 0, a11 = 0, g0 = 0, g1 = 0;
            for (double[] q : pts) {
                double z = (q[0] - p[1]) / p[0], sech2 = 1 / (Math.cosh(z) * Math.cosh(z));
                double r = tanh(p, q[0]) - q[1];
                double dr = 0.5 * sech2 * z / p[0], ds0 = 0.5 * sech2 / p[0];
                a00 += dr * dr; a01 += dr * ds0; a11 += ds0 * ds0; g0 += dr * r; g1 += ds0 * r;
            }
            double b00 = a00 * (1 + lambda), b11 = a11 * (1 + lambda), det = b00 * b11 - a01 * a01;
            if (det == 0) break;
            double[] t = {p[0] - (b11 * g0 - a01 * g1) / det, p[1] - (b00 * g1 - a01 * g0) / det};
            if (t[0] <= 0) t[0] = p[0] / 2;
            double c = cost(t, pts);
            if (c < cost) {
                boolean done = cost - c < 1e-14 * Math.max(1, cost);
                p = t; cost = c; lambda /= 10;
                if (done) break;
            } else {
                lambda *= 10;
                if (lambda > 1e12) break;
            }
        }
        return p;
    }

    private static double cost(double[] p, List<double[]> pts) {
        double c = 0;
        for (double[] q : pts) { double r = tanh(p, q[0]) - q[1]; c += r * r; }
        return c;
    }
}
