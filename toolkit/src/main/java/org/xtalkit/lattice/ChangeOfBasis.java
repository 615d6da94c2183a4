package org.xtalkit.lattice;

import org.xtalkit.XtalException;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.UnitCell;

import java.util.Arrays;

/**
 * A change of basis without translation, in cctbx's "abc" notation: {@code b+c,a+c,a+b} says that
 * the new a is old b + old c, and so on. Stored as the rational matrix M = num / den whose rows
 * are the new basis vectors in terms of the old, so real bases go as (a',b',c')ᵀ = M (a,b,c)ᵀ,
 * Miller indices as h' = M h and the setting matrix as A' = A M⁻¹.
 *
 * <p>Written here until the space-group library lands; the parse/print is the only part DIALS
 * users see.
 */
public record ChangeOfBasis(int[] num, int den) {
    public static final ChangeOfBasis IDENTITY = new ChangeOfBasis(new int[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 1);

    public ChangeOfBasis {
        if (num.length != 9) throw new IllegalArgumentException("a change of basis needs 9 elements, got " + num.length);
        if (den <= 0) throw new IllegalArgumentException("denominator must be positive, got " + den);
        int g = den;
        for (int v : num) g = gcd(g, Math.abs(v));
        num = num.clone();
        if (g > 1) for (int i = 0; i < 9; i++) num[i] /= g;
        den /= Math.max(g, 1);
    }

    public static ChangeOfBasis ofRows(int[] rows) { return new ChangeOfBasis(rows, 1); }

    /** The change of basis from a real matrix with rational entries of denominator ≤ 12. */
    public static ChangeOfBasis fromMatrix(Mat3 m) {
        double[] a = m.toArray();
        for (int den = 1; den <= 12; den++) {
            int[] n = new int[9];
            boolean ok = true;
            for (int i = 0; i < 9 && ok; i++) {
                double v = a[i] * den;
                n[i] = (int) Math.round(v);
                ok = Math.abs(v - n[i]) < 1e-6;
            }
            if (ok) return new ChangeOfBasis(n, den);
        }
        throw new IllegalArgumentException("not a rational change of basis: " + m);
    }

    /** Parses "a,b,c", "b+c,a+c,a+b", "-a-b,1/2*a+1/2*c,c", "a,-a-b,-c" (also x,y,z, h,k,l). */
    public static ChangeOfBasis parse(String s) {
        String t = s.replace(" ", "").toLowerCase();
        String[] parts = t.split(",");
        if (parts.length != 3)
            throw new XtalException("change_of_basis_op=" + s + ": expected three comma-separated terms such as a,b,c");
        int den = 1;
        double[][] rows = new double[3][];
        for (int r = 0; r < 3; r++) rows[r] = parseRow(parts[r], s);
        Mat3 m = new Mat3(rows[0][0], rows[0][1], rows[0][2], rows[1][0], rows[1][1], rows[1][2],
                rows[2][0], rows[2][1], rows[2][2]);
        if (Math.abs(m.determinant()) < 1e-9)
            throw new XtalException("change_of_basis_op=" + s + ": the three vectors are not independent");
        return fromMatrix(m);
    }

    private static double[] parseRow(String term, String whole) {
        double[] row = new double[3];
        int i = 0;
        if (term.isEmpty()) throw new XtalException("change_of_basis_op=" + whole + ": empty term");
        while (i < term.length()) {
            double sign = 1;
            char ch = term.charAt(i);
            if (ch == '+' || ch == '-') { sign = ch == '-' ? -1 : 1; i++; }
            int start = i;
            while (i < term.length() && "0123456789./*".indexOf(term.charAt(i)) >= 0) i++;
            String coef = term.substring(start, i).replace("*", "");
            double c = coef.isEmpty() ? 1 : fraction(coef, whole);
            if (i >= term.length()) throw new XtalException("change_of_basis_op=" + whole + ": '" + term + "' ends in a number; expected a, b or c");
            int axis = "abc".indexOf(term.charAt(i));
            if (axis < 0) axis = "xyz".indexOf(term.charAt(i));
            if (axis < 0) axis = "hkl".indexOf(term.charAt(i));
            if (axis < 0) throw new XtalException("change_of_basis_op=" + whole + ": unexpected '" + term.charAt(i) + "' in '" + term + "'");
            row[axis] += sign * c;
            i++;
        }
        return row;
    }

    private static double fraction(String c, String whole) {
        try {
            int slash = c.indexOf('/');
            if (slash < 0) return Double.parseDouble(c);
            return Double.parseDouble(c.substring(0, slash)) / Double.parseDouble(c.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new XtalException("change_of_basis_op=" + whole + ": bad coefficient '" + c + "'");
        }
    }

    /** M as a real matrix. */
    public Mat3 matrix() {
        double[] d = new double[9];
        for (int i = 0; i < 9; i++) d[i] = (double) num[i] / den;
        return new Mat3(d);
    }

    public ChangeOfBasis inverse() { return fromMatrix(matrix().inverse()); }

    /** This change followed by {@code next}. */
    public ChangeOfBasis then(ChangeOfBasis next) { return fromMatrix(next.matrix().times(matrix())); }

    public boolean isIdentity() { return den == 1 && Arrays.equals(num, IDENTITY.num); }

    public Crystal apply(Crystal c) {
        Mat3 m = matrix();
        Vec3[] old = {c.realA(), c.realB(), c.realC()};
        Vec3[] nu = new Vec3[3];
        for (int r = 0; r < 3; r++)
            nu[r] = old[0].times(m.get(r, 0)).plus(old[1].times(m.get(r, 1))).plus(old[2].times(m.get(r, 2)));
        return new Crystal(nu[0], nu[1], nu[2], c.spaceGroupHall(), c.mosaicity(), java.util.List.of(), null);
    }

    public UnitCell apply(UnitCell cell) {
        Mat3 m = matrix();
        Mat3 g = m.times(cell.metricTensor()).times(m.transpose());
        return LatticeMath.cellFromMetric(g);
    }

    /** h' = M h for the flat Miller array in place; returns false where h' is not integral. */
    public boolean[] applyToMiller(int[] hkl) {
        boolean[] ok = new boolean[hkl.length / 3];
        for (int i = 0; i < ok.length; i++) {
            int h = hkl[3 * i], k = hkl[3 * i + 1], l = hkl[3 * i + 2];
            int[] out = new int[3];
            boolean integral = true;
            for (int r = 0; r < 3; r++) {
                int v = num[3 * r] * h + num[3 * r + 1] * k + num[3 * r + 2] * l;
                if (v % den != 0) integral = false;
                out[r] = v / den;
            }
            ok[i] = integral;
            System.arraycopy(out, 0, hkl, 3 * i, 3);
        }
        return ok;
    }

    /** cctbx's abc notation: "a,b,c", "b+c,a+c,a+b", "1/2*a+1/2*b,...". */
    @Override public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            if (r > 0) sb.append(',');
            int start = sb.length();
            for (int c = 0; c < 3; c++) {
                int n = num[3 * r + c];
                if (n == 0) continue;
                int g = gcd(Math.abs(n), den), p = n / g, q = den / g;
                if (p < 0) sb.append('-'); else if (sb.length() > start) sb.append('+');
                int ap = Math.abs(p);
                if (q == 1) { if (ap != 1) sb.append(ap).append('*'); }
                else sb.append(ap).append('/').append(q).append('*');
                sb.append("abc".charAt(c));
            }
        }
        return sb.toString();
    }

    @Override public boolean equals(Object o) {
        return o instanceof ChangeOfBasis c && c.den == den && Arrays.equals(c.num, num);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(num) + den; }

    static int gcd(int a, int b) { return b == 0 ? Math.abs(a) : gcd(b, a % b); }
}
