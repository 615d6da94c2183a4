package org.xtalkit.refine;

/**
 * Which unit-cell parameters are free for a crystal system, and how the six cell parameters
 * follow from them (a cubic cell has one, a triclinic six). Standard settings assumed
 * (monoclinic unique axis b, hexagonal γ = 120°, rhombohedral axes a = b = c, α = β = γ).
 */
public enum LatticeConstraint {
    TRICLINIC("a", "b", "c", "alpha", "beta", "gamma"),
    /** unique axis b (the standard setting) */
    MONOCLINIC("a", "b", "c", "beta"),
    MONOCLINIC_A("a", "b", "c", "alpha"),
    MONOCLINIC_C("a", "b", "c", "gamma"),
    ORTHORHOMBIC("a", "b", "c"),
    TETRAGONAL("a", "c"),
    HEXAGONAL("a", "c"),
    RHOMBOHEDRAL("a", "alpha"),
    CUBIC("a");

    public final String[] names;

    LatticeConstraint(String... names) { this.names = names; }

    /** The free parameters of a cell. */
    double[] free(double[] cell) {
        return switch (this) {
            case TRICLINIC -> cell.clone();
            case MONOCLINIC -> new double[] {cell[0], cell[1], cell[2], cell[4]};
            case MONOCLINIC_A -> new double[] {cell[0], cell[1], cell[2], cell[3]};
            case MONOCLINIC_C -> new double[] {cell[0], cell[1], cell[2], cell[5]};
            case ORTHORHOMBIC -> new double[] {cell[0], cell[1], cell[2]};
            case TETRAGONAL, HEXAGONAL -> new double[] {cell[0], cell[2]};
            case RHOMBOHEDRAL -> new double[] {cell[0], cell[3]};
            case CUBIC -> new double[] {cell[0]};
        };
    }

    /** The six cell parameters from the free ones. */
    double[] cell(double[] p) {
        return switch (this) {
            case TRICLINIC -> p.clone();
            case MONOCLINIC -> new double[] {p[0], p[1], p[2], 90, p[3], 90};
            case MONOCLINIC_A -> new double[] {p[0], p[1], p[2], p[3], 90, 90};
            case MONOCLINIC_C -> new double[] {p[0], p[1], p[2], 90, 90, p[3]};
            case ORTHORHOMBIC -> new double[] {p[0], p[1], p[2], 90, 90, 90};
            case TETRAGONAL -> new double[] {p[0], p[0], p[1], 90, 90, 90};
            case HEXAGONAL -> new double[] {p[0], p[0], p[1], 90, 90, 120};
            case RHOMBOHEDRAL -> new double[] {p[0], p[0], p[0], p[1], p[1], p[1]};
            case CUBIC -> new double[] {p[0], p[0], p[0], 90, 90, 90};
        };
    }

    /** d cell_j / d p_i as [i][j]: which cell parameters each free one moves. */
    double[][] jacobian() {
        int n = names.length;
        double[][] d = new double[n][6];
        double[] base = new double[n];
        for (int i = 0; i < n; i++) base[i] = 1;
        for (int i = 0; i < n; i++) {
            double[] p = new double[n];
            p[i] = 1;
            double[] c1 = cell(p), c0 = cell(new double[n]);
            for (int j = 0; j < 6; j++) d[i][j] = c1[j] - c0[j];
        }
        return d;
    }

    /**
     * The constraint a space group puts on its cell: the crystal system, with the monoclinic unique
     * axis read from the twofold and rhombohedral R groups told apart from their hexagonal setting.
     */
    public static LatticeConstraint forSpaceGroup(org.xtalkit.spacegroup.SpaceGroup sg) {
        int number = sg.number();
        if (number <= 2) return TRICLINIC;
        if (number <= 15) {
            for (var op : sg.symops()) {
                // the twofold (or mirror) keeps its own axis: one diagonal element differs from the other two
                if (Math.abs(op.r(0, 0) + op.r(1, 1) + op.r(2, 2)) != 1) continue;
                if (op.r(0, 0) == -op.r(1, 1) && op.r(1, 1) == op.r(2, 2)) return MONOCLINIC_A;
                if (op.r(1, 1) == -op.r(0, 0) && op.r(0, 0) == op.r(2, 2)) return MONOCLINIC;
                if (op.r(2, 2) == -op.r(0, 0) && op.r(0, 0) == op.r(1, 1)) return MONOCLINIC_C;
            }
            return MONOCLINIC;
        }
        if (number <= 74) return ORTHORHOMBIC;
        if (number <= 142) return TETRAGONAL;
        if (number <= 194) return isRhombohedralSetting(sg) ? RHOMBOHEDRAL : HEXAGONAL;
        return CUBIC;
    }

    /** R groups in the rhombohedral setting have a threefold along a+b+c (x,y,z -> z,x,y). */
    private static boolean isRhombohedralSetting(org.xtalkit.spacegroup.SpaceGroup sg) {
        for (var op : sg.symops())
            if (op.r(0, 2) == 1 && op.r(1, 0) == 1 && op.r(2, 1) == 1) return true;
        return false;
    }
}
