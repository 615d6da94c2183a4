package org.xtalkit.display.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.xtalkit.display.Charts;
import org.xtalkit.display.Html;
import org.xtalkit.display.MimeBundle;
import org.xtalkit.display.ResolutionAxis;
import org.xtalkit.integrate.IntegrationReport;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.step.Integrate;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

/**
 * integrate as dials.integrate summarises it (the toolkit's {@link IntegrationReport}): ⟨I/σ⟩ of
 * summation and profile fitting by resolution and by image, as plots and tables.
 */
public final class IntegrateDisplay {
    private IntegrateDisplay() {}

    /** Resolution shells of the summary (equal reciprocal volume), as dials.integrate prints. */
    static final int SHELLS = 20;

    public static MimeBundle bundle(Integrate.Result r) {
        StringBuilder t = new StringBuilder();
        for (IntegrationReport rep : r.reports()) t.append(String.join("\n", rep.resolutionTable())).append('\n');
        return MimeBundle.html(html(r.experiments(), r.reflections(), r.reports()), t.toString());
    }

    /** From files (the report): the summaries are computed from the table. */
    public static String html(ExperimentList experiments, ReflectionTable t) {
        return html(experiments, t, reports(experiments, t));
    }

    /** One summary per experiment with a scan, or none when the table lacks the integration columns. */
    public static List<IntegrationReport> reports(ExperimentList experiments, ReflectionTable t) {
        List<IntegrationReport> out = new ArrayList<>();
        for (String c : new String[] {"d", "xyzcal.px", "intensity.sum.value", "partiality", "background.mean"}) if (!t.has(c)) return out;
        for (int e = 0; e < experiments.size(); e++)
            if (experiments.get(e).scan() != null) out.add(IntegrationReport.of(t, e, experiments.get(e).scan().numImages(), SHELLS));
        return out;
    }

    static String html(ExperimentList experiments, ReflectionTable t, List<IntegrationReport> reports) {
        StringBuilder b = new StringBuilder();
        int sum = 0, prf = 0;
        for (long f : t.flags()) { if (Flag.INTEGRATED_SUM.isSetIn(f)) sum++; if (Flag.INTEGRATED_PRF.isSetIn(f)) prf++; }
        b.append(String.format(Locale.ROOT, "<p>%d reflections: %d integrated by summation, %d by profile fitting</p>", t.size(), sum, prf));
        for (IntegrationReport rep : reports) {
            if (reports.size() > 1) b.append("<p><b>Experiment ").append(rep.experiment()).append("</b></p>");
            List<String> plots = new ArrayList<>();
            XYChart shells = shellChart(rep.byResolution());
            if (shells != null) plots.add(Charts.img(shells));
            XYChart images = perImageChart(rep.byImage());
            if (images != null) plots.add(Charts.img(images));
            b.append(Html.row(plots));
            b.append(resolutionTable(rep));
            b.append(Html.details("Per-image summary (" + rep.byImage().size() + " images)", imageTable(rep), false));
        }
        return Html.section("Integration", b.toString());
    }

    public static final List<String> RESOLUTION_HEADER = List.of("d_max", "d_min", "# full", "# part", "# over", "# sum", "# prf",
            "Ibg", "<I/sigI> (sum)", "<I/sigI> (prf)", "CC prf", "RMSD XY");
    public static final List<String> IMAGE_HEADER = List.of("image", "# full", "# part", "# over", "# sum", "# prf",
            "Ibg", "<I/sigI> (sum)", "<I/sigI> (prf)", "CC prf", "RMSD XY");

    static String resolutionTable(IntegrationReport rep) {
        List<List<String>> rows = new ArrayList<>();
        for (IntegrationReport.Bin s : rep.byResolution()) rows.add(row(List.of(f("%.2f", s.lo()), f("%.2f", s.hi())), s));
        rows.add(row(List.of(f("%.2f", rep.overall().lo()), f("%.2f", rep.overall().hi())), rep.overall()));
        return Html.table(RESOLUTION_HEADER, rows, "xtalkit-shells", java.util.Set.of(rows.size() - 1));
    }

    static String imageTable(IntegrationReport rep) {
        List<List<String>> rows = new ArrayList<>();
        for (IntegrationReport.Bin s : rep.byImage()) rows.add(row(List.of(Integer.toString((int) s.lo())), s));
        return Html.table(IMAGE_HEADER, rows, "xtalkit-per-image");
    }

    private static List<String> row(List<String> head, IntegrationReport.Bin s) {
        List<String> r = new ArrayList<>(head);
        r.addAll(List.of(Integer.toString(s.full()), Integer.toString(s.partial()), Integer.toString(s.overloaded()),
                Integer.toString(s.summed()), Integer.toString(s.fitted()), f("%.2f", s.background()), f("%.2f", s.ioSigmaSum()),
                f("%.2f", s.ioSigmaPrf()), f("%.2f", s.ccPrf()), f("%.2f", s.rmsdXy())));
        return r;
    }

    /** ⟨I/σ⟩ against resolution, each shell at its middle in 1/d²; null without integrated reflections. */
    public static XYChart shellChart(List<IntegrationReport.Bin> shells) {
        int n = shells.size();
        if (n == 0) return null;
        double[] x = new double[n], s = new double[n], p = new double[n];
        double top = 0;
        for (int k = 0; k < n; k++) {
            IntegrationReport.Bin sh = shells.get(k);
            x[k] = 0.5 * (ResolutionAxis.x(sh.lo()) + ResolutionAxis.x(sh.hi()));
            s[k] = sh.summed() > 0 ? sh.ioSigmaSum() : Double.NaN;
            p[k] = sh.fitted() > 0 ? sh.ioSigmaPrf() : Double.NaN;
            if (!Double.isNaN(s[k])) top = Math.max(top, s[k]);
            if (!Double.isNaN(p[k])) top = Math.max(top, p[k]);
        }
        XYChart c = Charts.xy("⟨I/σ⟩ by resolution", "resolution (Å)", "⟨I/σ(I)⟩");
        if (PerImage.line(c, "summation", x, s) == null) return null;
        PerImage.line(c, "profile fitting", x, p);
        ResolutionAxis.apply(c, shells.get(0).lo(), shells.get(n - 1).hi(), 0, top * 1.1 + 1e-9);
        return c;
    }

    /** ⟨I/σ⟩ per image; null without integrated reflections. */
    public static XYChart perImageChart(List<IntegrationReport.Bin> images) {
        int n = images.size();
        double[] x = new double[n], s = new double[n], p = new double[n];
        for (int k = 0; k < n; k++) {
            IntegrationReport.Bin b = images.get(k);
            x[k] = b.lo();
            s[k] = b.summed() > 0 ? b.ioSigmaSum() : Double.NaN;
            p[k] = b.fitted() > 0 ? b.ioSigmaPrf() : Double.NaN;
        }
        XYChart c = PerImage.chart("⟨I/σ⟩ per image", "⟨I/σ(I)⟩");
        if (PerImage.line(c, "summation", x, s) == null) return null;
        PerImage.line(c, "profile fitting", x, p);
        c.getStyler().setYAxisMin(0.0);
        return c;
    }

    private static String f(String fmt, double v) { return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, fmt, v); }
}
