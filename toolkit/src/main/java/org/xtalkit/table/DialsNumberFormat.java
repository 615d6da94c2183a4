package org.xtalkit.table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as DIALS prints them: C printf conversions (%.Nf, %.Ne, %.17g, %i) on the exact binary
 * value with round-half-even, as glibc does (Java's own %f rounds the shortest decimal half-up and
 * differs in the last digit now and then), and Python's str() of a float (shortest round-trip digits).
 */
public final class DialsNumberFormat {
    private DialsNumberFormat() {}

    /**
     * Formats values with a Python %-pattern as dials.show uses them: literal text with
     * {@code %s}, {@code %i}/{@code %d}, {@code %.Nf} and {@code %.Ne} conversions, one value each.
     */
    public static String format(String pattern, double... values) {
        StringBuilder sb = new StringBuilder();
        int v = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%') { sb.append(c); continue; }
            int j = i + 1;
            int precision = -1;
            if (j < pattern.length() && pattern.charAt(j) == '.') {
                int k = ++j;
                while (j < pattern.length() && Character.isDigit(pattern.charAt(j))) j++;
                precision = Integer.parseInt(pattern.substring(k, j));
            }
            if (j >= pattern.length()) throw new IllegalArgumentException("incomplete conversion in '" + pattern + "'");
            char conv = pattern.charAt(j);
            if (conv == '%') { sb.append('%'); i = j; continue; }
            if (v >= values.length) throw new IllegalArgumentException("'" + pattern + "' needs more than " + values.length + " values");
            double x = values[v++];
            sb.append(switch (conv) {
                case 's' -> pythonStr(x);
                case 'i', 'd' -> integer(x);
                case 'f' -> fixed(x, precision < 0 ? 6 : precision);
                case 'e' -> scientific(x, precision < 0 ? 6 : precision);
                case 'g' -> general(x, precision < 0 ? 6 : precision);
                default -> throw new IllegalArgumentException("unsupported conversion %" + conv + " in '" + pattern + "'");
            });
            i = j;
        }
        return sb.toString();
    }

    /** C's %.Nf. */
    public static String fixed(double x, int decimals) {
        if (!Double.isFinite(x)) return nonFinite(x);
        String s = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return negativeZero(x, s);
    }

    /** C's %.Ne: d.ddd e±XX. */
    public static String scientific(double x, int decimals) {
        if (!Double.isFinite(x)) return nonFinite(x);
        if (x == 0) return (isNegative(x) ? "-" : "") + fixed(0, decimals) + "e+00";
        BigDecimal r = new BigDecimal(x).round(new MathContext(decimals + 1, RoundingMode.HALF_EVEN));
        int exponent = r.precision() - r.scale() - 1;
        String digits = r.unscaledValue().abs().toString();
        digits = digits + "0".repeat(Math.max(0, decimals + 1 - digits.length()));
        StringBuilder sb = new StringBuilder();
        if (x < 0) sb.append('-');
        sb.append(digits.charAt(0));
        if (decimals > 0) sb.append('.').append(digits, 1, decimals + 1);
        return exponent(sb, exponent).toString();
    }

    /** C's %.17g: exact round trip, trailing zeros dropped. */
    public static String g17(double x) { return general(x, 17); }

    /** C's %.Ng: N significant digits, fixed for exponents -4..N-1, trailing zeros dropped. */
    public static String general(double x, int significant) {
        if (!Double.isFinite(x)) return nonFinite(x);
        int p = Math.max(1, significant);
        if (x == 0) return isNegative(x) ? "-0" : "0";
        BigDecimal r = new BigDecimal(x).round(new MathContext(p, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exponent = r.precision() - r.scale() - 1;
        if (exponent >= -4 && exponent < p) return r.toPlainString();
        return mantissaExponent(r, exponent);
    }

    /** Python's str(float): the shortest digits that read back as x; exponent form below 1e-4 and from 1e16. */
    public static String pythonStr(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == 0) return isNegative(x) ? "-0.0" : "0.0";
        BigDecimal r = null;
        for (int p = 1; p <= 17; p++) {
            r = new BigDecimal(x).round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == x) break;
        }
        r = r.stripTrailingZeros();
        int exponent = r.precision() - r.scale() - 1;
        if (exponent < -4 || exponent >= 16) return mantissaExponent(r, exponent);
        String s = r.toPlainString();
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }

    /** Python's '%i' % x: the float truncated toward zero. */
    public static String integer(double x) {
        if (!Double.isFinite(x)) return nonFinite(x);
        return new BigDecimal(x).setScale(0, RoundingMode.DOWN).toPlainString();
    }

    private static String mantissaExponent(BigDecimal r, int exponent) {
        String digits = r.unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder(24);
        if (r.signum() < 0) sb.append('-');
        sb.append(digits.charAt(0));
        if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
        return exponent(sb, exponent).toString();
    }

    private static StringBuilder exponent(StringBuilder sb, int exponent) {
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int a = Math.abs(exponent);
        if (a < 10) sb.append('0');
        return sb.append(a);
    }

    private static boolean isNegative(double x) { return Double.doubleToRawLongBits(x) < 0; }

    private static String negativeZero(double x, String s) {
        // C keeps the sign of values that round to zero (-0.001 -> "-0.00"); BigDecimal drops it.
        return x < 0 && s.charAt(0) != '-' ? "-" + s : isNegative(x) && x == 0 ? "-" + s : s;
    }

    private static String nonFinite(double x) {
        return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
    }
}
