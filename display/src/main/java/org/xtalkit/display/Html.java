package org.xtalkit.display;

import java.util.List;
import java.util.Locale;

/** Writing HTML safely: escaping, numbers as a crystallographer reads them, and plain tables. */
public final class Html {
    private Html() {}

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Six significant figures, trailing zeros dropped; NaN and infinities spelled out. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        double a = Math.abs(v);
        String s = (a >= 1e-4 && a < 1e7) ? String.format(Locale.ROOT, "%.6g", v) : String.format(Locale.ROOT, "%.4e", v);
        if (s.contains("e")) return s;
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    /** Fixed decimals (cell lengths, angles, wavelengths). */
    public static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A table with a header row; cells are escaped here. Numeric-looking cells align right. */
    public static String table(List<String> header, List<List<String>> rows, String cssClass) {
        return table(header, rows, cssClass, java.util.Set.of());
    }

    /** The same with some rows (indices into rows) marked: bold on green, class "chosen" (best solution, recommended lattice). */
    public static String table(List<String> header, List<List<String>> rows, String cssClass, java.util.Set<Integer> marked) {
        StringBuilder b = new StringBuilder();
        b.append("<table class=\"").append(escape(cssClass)).append("\">");
        if (!header.isEmpty()) {
            b.append("<thead><tr>");
            for (String h : header) b.append("<th style=\"text-align:left\">").append(escape(h)).append("</th>");
            b.append("</tr></thead>");
        }
        b.append("<tbody>");
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            b.append(marked.contains(i) ? "<tr class=\"chosen\" style=\"background:#e3f4e0;font-weight:bold\">" : "<tr>");
            // explicit both ways: notebook style sheets right-align every cell by default
            for (String raw : r) {
                String c = raw == null ? "" : raw.strip();   // printed tables pad with spaces: HTML aligns instead
                b.append(looksNumeric(c) ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">").append(escape(c)).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    /** A PNG as an inline image (a data: URI), so notebooks and the standalone report need no files. */
    public static String img(byte[] png, String alt) {
        return "<img alt=\"" + escape(alt) + "\" src=\"data:image/png;base64,"
                + java.util.Base64.getEncoder().encodeToString(png) + "\"/>";
    }

    /** A section title and its content, the layout every step display shares. */
    public static String section(String title, String content) {
        return "<div class=\"xtalkit-step\"><h3 style=\"margin:0.4em 0\">" + escape(title) + "</h3>" + content + "</div>";
    }

    /** Plots side by side, wrapping on narrow pages. */
    public static String row(List<String> items) {
        StringBuilder b = new StringBuilder("<div style=\"display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start\">");
        for (String s : items) b.append("<div>").append(s).append("</div>");
        return b.append("</div>").toString();
    }

    /** Text kept as printed (DIALS' ASCII histograms and logs). */
    public static String pre(String text) {
        return "<pre style=\"font-size:11px;line-height:1.15\">" + escape(text) + "</pre>";
    }

    /** Content folded away under a summary line. */
    public static String details(String summary, String content, boolean open) {
        return "<details" + (open ? " open" : "") + "><summary>" + escape(summary) + "</summary>" + content + "</details>";
    }

    private static boolean looksNumeric(String s) {
        return !s.isEmpty() && s.matches("[-+(]?[0-9.][0-9eE.,+\\- ()]*");
    }
}
