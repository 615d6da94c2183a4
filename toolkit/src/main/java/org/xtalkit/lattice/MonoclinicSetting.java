package org.xtalkit.lattice;

import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.ChangeOfBasis;

/**
 * cctbx's best cell of a centred monoclinic lattice (find_best_cell with best_monoclinic_beta, as
 * dials.refine_bravais_settings uses it): among the C 1 2 1 settings with b along the twofold, each
 * replaced by its I 1 2 1 setting (a+c,b,c) where that has 90° ≤ β' < β, the one cctbx's
 * compare_monoclinic prefers: β nearest 90° (3° tolerance), then β above 90°, then the shorter axes.
 */
public final class MonoclinicSetting {
    private MonoclinicSetting() {}

    /** cctbx's angular_tolerance of find_best_cell, degrees. */
    static final double TOLERANCE = 3;
    private static final int RANGE = 2;

    /** A setting: the lattice symbol ("mC" or "mI") and the change of basis from the input cell. */
    public record Result(String bravais, ChangeOfBasis cbOp) {}

    /**
     * @param cbInpC input cell -> a C 1 2 1 cell (b unique)
     * @param input  the input cell
     */
    public static Result best(ChangeOfBasis cbInpC, UnitCell input, boolean bestMonoclinicBeta) {
        // (called with false, the best C 1 2 1 setting alone)
        UnitCell cCell = cbInpC.apply(input);
        Result best = null;
        UnitCell bestCell = null;
        // a' = h a + l c with h odd, l even keeps (a'+b)/2 a lattice vector (C centring); c' = p a + q c; det +1
        for (int h = -RANGE; h <= RANGE; h++)
            for (int l = -RANGE; l <= RANGE; l += 2)
                for (int p = -RANGE; p <= RANGE; p++)
                    for (int q = -RANGE; q <= RANGE; q++) {
                        if ((h & 1) == 0 || h * q - l * p != 1) continue;
                        ChangeOfBasis alt = ChangeOfBasis.ofRows(new int[] {h, 0, l, 0, 1, 0, p, 0, q});
                        UnitCell cell = alt.apply(cCell);
                        String bravais = "mC";
                        if (bestMonoclinicBeta) {
                            ChangeOfBasis toI = ChangeOfBasis.ofRows(new int[] {h + p, 0, l + q, 0, 1, 0, p, 0, q});
                            UnitCell iCell = toI.apply(cCell);
                            if (iCell.beta() >= 90 && iCell.beta() < cell.beta()) { alt = toI; cell = iCell; bravais = "mI"; }
                        }
                        if (best == null || compareMonoclinic(bestCell, cell) > 0) {
                            best = new Result(bravais, cbInpC.then(alt));
                            bestCell = cell;
                        }
                    }
        return best;
    }

    /** cctbx's unit_cell.compare_monoclinic for unique axis b: positive when {@code other} is the better cell. */
    static int compareMonoclinic(UnitCell lhs, UnitCell other) {
        double l = lhs.beta(), r = other.beta();
        if (Math.abs(l - r) < TOLERANCE) return compareLengths(lhs, other);
        double dl = Math.abs(l - 90), dr = Math.abs(r - 90);
        if (Math.abs(dl - dr) > TOLERANCE) {
            if (dl < dr) return -1;
            if (dl > dr) return 1;
        } else {
            if (l > 90 && r < 90) return -1;
            if (l < 90 && r > 90) return 1;
        }
        return Double.compare(r, l);
    }

    /** cctbx's compare_orthorhombic: a, then b, then c; positive when other's is shorter. */
    private static int compareLengths(UnitCell lhs, UnitCell other) {
        double[] x = lhs.toArray(), y = other.toArray();
        for (int i = 0; i < 3; i++) {
            if (x[i] < y[i]) return -1;
            if (x[i] > y[i]) return 1;
        }
        return 0;
    }
}
