package org.xtalkit.spacegroup;

import org.xtalkit.XtalException;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.UnitCell;

import java.util.List;

/**
 * A change of basis as cctbx and DIALS write it: "b+c,a+c,a+b" (new axes in terms of the old),
 * "-h,k,-l" (new indices in terms of the old; same coefficients) or "x+1/4,y,z" (new fractional
 * coordinates, x' = C·x + t). Held as cctbx holds it, as the coordinate operator C.
 *
 * <p>Without origin shift, M = Pᵀ = (C⁻¹)ᵀ has the new axes as rows: real bases go as
 * (a',b',c')ᵀ = M (a,b,c)ᵀ, Miller indices as h' = M h and the setting matrix as A' = A M⁻¹.
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
        if (xyz) return checked(new ChangeOfBasis(SymOp.parseXyz(t)), s);
        SymOp m = SymOp.parseTriplet(t, abc ? "abc" : "hkl");
        for (int v : m.tran()) if (v != 0) throw new XtalException("change of basis '" + s + "': write origin shifts in x,y,z form");
        if (m.isSingular()) throw new XtalException("change of basis '" + s + "': the three vectors are not independent");
        // rows of m are the new axes (indices) in terms of the old: m = Pᵀ, and C = P⁻¹
        return new ChangeOfBasis(transpose(m).inverse());
    }

    private static ChangeOfBasis checked(ChangeOfBasis cb, String s) {
        if (cb.op.isSingular()) throw new XtalException("change of basis '" + s + "' is singular");
        return cb;
    }

    /** From integer rows: row r is new axis r in terms of the old (M, row-major). */
    public static ChangeOfBasis ofRows(int[] rows) {
        int[] m = new int[9];
        for (int i = 0; i < 9; i++) m[i] = rows[i] * SymOp.DEN;
        return new ChangeOfBasis(transpose(new SymOp(m, new int[3])).inverse());
    }

    /** From a real M (rows are the new axes in terms of the old) whose entries are multiples of 1/DEN. */
    public static ChangeOfBasis fromMatrix(Mat3 m) {
        double[] a = m.toArray();
        int[] n = new int[9];
        for (int i = 0; i < 9; i++) {
            double v = a[i] * SymOp.DEN;
            n[i] = (int) Math.round(v);
            if (Math.abs(v - n[i]) > 1e-6) throw new XtalException("not a rational change of basis: " + m);
        }
        return new ChangeOfBasis(transpose(new SymOp(n, new int[3])).inverse());
    }

    private static SymOp transpose(SymOp m) {
        int[] r = m.rot(), t = new int[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) t[3 * i + j] = r[3 * j + i];
        return new SymOp(t, m.tran());
    }

    /** Pᵀ = M: row j gives new axis j (and new index j) in terms of the old ones. */
    private SymOp pTransposed() { return transpose(op.rotationOnly().inverse()); }

    /** M as a real matrix: rows are the new axes in terms of the old. */
    public Mat3 matrix() {
        int[] r = pTransposed().rot();
        double[] d = new double[9];
        for (int i = 0; i < 9; i++) d[i] = r[i] / (double) SymOp.DEN;
        return new Mat3(d);
    }

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

    /** This change applied after another (cctbx's product: this * first). */
    public ChangeOfBasis times(ChangeOfBasis first) { return new ChangeOfBasis(op.times(first.op)); }

    /** This change followed by {@code next} (the same product read in the order of application). */
    public ChangeOfBasis then(ChangeOfBasis next) { return next.times(this); }

    public boolean isIdentity() { return op.equals(SymOp.IDENTITY); }

    /** New Miller index h' = h·P (an integer index for a proper change of basis). */
    public int[] apply(int h, int k, int l) {
        int[] out = new int[3];
        if (!transform(pMatrix(), h, k, l, out))
            throw new XtalException("change of basis " + asXyz() + " takes (" + h + "," + k + "," + l + ") to a non-integral index");
        return out;
    }

    /** h' = h·P for a flat Miller array (h,k,l,h,k,l,...) in place; false where h' is not integral. */
    public boolean[] applyToMiller(int[] hkl) {
        int[] p = pMatrix(), out = new int[3];
        boolean[] ok = new boolean[hkl.length / 3];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = transform(p, hkl[3 * i], hkl[3 * i + 1], hkl[3 * i + 2], out);
            System.arraycopy(out, 0, hkl, 3 * i, 3);
        }
        return ok;
    }

    private int[] pMatrix() { return op.rotationOnly().inverse().rot(); }

    private static boolean transform(int[] p, int h, int k, int l, int[] out) {
        boolean integral = true;
        for (int j = 0; j < 3; j++) {
            int v = h * p[j] + k * p[3 + j] + l * p[6 + j];
            if (v % SymOp.DEN != 0) integral = false;
            out[j] = v / SymOp.DEN;
        }
        return integral;
    }

    /** The cell in the new basis: G' = Pᵀ G P. */
    public UnitCell apply(UnitCell cell) {
        Mat3 m = matrix();
        Mat3 g = m.times(cell.metricTensor()).times(m.transpose());
        double a = Math.sqrt(g.get(0, 0)), b = Math.sqrt(g.get(1, 1)), c = Math.sqrt(g.get(2, 2));
        return new UnitCell(a, b, c, acosDeg(g.get(1, 2) / (b * c)), acosDeg(g.get(0, 2) / (a * c)), acosDeg(g.get(0, 1) / (a * b)));
    }

    private static double acosDeg(double cos) { return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos)))); }

    /** The crystal with its real axes in the new basis (space group kept as given; scan points dropped). */
    public Crystal apply(Crystal c) {
        Mat3 m = matrix();
        Vec3[] old = {c.realA(), c.realB(), c.realC()};
        Vec3[] nu = new Vec3[3];
        for (int r = 0; r < 3; r++)
            nu[r] = old[0].times(m.get(r, 0)).plus(old[1].times(m.get(r, 1))).plus(old[2].times(m.get(r, 2)));
        return new Crystal(nu[0], nu[1], nu[2], c.spaceGroupHall(), c.mosaicity(), List.of(), null);
    }

    public SpaceGroup apply(SpaceGroup sg) { return sg.changeBasis(this); }

    @Override public String toString() {
        for (int v : op.tran()) if (v != 0) return asXyz();
        return asAbc();
    }
}
