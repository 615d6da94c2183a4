package org.xtalkit.display.steps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.xtalkit.display.Charts;
import org.xtalkit.display.Html;
import org.xtalkit.display.MimeBundle;
import org.xtalkit.display.ResolutionAxis;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.step.Integrate;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

/**
 * integrate: ⟨I/σ⟩ of summation and profile fitting in resolution shells (the ten equal-count
 * shells of dials.integrate's summary) and per image, as tables and plots.
 */
public final class IntegrateDisplay {
    private IntegrateDisplay() {}

    /** One resolution shell: d range, integrated count, mean I/σ (sum, prf; NaN where none). */
    public record Shell(double dMax, double dMin, int n, double iOverSigmaSum, double iOverSigmaPrf) {}

    public static MimeBundle bundle(Integrate.Result r) {
        List<Shell> s = shells(r.reflections());
        StringBuilder t = new StringBuilder(" d_max  d_min   #obs   <I/sigI> (sum)   <I/sigI> (prf)\n");
        for (Shell x : s) t.append(String.format(Locale.ROOT, "%6.2f %6.2f %6d %16.2f %16.2f%n", x.dMax, x.dMin, x.n, x.iOverSigmaSum, x.iOverSigmaPrf));
        return MimeBundle.html(html(r.experiments(), r.reflections()), t.toString());
    }

    public static String html(ExperimentList experiments, ReflectionTable t) {
        StringBuilder b = new StringBuilder();
        long[] flags = t.flags();
        int sum = 0, prf = 0;
        for (long f : flags) { if (Flag.INTEGRATED_SUM.isSetIn(f)) sum++; if (Flag.INTEGRATED_PRF.isSetIn(f)) prf++; }
        b.append(String.format(Locale.ROOT, "<p>%d reflections: %d integrated by summation, %d by profile fitting</p>", t.size(), sum, prf));
        List<Shell> shells = shells(t);
        List<String> plots = new ArrayList<>();
        if (!shells.isEmpty()) plots.add(Charts.img(shellChart(shells)));
        for (int e = 0; e < experiments.size(); e++) {
            XYChart c = perImageChart(experiments.get(e), t, e);
            if (c != null) plots.add(Charts.img(c));
        }
        b.append(Html.row(plots));
        b.append(shellTable(shells));
        for (int e = 0; e < experiments.size(); e++) {
            double[][] p = perImage(experiments.get(e), t, e);
            if (p != null) b.append(Html.details("Per-image ⟨I/σ⟩" + (experiments.size() > 1 ? " (experiment " + e + ")" : "")
                    + " (" + p[0].length + " images)", perImageTable(p), false));
        }
        return Html.section("Integration", b.toString());
    }

    public static final List<String> HEADER = List.of("d_max", "d_min", "#obs", "<I/sigI> (sum)", "<I/sigI> (prf)");

    static String shellTable(List<Shell> shells) {
        List<List<String>> rows = new ArrayList<>();
        for (Shell s : shells)
            rows.add(List.of(f("%.2f", s.dMax), f("%.2f", s.dMin), Integer.toString(s.n), f("%.2f", s.iOverSigmaSum),
                    Double.isNaN(s.iOverSigmaPrf) ? "-" : f("%.2f", s.iOverSigmaPrf)));
        return Html.table(HEADER, rows, "xtalkit-shells");
    }

    /** Ten equal-count shells of the reflections integrated by summation, low resolution first. */
    public static List<Shell> shells(ReflectionTable t) {
        if (!t.has("d") || !t.has("intensity.sum.value")) return List.of();
        double[] d = t.doubles("d"), i = t.doubles("intensity.sum.value"), v = t.doubles("intensity.sum.variance");
        boolean hasPrf = t.has("intensity.prf.value");
        double[] ip = hasPrf ? t.doubles("intensity.prf.value") : null, vp = hasPrf ? t.doubles("intensity.prf.variance") : null;
        long[] flags = t.flags();
        double[] ds = new double[t.size()];
        int n = 0;
        for (int k = 0; k < t.size(); k++) if (Flag.INTEGRATED_SUM.allSetIn(flags[k])) ds[n++] = d[k];
        if (n == 0) return List.of();
        double[] sorted = Arrays.copyOf(ds, n);
        Arrays.sort(sorted);
        int nShells = Math.min(10, n);
        List<Shell> out = new ArrayList<>();
        for (int s = nShells - 1; s >= 0; s--) {
            double lo = sorted[s * n / nShells], hi = s == nShells - 1 ? Double.POSITIVE_INFINITY : sorted[(s + 1) * n / nShells];
            double sum = 0, sumP = 0;
            int c = 0, cp = 0;
            for (int k = 0; k < t.size(); k++) {
                if (!Flag.INTEGRATED_SUM.allSetIn(flags[k]) || d[k] < lo || d[k] >= hi || v[k] <= 0) continue;
                sum += i[k] / Math.sqrt(v[k]);
                c++;
                if (hasPrf && Flag.INTEGRATED_PRF.allSetIn(flags[k]) && vp[k] > 0) { sumP += ip[k] / Math.sqrt(vp[k]); cp++; }
            }
            out.add(new Shell(Double.isInfinite(hi) ? sorted[n - 1] : hi, lo, c, c > 0 ? sum / c : Double.NaN, cp > 0 ? sumP / cp : Double.NaN));
        }
        return out;
    }

