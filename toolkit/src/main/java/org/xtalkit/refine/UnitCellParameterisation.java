package org.xtalkit.refine;

import org.xtalkit.math.Mat3;
import org.xtalkit.model.UnitCell;

/**
 * The unit cell as free cell parameters (Å and degrees) under the lattice's constraints, giving
 * B (cctbx convention, B = O⁻ᵀ with O the orthogonalisation matrix) and dB/dp analytically:
 * dB = -B · dOᵀ · B.
 */
public final class UnitCellParameterisation extends ModelParameterisation {
    private final LatticeConstraint constraint;
    private final double[][] dCell;
    private Mat3 b;
    private Mat3[] dB;

    public UnitCellParameterisation(UnitCell cell, LatticeConstraint constraint) {
        super(constraint.names, constraint.free(cell.toArray()));
        this.constraint = constraint;
        this.dCell = constraint.jacobian();
        compose();
    }

    public LatticeConstraint constraint() { return constraint; }

    @Override protected void compose() {
        UnitCell cell = UnitCell.of(constraint.cell(values));
        b = cell.bMatrix();
        Mat3[] dO = orthogonalisationDerivatives(cell);
        Mat3[] dBdCell = new Mat3[6];
        for (int j = 0; j < 6; j++) dBdCell[j] = b.times(dO[j].transpose()).times(b).times(-1);
        dB = new Mat3[size()];
        for (int i = 0; i < size(); i++) {
            Mat3 sum = new Mat3(new double[9]);
            for (int j = 0; j < 6; j++) if (dCell[i][j] != 0) sum = sum.plus(dBdCell[j].times(dCell[i][j]));
            dB[i] = sum;
        }
    }

    public Mat3 B() { return b; }
    public Mat3 dB(int i) { return dB[i]; }
    public UnitCell unitCell() { return UnitCell.of(constraint.cell(values)); }

    /** dO/d(a, b, c, α, β, γ), angles per degree. */
    static Mat3[] orthogonalisationDerivatives(UnitCell u) {
        double a = u.a(), b = u.b(), c = u.c();
        double al = Math.toRadians(u.alpha()), be = Math.toRadians(u.beta()), ga = Math.toRadians(u.gamma());
        double ca = Math.cos(al), sa = Math.sin(al), cb = Math.cos(be), sb = Math.sin(be), cg = Math.cos(ga), sg = Math.sin(ga);
        double w = Math.sqrt(1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg);
        double rad = Math.PI / 180;
        Mat3 dA = new Mat3(1, 0, 0, 0, 0, 0, 0, 0, 0);
        Mat3 dBl = new Mat3(0, cg, 0, 0, sg, 0, 0, 0, 0);
        Mat3 dC = new Mat3(0, 0, cb, 0, 0, (ca - cb * cg) / sg, 0, 0, w / sg);
        double dwAl = (ca * sa - sa * cb * cg) / w;
        Mat3 dAl = new Mat3(0, 0, 0, 0, 0, -c * sa / sg, 0, 0, c * dwAl / sg).times(rad);
        double dwBe = (cb * sb - sb * ca * cg) / w;
        Mat3 dBe = new Mat3(0, 0, -c * sb, 0, 0, c * sb * cg / sg, 0, 0, c * dwBe / sg).times(rad);
        double dwGa = (cg * sg - sg * ca * cb) / w;
        double d23 = c * (cb * sg * sg - (ca - cb * cg) * cg) / (sg * sg);
        double d33 = c * (dwGa * sg - w * cg) / (sg * sg);
        Mat3 dGa = new Mat3(0, -b * sg, 0, 0, b * cg, d23, 0, 0, d33).times(rad);
        return new Mat3[] {dA, dBl, dC, dAl, dBe, dGa};
    }
}
