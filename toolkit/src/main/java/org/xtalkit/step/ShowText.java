package org.xtalkit.step;

import org.xtalkit.table.DialsNumberFormat;

import java.util.ArrayList;
import java.util.List;

/** Number and table formatting as dials.show prints them (C++ stream defaults, printf, psql tables). */
final class ShowText {
    private ShowText() {}

    /** A double as C++ streams print it by default: 6 significant digits, trailing zeros dropped (%g). */
    static String g(double v) { return DialsNumberFormat.general(v, 6); }

    /** {a,b,c} as scitbx prints vectors. */
    static String braces(double... v) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ",").append(g(v[i]));
        return sb.append('}').toString();
    }

    /** C printf conversions (%f, %.Nf, %.Ne, %i) of doubles, rounded from their exact binary value as C does. */
    static String f(String format, double... v) { return DialsNumberFormat.format(format, v); }

    /** C's %W.Nf: right-aligned in a field of W characters. */
    static String fixed(double v, int width, int decimals) {
        String s = DialsNumberFormat.fixed(v, decimals);
        return " ".repeat(Math.max(0, width - s.length())) + s;
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
