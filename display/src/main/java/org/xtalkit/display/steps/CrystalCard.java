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
        UnitCell u = c.unitCell();
        List<List<String>> cell = List.of(
                List.of("a, b, c (Å)", f("%.4f", u.a()), f("%.4f", u.b()), f("%.4f", u.c())),
                List.of("α, β, γ (°)", f("%.3f", u.alpha()), f("%.3f", u.beta()), f("%.3f", u.gamma())),
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

    static String f(String fmt, double v) { return String.format(Locale.ROOT, fmt, v); }
}
