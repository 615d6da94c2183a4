package org.xtalkit.spacegroup;

import org.xtalkit.XtalException;
import org.xtalkit.math.Mat3;
import org.xtalkit.model.UnitCell;

/**
 * A change of basis as cctbx and DIALS write it: "b+c,a+c,a+b" (new axes in terms of the old),
 * "-h,k,-l" (new indices in terms of the old; same coefficients) or "x+1/4,y,z" (new fractional
 * coordinates, x' = C·x + t). Held as cctbx holds it, as the coordinate operator C.
 *
 * @param op the coordinate transformation x' = C·x + t
 */
public record ChangeOfBasis(SymOp op) {
    public static final ChangeOfBasis IDENTITY = new ChangeOfBasis(SymOp.IDENTITY);

    public static ChangeOfBasis parse(String s) {
        String t = s.trim().toLowerCase();
        boolean abc = t.matches(".*[abc].*"), hkl = t.matches(".*[hkl].*"), xyz = t.matches(".*[xyz].*");
        if ((abc ? 1 : 0) + (hkl ? 1 : 0) + (xyz ? 1 : 0) != 1)
            throw new XtalException("change of basis '" + s + "' must use one of a,b,c or h,k,l or x,y,z");
        if (xyz) return new ChangeOfBasis(SymOp.parseXyz(t));
        SymOp m = SymOp.parseTriplet(t, abc ? "abc" : "hkl");
        for (int v : m.tran()) if (v != 0) throw new XtalException("change of basis '" + s + "': write origin shifts in x,y,z form");
        // rows of m are the new axes (indices) in terms of the old: m = Pᵀ, and C = P⁻¹
        return new ChangeOfBasis(transpose(m).inverse());
    }

    private static SymOp transpose(SymOp m) {
        int[] r = m.rot(), t = new int[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) t[3 * i + j] = r[3 * j + i];
        return new SymOp(t, m.tran());
    }

    /** Pᵀ: row j gives new axis j (and new index j) in terms of the old ones. */
    private SymOp pTransposed() { return transpose(op.rotationOnly().inverse()); }

    /** "b+c,a+c,a+b" form (cctbx as_abc); only for operators without origin shift. */
    public String asAbc() { requireNoShift(); return pTransposed().format("abc", false); }

    /** "-h,k,-l" form (cctbx as_hkl, DIALS' reindex operator). */
    public String asHkl() { requireNoShift(); return pTransposed().format("hkl", false); }

    /** "x,y,z" form of C (cctbx c().as_xyz()). */
    public String asXyz() { return op.format("xyz", true); }

    private void requireNoShift() {
        for (int v : op.tran()) if (v != 0) throw new XtalException("change of basis " + asXyz() + " has an origin shift; use asXyz()");
    }

    public ChangeOfBasis inverse() { return new ChangeOfBasis(op.inverse()); }

    /** This change applied after another. */
    public ChangeOfBasis times(ChangeOfBasis first) { return new ChangeOfBasis(op.times(first.op)); }

    public boolean isIdentity() { return op.equals(SymOp.IDENTITY); }

    /** New Miller index h' = h·P (an integer index for a proper change of basis). */
    public int[] apply(int h, int k, int l) {
        int[] p = op.rotationOnly().inverse().rot();
        int[] out = new int[3];
        for (int j = 0; j < 3; j++) {
            int v = h * p[j] + k * p[3 + j] + l * p[6 + j];
            if (v % SymOp.DEN != 0) throw new XtalException("change of basis " + asXyz() + " takes (" + h + "," + k + "," + l + ") to a non-integral index");
            out[j] = v / SymOp.DEN;
        }
        return out;
    }

    /** The cell in the new basis: G' = Pᵀ G P. */
    public UnitCell apply(UnitCell cell) {
        int[] p = op.rotationOnly().inverse().rot();
        double[] pm = new double[9];
        for (int i = 0; i < 9; i++) pm[i] = p[i] / (double) SymOp.DEN;
        Mat3 pmat = new Mat3(pm);
        Mat3 g = pmat.transpose().times(cell.metricTensor()).times(pmat);
        double a = Math.sqrt(g.get(0, 0)), b = Math.sqrt(g.get(1, 1)), c = Math.sqrt(g.get(2, 2));
        return new UnitCell(a, b, c, Math.toDegrees(Math.acos(g.get(1, 2) / (b * c))),
                Math.toDegrees(Math.acos(g.get(0, 2) / (a * c))), Math.toDegrees(Math.acos(g.get(0, 1) / (a * b))));
    }

    public SpaceGroup apply(SpaceGroup sg) { return sg.changeBasis(this); }

    @Override public String toString() {
        for (int v : op.tran()) if (v != 0) return asXyz();
        return asAbc();
    }
}
