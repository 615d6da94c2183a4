package org.xtalkit.symmetry;

import java.util.ArrayList;
import java.util.List;

/**
 * Tables as DIALS prints them (python-tabulate, "psql" format): numeric columns re-read as numbers,
 * printed with the shortest form ("9.10" → "9.1", "0.000" → "0"), aligned on the decimal point and
 * right-justified; text columns left-justified; columns two characters wider than their header.
 */
public final class Tabulate {
    private Tabulate() {}

    public static String psql(List<String> header, List<List<String>> rows) {
        int nc = header.size();
        List<List<String>> cells = new ArrayList<>();
        for (List<String> r : rows) cells.add(new ArrayList<>(r));
        boolean[] numeric = new boolean[nc];
        int[] width = new int[nc];
        for (int c = 0; c < nc; c++) {
            boolean num = !rows.isEmpty(), allInt = true;
            for (List<String> r : rows) {
                String v = r.get(c).trim();
                if (v.isEmpty()) continue;
                if (!isNumber(v)) num = false;
                else if (!v.matches("[-+]?\\d+")) allInt = false;
            }
            numeric[c] = num;
            if (num) {
                int maxDec = -1;
                for (List<String> r : cells) {
                    String v = r.get(c).trim();
                    String f = v.isEmpty() ? "" : allInt ? Long.toString(Long.parseLong(v)) : shortest(Double.parseDouble(v));
                    r.set(c, f);
                    maxDec = Math.max(maxDec, decimals(f));
                }
                for (List<String> r : cells) {
                    String f = r.get(c);
                    if (!f.isEmpty()) r.set(c, f + " ".repeat(maxDec - decimals(f)));
                }
            }
            width[c] = header.get(c).length() + 2;
            for (List<String> r : cells) width[c] = Math.max(width[c], r.get(c).length());
        }
        StringBuilder sb = new StringBuilder();
        rule(sb, width, '+', '+');
        line(sb, header, width, numeric);
        rule(sb, width, '|', '+');
        for (List<String> r : cells) line(sb, r, width, numeric);
        rule(sb, width, '+', '+');
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    private static void rule(StringBuilder sb, int[] width, char edge, char mid) {
        sb.append(edge);
        for (int c = 0; c < width.length; c++) {
            sb.append("-".repeat(width[c] + 2));
            sb.append(c + 1 < width.length ? mid : edge);
        }
        sb.append('\n');
    }

    private static void line(StringBuilder sb, List<String> r, int[] width, boolean[] numeric) {
        sb.append('|');
        for (int c = 0; c < width.length; c++) {
            String v = r.get(c);
            String pad = " ".repeat(width[c] - v.length());
            sb.append(' ').append(numeric[c] ? pad + v : v + pad).append(" |");
        }
        sb.append('\n');
    }

    private static boolean isNumber(String v) {
        try { Double.parseDouble(v); return !v.equalsIgnoreCase("nan") && !v.toLowerCase().contains("inf"); }
        catch (NumberFormatException e) { return false; }
    }

    /** Digits after the point; −1 without one, so "0" pads as "0." would (tabulate's _afterpoint). */
    private static int decimals(String f) {
        int dot = f.indexOf('.');
        return dot < 0 ? -1 : f.length() - dot - 1;
    }

    /** Python's format(x, "g"): six significant digits, trailing zeros dropped. */
    static String shortest(double x) {
        if (x == 0) return "0";
        java.math.BigDecimal b = new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros();
        double ax = Math.abs(x);
        if (ax >= 1e-4 && ax < 1e6) return b.toPlainString();
        return String.format("%.5g", x);
    }
}
