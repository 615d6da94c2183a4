package org.xtalkit.spots;

import org.xtalkit.model.UnitCell;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Resolution ranges of hexagonal ice powder rings, as DIALS' ice_rings filter builds them: every
 * reflection of space group P6_3/mmc (194) to d_min, each widened by ±width/2 in 1/d^2.
 */
public final class IceRings {
    private IceRings() {}

    /** Ranges (d_min, d_max) in Å, ordered by resolution. */
    public static List<double[]> ranges(double[] cell, double width, double dMin) {
        UnitCell uc = UnitCell.of(cell);
        double halfWidth = width / 2;
        int hMax = (int) Math.ceil(uc.a() / dMin) + 1, lMax = (int) Math.ceil(uc.c() / dMin) + 1;
        TreeSet<Double> dStarSq = new TreeSet<>();
        for (int h = -hMax; h <= hMax; h++)
            for (int k = -hMax; k <= hMax; k++)
                for (int l = 0; l <= lMax; l++) {
                    if (h == 0 && k == 0 && l == 0) continue;
                    if (absent(h, k, l)) continue;
                    double d = uc.dSpacing(h, k, l);
                    if (d >= dMin) dStarSq.add(round(1 / (d * d)));
                }
        List<double[]> out = new ArrayList<>();
        for (double s : dStarSq.descendingSet()) {
            double lo = s - halfWidth, hi = s + halfWidth;
            out.add(new double[] {Math.sqrt(1 / hi), Math.sqrt(1 / lo)});
        }
        return out;
    }

    /** P6_3/mmc: reflections h h -2h l (and equivalents) need l even. */
    static boolean absent(int h, int k, int l) {
        if (l % 2 == 0) return false;
        return h == k || k == -2 * h || h == -2 * k;
    }

    // symmetry-equivalent reflections give the same 1/d^2 up to rounding
    private static double round(double v) { return Math.rint(v * 1e12) / 1e12; }
}
