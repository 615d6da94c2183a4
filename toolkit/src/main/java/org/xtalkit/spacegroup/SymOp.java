package org.xtalkit.spacegroup;

import org.xtalkit.XtalException;

import java.util.Arrays;

/**
 * A Seitz operator (R|t) acting on fractional coordinates, x' = R·x + t, with rational entries
 * stored as integers in units of 1/{@link #DEN} (rotation and translation alike, as gemmi does),
 * so that change-of-basis operators with fractional matrices (centred to primitive) fit too.
 * Space-group operators have integer R; their translations are in multiples of 1/24 (which covers
 * the 1/8 origin shifts of the ITA settings).
 *
 * @param rot  R·DEN, row-major 3x3
 * @param tran t·DEN
 */
public record SymOp(int[] rot, int[] tran) {
    public static final int DEN = 24;
    public static final SymOp IDENTITY = new SymOp(new int[] {DEN, 0, 0, 0, DEN, 0, 0, 0, DEN}, new int[3]);

    public SymOp {
        if (rot.length != 9 || tran.length != 3) throw new IllegalArgumentException("a Seitz operator needs 9 + 3 entries");
        rot = rot.clone();
        tran = tran.clone();
    }

    /** A copy of R·DEN (row-major). */
    @Override public int[] rot() { return rot.clone(); }

    /** A copy of t·DEN. */
    @Override public int[] tran() { return tran.clone(); }

    /** From an integer rotation matrix and a translation in units of 1/DEN. */
    public static SymOp of(int[] intRot, int[] tran) {
        int[] r = new int[9];
        for (int i = 0; i < 9; i++) r[i] = intRot[i] * DEN;
        return new SymOp(r, tran);
    }

    /** Parses "x,y,z"-style triplets: "-x+1/2,y,-z", "x-y,x,z+1/6", "1/2*x+1/2*y", "-y+z,x+z,-x+y+z". */
    public static SymOp parseXyz(String s) { return parseTriplet(s, "xyz"); }

    /**
     * Parses a triplet whose three variables are the given letters ("xyz", "abc" or "hkl");
     * the result's rows are the coefficients of each component.
     */
    static SymOp parseTriplet(String s, String letters) {
        String[] parts = s.trim().split(",");
        if (parts.length != 3) throw new XtalException("'" + s + "' is not an operator triplet like x,y,z");
        int[] rot = new int[9], tran = new int[3];
        for (int row = 0; row < 3; row++) {
            String p = parts[row].replace(" ", "").toLowerCase();
            if (p.isEmpty()) throw new XtalException("empty component in operator '" + s + "'");
            int i = 0;
            while (i < p.length()) {
                int sign = 1;
                if (p.charAt(i) == '+' || p.charAt(i) == '-') { sign = p.charAt(i) == '-' ? -1 : 1; i++; }
                // a term: [number[/number]][*]letter | number[/number]
                int start = i;
                while (i < p.length() && (Character.isDigit(p.charAt(i)) || p.charAt(i) == '/' || p.charAt(i) == '.')) i++;
                String num = p.substring(start, i);
                if (i < p.length() && p.charAt(i) == '*') i++;
                int var = i < p.length() ? letters.indexOf(p.charAt(i)) : -1;
                if (var >= 0) i++;
                if (num.isEmpty() && var < 0) throw new XtalException("cannot read '" + parts[row] + "' in operator '" + s + "'");
                if (var >= 0 && i < p.length() && p.charAt(i) == '/') {   // "a/2": postfix divisor
                    int st = ++i;
                    while (i < p.length() && Character.isDigit(p.charAt(i))) i++;
                    num = (num.isEmpty() ? "1" : num) + "/" + p.substring(st, i);
                }
                int value = num.isEmpty() ? DEN : fraction(num, s);
                if (var >= 0) rot[3 * row + var] += sign * value;
                else tran[row] += sign * value;
            }
        }
        return new SymOp(rot, tran);
    }

    private static int fraction(String num, String context) {
        String[] pq = num.split("/");
        try {
            double v = pq.length == 1 ? Double.parseDouble(pq[0]) : Double.parseDouble(pq[0]) / Double.parseDouble(pq[1]);
            double scaled = v * DEN;
            if (Math.abs(scaled - Math.rint(scaled)) > 1e-6)
                throw new XtalException("fraction " + num + " in '" + context + "' is not a multiple of 1/" + DEN);
            return (int) Math.rint(scaled);
        } catch (NumberFormatException e) {
            throw new XtalException("cannot read number '" + num + "' in '" + context + "'");
        }
    }

