package org.xtalkit.lattice;

import org.xtalkit.model.UnitCell;

/**
 * Crystal systems as cell constraints: which cell parameters are free, how to read them from a
 * cell and build the symmetric cell back (rhombohedral lattices use the hexagonal setting).
 */
public enum LatticeSystem {
    TRICLINIC(6), MONOCLINIC(4), ORTHORHOMBIC(3), TETRAGONAL(2), HEXAGONAL(2), CUBIC(1);

    public final int nParameters;

    LatticeSystem(int n) { this.nParameters = n; }

    public static LatticeSystem ofBravais(String bravais) {
        return switch (bravais.charAt(0)) {
            case 'a' -> TRICLINIC;
            case 'm' -> MONOCLINIC;
            case 'o' -> ORTHORHOMBIC;
            case 't' -> TETRAGONAL;
            case 'h' -> HEXAGONAL;
            case 'c' -> CUBIC;
            default -> throw new IllegalArgumentException("not a Bravais lattice symbol: " + bravais);
        };
    }

    /** The free parameters of a cell already in this system's conventional setting (averaged where tied). */
    public double[] parameters(UnitCell c) {
        return switch (this) {
            case TRICLINIC -> c.toArray();
            case MONOCLINIC -> new double[] {c.a(), c.b(), c.c(), c.beta()};
            case ORTHORHOMBIC -> new double[] {c.a(), c.b(), c.c()};
            case TETRAGONAL, HEXAGONAL -> new double[] {(c.a() + c.b()) / 2, c.c()};
            case CUBIC -> new double[] {(c.a() + c.b() + c.c()) / 3};
        };
    }

    public UnitCell cell(double[] p) {
        return switch (this) {
            case TRICLINIC -> new UnitCell(p[0], p[1], p[2], p[3], p[4], p[5]);
            case MONOCLINIC -> new UnitCell(p[0], p[1], p[2], 90, p[3], 90);
            case ORTHORHOMBIC -> new UnitCell(p[0], p[1], p[2], 90, 90, 90);
            case TETRAGONAL -> new UnitCell(p[0], p[0], p[1], 90, 90, 90);
            case HEXAGONAL -> new UnitCell(p[0], p[0], p[1], 90, 90, 120);
            case CUBIC -> new UnitCell(p[0], p[0], p[0], 90, 90, 90);
        };
    }

    /** The nearest cell obeying this system's constraints. */
    public UnitCell symmetrize(UnitCell c) { return cell(parameters(c)); }
}