    /** ⟨I/σ⟩ against resolution, points at each shell's middle in 1/d². */
    public static XYChart shellChart(List<Shell> shells) {
        int n = shells.size();
        double[] x = new double[n], s = new double[n], p = new double[n];
        double top = 0;
        for (int k = 0; k < n; k++) {
            Shell sh = shells.get(k);
            x[k] = 0.5 * (ResolutionAxis.x(sh.dMax) + ResolutionAxis.x(sh.dMin));
            s[k] = sh.iOverSigmaSum;
            p[k] = sh.iOverSigmaPrf;
            top = Math.max(top, Math.max(Double.isNaN(s[k]) ? 0 : s[k], Double.isNaN(p[k]) ? 0 : p[k]));
        }
        XYChart c = Charts.xy("⟨I/σ⟩ by resolution", "resolution (Å)", "⟨I/σ(I)⟩");
        PerImage.line(c, "summation", x, s);
        PerImage.line(c, "profile fitting", x, p);
        ResolutionAxis.apply(c, shells.get(0).dMax, shells.get(n - 1).dMin, 0, top * 1.1 + 1e-9);
        return c;
    }

    /**
     * Per image (frame of the calculated centroid): {image, ⟨I/σ⟩ sum, count sum, ⟨I/σ⟩ prf, count prf},
     * or null without the columns.
     */
    public static double[][] perImage(Experiment x, ReflectionTable t, int e) {
        if (x.scan() == null || !t.has("xyzcal.px") || !t.has("intensity.sum.value") || !t.has("id")) return null;
        int m = t.size();
        double[] cal = t.vec3("xyzcal.px"), i = t.doubles("intensity.sum.value"), v = t.doubles("intensity.sum.variance");
        boolean hasPrf = t.has("intensity.prf.value");
        double[] ip = hasPrf ? t.doubles("intensity.prf.value") : null, vp = hasPrf ? t.doubles("intensity.prf.variance") : null;
        int[] id = t.ints("id");
        long[] flags = t.flags();
        double[] z = new double[m], is = new double[m], iprf = new double[m];
        boolean[] useS = new boolean[m], useP = new boolean[m];
        for (int k = 0; k < m; k++) {
            z[k] = cal[3 * k + 2];
            useS[k] = id[k] == e && Flag.INTEGRATED_SUM.allSetIn(flags[k]) && v[k] > 0;
            is[k] = useS[k] ? i[k] / Math.sqrt(v[k]) : 0;
            useP[k] = hasPrf && id[k] == e && Flag.INTEGRATED_PRF.allSetIn(flags[k]) && vp[k] > 0;
            iprf[k] = useP[k] ? ip[k] / Math.sqrt(vp[k]) : 0;
        }
        int first = x.scan().firstImage(), n = x.scan().numImages();
        double[][] ms = PerImage.means(z, useS, is, first, n), mp = PerImage.means(z, useP, iprf, first, n);
        return new double[][] {ms[0], ms[1], ms[2], mp[1], mp[2]};
    }

    /** ⟨I/σ⟩ per image, or null without the columns or integrated reflections. */
    public static XYChart perImageChart(Experiment x, ReflectionTable t, int e) {
        double[][] p = perImage(x, t, e);
        if (p == null) return null;
        XYChart c = PerImage.chart("⟨I/σ⟩ per image", "⟨I/σ(I)⟩");
        if (PerImage.line(c, "summation", p[0], p[1]) == null) return null;
        if (t.has("intensity.prf.value")) PerImage.line(c, "profile fitting", p[0], p[3]);
        c.getStyler().setYAxisMin(0.0);
        return c;
    }

    public static final List<String> IMAGE_HEADER = List.of("image", "#sum", "<I/sigI> (sum)", "#prf", "<I/sigI> (prf)");

    static String perImageTable(double[][] p) {
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < p[0].length; k++)
            rows.add(List.of(Integer.toString((int) p[0][k]), Integer.toString((int) p[2][k]), Double.isNaN(p[1][k]) ? "-" : f("%.2f", p[1][k]),
                    Integer.toString((int) p[4][k]), Double.isNaN(p[3][k]) ? "-" : f("%.2f", p[3][k])));
        return Html.table(IMAGE_HEADER, rows, "xtalkit-per-image");
    }

    private static String f(String fmt, double v) { return String.format(Locale.ROOT, fmt, v); }
}
