package org.xtalkit.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Number and table formatting as dials.show prints them (C++ stream defaults, printf, psql tables). */
final class ShowText {
    private ShowText() {}

    /** A double as C++ streams print it by default: 6 significant digits, trailing zeros dropped (%g). */
    static String g(double v) {
        if (v == 0) return 1 / v < 0 ? "-0" : "0";
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mant = e < 0 ? s : s.substring(0, e), exp = e < 0 ? "" : s.substring(e);
        if (mant.contains(".")) mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
        return mant + exp;
    }

    /** {a,b,c} as scitbx prints vectors. */
    static String braces(double... v) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ",").append(g(v[i]));
        return sb.append('}').toString();
    }

    /** printf-style %f/%e of doubles, rounded from their exact binary value as C does (Java rounds the decimal string). */
    static String f(String format, double... v) {
        Object[] args = new Object[v.length];
        for (int i = 0; i < v.length; i++) args[i] = exact(v[i]);
        return String.format(Locale.ROOT, format, args);
    }

    private static Object exact(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return v;
        if (v == 0) return 1 / v < 0 ? (Object) (-0.0) : (Object) 0.0;
        return new java.math.BigDecimal(v);
    }

    /** A table in tabulate's "psql" style, as dials.show draws them. */
    static List<String> psql(List<String[]> rows) {
        int n = rows.get(0).length;
        int[] w = new int[n];
        for (String[] r : rows) for (int i = 0; i < n; i++) w[i] = Math.max(w[i], r[i].length());
        List<String> out = new ArrayList<>();
        out.add(rule('+', '+', w));
        out.add(line(rows.get(0), w));
        out.add(rule('|', '+', w));
        for (int k = 1; k < rows.size(); k++) out.add(line(rows.get(k), w));
        out.add(rule('+', '+', w));
        return out;
    }

    private static String rule(char end, char mid, int[] w) {
        StringBuilder sb = new StringBuilder().append(end);
        for (int i = 0; i < w.length; i++) sb.append("-".repeat(w[i] + 2)).append(i + 1 < w.length ? mid : end);
        return sb.toString();
    }

    private static String line(String[] r, int[] w) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < w.length; i++) sb.append(' ').append(r[i]).append(" ".repeat(w[i] - r[i].length())).append(" |");
        return sb.toString();
    }
}
