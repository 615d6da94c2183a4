package org.xtalkit.display.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.xtalkit.display.Charts;
import org.xtalkit.display.Html;
import org.xtalkit.display.MimeBundle;
import org.xtalkit.display.ResolutionAxis;
import org.xtalkit.merge.MergingStatisticsResult;
import org.xtalkit.merge.ShellStatistics;

/**
 * Merging statistics as dials.merge and dials.report give them: the table by resolution shell with
 * the overall row, the summary, and CC½, ⟨I/σ⟩, completeness and multiplicity against resolution.
 */
public final class MergeDisplay {
    private MergeDisplay() {}

    public static MimeBundle bundle(MergingStatisticsResult r) {
        return MimeBundle.html(html(r), String.join("\n", r.format()));
    }

    public static final List<String> HEADER = List.of("d_max", "d_min", "#obs", "#uniq", "mult.", "%comp", "<I>", "<I/sI>",
            "r_mrg", "r_meas", "r_pim", "cc1/2", "cc_ano");

    public static String html(MergingStatisticsResult r) {
        StringBuilder b = new StringBuilder();
        ShellStatistics o = r.overall();
        b.append(String.format(Locale.ROOT, "<p>%.2f–%.2f Å: CC½ %.3f, ⟨I/σ⟩ %.1f, completeness %.1f %%, multiplicity %.1f, "
                        + "Rpim %.3f. Resolution limit suggested from the CC½ fit (CC½ = 0.3): %.2f Å</p>",
                o.dMax(), o.dMin(), o.ccHalf(), o.meanIOverSigma(), 100 * o.completeness(), o.multiplicity(), o.rPim(), r.suggestedDMin()));
        b.append(Html.row(List.of(Charts.img(ccHalfChart(r)), Charts.img(iOverSigmaChart(r)),
                Charts.img(completenessChart(r)), Charts.img(multiplicityChart(r)), Charts.img(rFactorChart(r)))));
        List<List<String>> rows = new ArrayList<>();
        for (ShellStatistics s : r.shells()) rows.add(row(s));
        rows.add(row(o));
        b.append("<p><b>Merging statistics by resolution bin</b> (last row: overall; * CC½ significant at 0.1 %)</p>");
        b.append(Html.table(HEADER, rows, "xtalkit-merging", java.util.Set.of(rows.size() - 1)));
        return Html.section("Merging statistics", b.toString());
    }

    static List<String> row(ShellStatistics s) {
        return List.of(f("%.2f", s.dMax()), f("%.2f", s.dMin()), Long.toString(s.nObs()), Long.toString(s.nUniq()),
                f("%.2f", s.multiplicity()), f("%.2f", 100 * s.completeness()), f("%.1f", s.meanI()), f("%.1f", s.meanIOverSigma()),
                f("%.3f", s.rMerge()), f("%.3f", s.rMeas()), f("%.3f", s.rPim()), f("%.3f", s.ccHalf()) + (s.ccHalfSignificant() ? "*" : ""),
                f("%.3f", s.ccAnom()));
    }

    public static XYChart ccHalfChart(MergingStatisticsResult r) {
        double[] anom = values(r, ShellStatistics::ccAnom);
        XYChart c = shellChart(r, "CC½ by resolution", "CC", ShellStatistics::ccHalf, "CC½", Math.max(-1, min(anom)), 1.05);
        PerImage.line(c, "CC anom", centres(r), anom);
        c.getStyler().setLegendVisible(true);
        return c;
    }

    public static XYChart iOverSigmaChart(MergingStatisticsResult r) {
        return shellChart(r, "⟨I/σ⟩ by resolution", "⟨I/σ(I)⟩", ShellStatistics::meanIOverSigma, "⟨I/σ⟩", 0, Double.NaN);
    }

    public static XYChart completenessChart(MergingStatisticsResult r) {
        return shellChart(r, "Completeness by resolution", "completeness (%)", s -> 100 * s.completeness(), "completeness", 0, 105);
    }

    public static XYChart multiplicityChart(MergingStatisticsResult r) {
        return shellChart(r, "Multiplicity by resolution", "multiplicity", ShellStatistics::multiplicity, "multiplicity", 0, Double.NaN);
    }

    /** Rmerge, Rmeas and Rpim by resolution. */
    public static XYChart rFactorChart(MergingStatisticsResult r) {
        double[] meas = values(r, ShellStatistics::rMeas);
        double top = 0;
        for (double v : meas) if (!Double.isNaN(v) && !Double.isInfinite(v)) top = Math.max(top, v);
        XYChart c = shellChart(r, "R-factors by resolution", "R", ShellStatistics::rMeas, "Rmeas", 0, top * 1.1 + 1e-9);
        PerImage.line(c, "Rmerge", centres(r), values(r, ShellStatistics::rMerge));
        PerImage.line(c, "Rpim", centres(r), values(r, ShellStatistics::rPim));
        c.getStyler().setLegendVisible(true);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        return c;
    }

    /** One quantity per shell at the shell's middle in 1/d², with d ticks; yMax NaN: from the data. */
    static XYChart shellChart(MergingStatisticsResult r, String title, String yTitle, ToDoubleFunction<ShellStatistics> q,
                              String name, double yMin, double yMax) {
        XYChart c = Charts.xy(title, "resolution (Å)", yTitle);
        double[] y = values(r, q);
        PerImage.line(c, name, centres(r), y);
        c.getStyler().setLegendVisible(false);   // one series: the title says what it is
        double top = yMax;
        if (Double.isNaN(top)) {
            top = 0;
            for (double v : y) if (!Double.isNaN(v)) top = Math.max(top, v);
            top = top * 1.1 + 1e-9;
        }
        List<ShellStatistics> s = r.shells();
        ResolutionAxis.apply(c, s.get(0).dMax(), s.get(s.size() - 1).dMin(), Math.min(yMin, min(y)), top);
        return c;
    }

    private static double min(double[] y) {
        double m = 0;
        for (double v : y) if (!Double.isNaN(v)) m = Math.min(m, v);
        return m < 0 ? m * 1.1 : 0;
    }

    static double[] centres(MergingStatisticsResult r) {
        return r.shells().stream().mapToDouble(s -> 0.5 * (ResolutionAxis.x(s.dMax()) + ResolutionAxis.x(s.dMin()))).toArray();
    }

    static double[] values(MergingStatisticsResult r, ToDoubleFunction<ShellStatistics> q) {
        return r.shells().stream().mapToDouble(q).toArray();
    }

    private static String f(String fmt, double v) { return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, fmt, v); }
}
