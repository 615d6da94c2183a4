package org.xtalkit.display.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xtalkit.display.Html;
import org.xtalkit.math.Mat3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.UnitCell;

/** A crystal model as a card: unit cell, space group, U and B (dials.index ends its log with these). */
public final class CrystalCard {
    private CrystalCard() {}

    public static String html(String title, Crystal c) {
        return html(title, c, null);
    }

    /** @param esds standard uncertainties of a, b, c, α, β, γ (0 where symmetry fixes one), or null when not known */
    public static String html(String title, Crystal c, double[] esds) {
        UnitCell u = c.unitCell();
        double[] v = u.toArray();
        String[] t = new String[6];
        for (int k = 0; k < 6; k++)
            t[k] = esds != null && esds[k] > 0 ? withEsd(v[k], esds[k]) : f(k < 3 ? "%.4f" : "%.3f", v[k]);
        List<List<String>> cell = List.of(
                List.of("a, b, c (Å)", t[0], t[1], t[2]),
                List.of("α, β, γ (°)", t[3], t[4], t[5]),
                List.of("volume (Å³)", f("%.1f", u.volume()), "", ""));
        StringBuilder b = new StringBuilder("<div style=\"border:1px solid #ddd;border-radius:4px;padding:0.4em 0.8em\">");
        b.append("<p style=\"margin:0.2em 0\"><b>").append(Html.escape(title)).append("</b>: ")
                .append(Html.escape(spaceGroup(c.spaceGroupHall()))).append("</p>");
        b.append(Html.table(List.of("unit cell", "", "", ""), cell, "xtalkit-kv"));
        b.append(Html.row(List.of(matrix("U", c.U()), matrix("B", c.B()))));
        if (c.isScanVarying()) b.append("<p>A sampled at ").append(c.aAtScanPoints().size()).append(" scan points</p>");
        return b.append("</div>").toString();
    }

    /** The space group as DIALS prints it ("I 2 3"), or the Hall symbol when it has no name here. */
    public static String spaceGroup(String hall) {
        try {
            return org.xtalkit.spacegroup.SpaceGroup.fromHall(hall).shortName();
        } catch (RuntimeException e) {
            return "Hall: " + hall.trim();
        }
    }

    private static String matrix(String name, Mat3 m) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) rows.add(List.of(f("%.4f", m.get(i, 0) + 0.0), f("%.4f", m.get(i, 1) + 0.0), f("%.4f", m.get(i, 2) + 0.0)));
        return "<p style=\"margin:0.2em 0\">" + name + "</p>" + Html.table(List.of(), rows, "xtalkit-matrix");
    }

    /**
     * A value with its standard uncertainty in parentheses in units of the last digit, as cctbx
     * prints cells: two digits of uncertainty when its leading digit is 1, else one ("67.464(12)", "109.47(3)").
     */
    public static String withEsd(double v, double esd) {
        if (!(esd > 0) || Double.isInfinite(esd)) return f("%.4f", v);
        int exp = (int) Math.floor(Math.log10(esd));
        int lead = (int) (esd / Math.pow(10, exp));
        int decimals = Math.max(0, -(exp - (lead < 2 ? 1 : 0)));
        long u = Math.round(esd * Math.pow(10, decimals));
        return String.format(Locale.ROOT, "%." + decimals + "f(%d)", v, u);
    }

    /**
     * Cell esds from refinement: the free cell parameters' esds ("Crystal1.a", "Crystal1.alpha", … as
     * refinement names them, DIALS' labels) spread over the parameters the lattice ties to them (b = a
     * in tetragonal, …); null when the refinement has no static cell parameters for that crystal
     * (scan-varying: see the per-image cell).
     *
     * @param crystal the crystal's label in the names ("Crystal1" for the first crystal refined)
     */
    public static double[] cellEsds(List<String> names, double[] esds, UnitCell u, String crystal) {
        String[] cell = {"a", "b", "c", "alpha", "beta", "gamma"};
        double[] v = u.toArray(), out = new double[6];
        boolean any = false;
        for (int k = 0; k < 6; k++) {
            int at = names.indexOf(crystal + "." + cell[k]);
            if (at >= 0) { out[k] = esds[at]; any = true; }
        }
        if (!any) return null;
        for (int k = 0; k < 6; k++) {
            if (out[k] > 0) continue;
            int base = k < 3 ? 0 : 3;   // tied to the first length / first angle when equal to it
            if (k != base && Math.abs(v[k] - v[base]) < 1e-6 && out[base] > 0) out[k] = out[base];
        }
        return out;
    }

    /**
     * The label refinement gave experiment e's crystal: "Crystal{e+1}" when every experiment has its
     * own, "Crystal1" when one crystal is shared, null when the sharing cannot be told from the names.
     */
    public static String crystalLabel(List<String> names, int e, int nExperiments) {
        java.util.Set<String> crystals = new java.util.TreeSet<>();
        for (String n : names) if (n.matches("Crystal\\d+\\.(a|b|c|alpha|beta|gamma)")) crystals.add(n.substring(0, n.indexOf('.')));
        if (crystals.size() == nExperiments) return "Crystal" + (e + 1);
        if (crystals.size() == 1) return crystals.iterator().next();
        return null;
    }

    static String f(String fmt, double v) { return String.format(Locale.ROOT, fmt, v); }
}