    /** The triplet with the given variable letters ("xyz", "abc", "hkl"). */
    String format(String letters, boolean withTranslation) {
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < 3; row++) {
            if (row > 0) sb.append(',');
            StringBuilder term = new StringBuilder();
            for (int j = 0; j < 3; j++) {
                int v = rot[3 * row + j];
                if (v == 0) continue;
                term.append(v < 0 ? "-" : term.length() > 0 ? "+" : "");
                if (Math.abs(v) != DEN) term.append(ratio(Math.abs(v))).append('*');
                term.append(letters.charAt(j));
            }
            int t = tran[row];
            if (withTranslation && t != 0) term.append(t < 0 ? "-" : term.length() > 0 ? "+" : "").append(ratio(Math.abs(t)));
            sb.append(term.length() == 0 ? "0" : term);
        }
        return sb.toString();
    }

    private static String ratio(int v) {
        int g = gcd(v, DEN);
        return DEN / g == 1 ? Integer.toString(v / g) : (v / g) + "/" + (DEN / g);
    }

    static int gcd(int a, int b) { return b == 0 ? Math.abs(a) : gcd(b, a % b); }

    /** "x,y,z" form, translations as fractions: "-y,x-y,z+1/3". */
    public String toXyz() { return format("xyz", true); }

    /** This operator applied after the other: (R1|t1)(R2|t2) = (R1 R2 | R1 t2 + t1). */
    public SymOp times(SymOp o) {
        int[] r = new int[9], t = new int[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int s = 0;
                for (int k = 0; k < 3; k++) s += rot[3 * i + k] * o.rot[3 * k + j];
                r[3 * i + j] = exactDiv(s);
            }
            int s = 0;
            for (int k = 0; k < 3; k++) s += rot[3 * i + k] * o.tran[k];
            t[i] = exactDiv(s) + tran[i];
        }
        return new SymOp(r, t);
    }

    private static int exactDiv(int s) {
        if (s % DEN != 0) throw new XtalException("operator product leaves the 1/" + DEN + " grid");
        return s / DEN;
    }

    /** The inverse operator (R⁻¹ | −R⁻¹ t); R⁻¹ must be representable in units of 1/DEN. */
    public SymOp inverse() {
        long d = determinantTimesDen3();
        int[] r = new int[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                // adjugate: cofactor of (j,i)
                int a = rot[3 * ((j + 1) % 3) + (i + 1) % 3], b = rot[3 * ((j + 1) % 3) + (i + 2) % 3];
                int c = rot[3 * ((j + 2) % 3) + (i + 1) % 3], e = rot[3 * ((j + 2) % 3) + (i + 2) % 3];
                long cof = (long) a * e - (long) b * c;
                long num = cof * DEN * DEN;
                if (num % d != 0) throw new XtalException("inverse of " + toXyz() + " is not on the 1/" + DEN + " grid");
                r[3 * i + j] = (int) (num / d);
            }
        SymOp rinv = new SymOp(r, new int[3]);
        int[] t = new int[3];
        for (int i = 0; i < 3; i++) {
            int s = 0;
            for (int k = 0; k < 3; k++) s += r[3 * i + k] * tran[k];
            t[i] = -exactDiv(s);
        }
        return new SymOp(rinv.rot, t);
    }

    private long determinantTimesDen3() {
        long d = rawDeterminant();
        if (d == 0) throw new XtalException("singular operator " + toXyz());
        return d;
    }

    private long rawDeterminant() {
        return (long) rot[0] * ((long) rot[4] * rot[8] - (long) rot[5] * rot[7])
                - (long) rot[1] * ((long) rot[3] * rot[8] - (long) rot[5] * rot[6])
                + (long) rot[2] * ((long) rot[3] * rot[7] - (long) rot[4] * rot[6]);
    }

    /** Whether R is singular (no inverse, not a change of basis). */
    public boolean isSingular() { return rawDeterminant() == 0; }

    /** det R (a rational in general; exact for integer rotations). */
    public double determinant() { return determinantTimesDen3() / (double) DEN / DEN / DEN; }

    /** Translations reduced to [0, 1). */
    public SymOp wrapped() {
        int[] t = new int[3];
        for (int i = 0; i < 3; i++) t[i] = Math.floorMod(tran[i], DEN);
        return new SymOp(rot, t);
    }

    /** The rotation part only. */
    public SymOp rotationOnly() { return new SymOp(rot, new int[3]); }

    public SymOp negated() {
        int[] r = new int[9];
        for (int i = 0; i < 9; i++) r[i] = -rot[i];
        int[] t = new int[3];
        for (int i = 0; i < 3; i++) t[i] = -tran[i];
        return new SymOp(r, t);
    }

    /** Miller index transformed as a row vector, h' = h·R (exact for integer R). */
    public int[] applyToHkl(int h, int k, int l) {
        int[] out = new int[3];
        for (int j = 0; j < 3; j++) out[j] = exactDiv(h * rot[j] + k * rot[3 + j] + l * rot[6 + j]);
        return out;
    }

    /** h·t in units of 1/DEN: the phase shift (×2π/DEN) the operator gives reflection h. */
    public int phaseShift(int h, int k, int l) { return h * tran[0] + k * tran[1] + l * tran[2]; }

    /** Integer rotation element R[i][j] (for operators with integer R). */
    public int r(int i, int j) { return rot[3 * i + j] / DEN; }

    public boolean isIntegerRotation() {
        for (int v : rot) if (v % DEN != 0) return false;
        return true;
    }

    @Override public boolean equals(Object o) {
        return o instanceof SymOp s && Arrays.equals(rot, s.rot) && Arrays.equals(tran, s.tran);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(rot) + Arrays.hashCode(tran); }

    @Override public String toString() { return toXyz(); }
}
