package org.xtalkit.display.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.xtalkit.display.Charts;
import org.xtalkit.display.Html;
import org.xtalkit.display.MimeBundle;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.scale.BasicErrorModel;
import org.xtalkit.scale.ScalingModel;
import org.xtalkit.scale.Scaler;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

/**
 * scale as dials.scale and dials.report show it: the scale (C) and decay (B) terms of the model
 * against image, the mean inverse scale factor applied per image, and the error model.
 */
public final class ScaleDisplay {
    private ScaleDisplay() {}

    public static MimeBundle bundle(Scaler.Result r) {
        return MimeBundle.html(html(r.experiments(), r.reflections(), r.models(), r.errorModel()),
                String.join("\n", r.errorModel().format()));
    }

    /** From files (the report): the models are read back from scaled.expt. */
    public static String html(ExperimentList experiments, ReflectionTable scaled) {
        List<ScalingModel> models = new ArrayList<>();
        for (Experiment e : experiments)
            models.add(e.scalingModelJson() == null || e.scan() == null ? null : ScalingModel.fromJson(e.scalingModelJson(), e.scan()));
        return html(experiments, scaled, models, null);
    }

    /** @param errorModel the fit, or null to take a and b from each experiment's scaling_model */
    public static String html(ExperimentList experiments, ReflectionTable t, List<ScalingModel> models, BasicErrorModel.Fit errorModel) {
        StringBuilder b = new StringBuilder();
        for (int e = 0; e < experiments.size(); e++) {
            Experiment x = experiments.get(e);
            if (x.scan() == null) continue;
            List<String> plots = new ArrayList<>();
            ScalingModel m = e < models.size() ? models.get(e) : null;
            double[] zRange = zRange(t, e);
            if (m != null && zRange != null) for (XYChart ch : modelCharts(x, m, zRange)) plots.add(Charts.img(ch));
            XYChart inv = inverseScalePerImage(x, t, e);
            if (inv != null) plots.add(Charts.img(inv));
            java.awt.image.BufferedImage abs = m == null ? null : AbsorptionSurface.picture(m);
            if (abs != null) plots.add(Html.img(org.xtalkit.display.Displays.pngBytes(abs), "absorption surface"));
            if (experiments.size() > 1) b.append("<p><b>Experiment ").append(e).append("</b></p>");
            b.append(Html.row(plots));
        }
        b.append(errorModelHtml(errorModel, experiments));
        XYChart npp = normalProbability(experiments, t);
        if (npp != null) b.append(Html.row(List.of(Charts.img(npp))));
        return Html.section("Scaling", b.toString());
    }

    /** The normal probability plot of the scaled intensities, or null when the table is not scaled. */
    static XYChart normalProbability(ExperimentList experiments, ReflectionTable t) {
        if (!t.has("intensity.scale.value") || !t.has("inverse_scale_factor") || experiments.isEmpty() || experiments.get(0).crystal() == null)
            return null;
        var data = org.xtalkit.merge.ScaledIntensities.select(t, 0, 0, 0.4, true);
        return NormalProbabilityPlot.chart(data, org.xtalkit.spacegroup.SpaceGroup.fromHall(experiments.get(0).crystal().spaceGroupHall()));
    }

    /** Frame range {min, max} of experiment e's observations used in scaling, or null. */
    static double[] zRange(ReflectionTable t, int e) {
        if (!t.has("xyzobs.px.value") || !t.has("id")) return null;
        double[] xyz = t.vec3("xyzobs.px.value");
        int[] id = t.ints("id");
        long[] flags = t.flags();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.size(); i++) {
            if (id[i] != e || Flag.BAD_FOR_SCALING.isSetIn(flags[i])) continue;
            lo = Math.min(lo, xyz[3 * i + 2]);
            hi = Math.max(hi, xyz[3 * i + 2]);
        }
        return hi >= lo ? new double[] {lo, hi} : null;
    }

    /** The scale term C and the decay term B (Å²) against image, as dials.report plots the physical model. */
    public static XYChart[] modelCharts(Experiment x, ScalingModel m, double[] zRange) {
        // at the centre of every image the observations span (DIALS frame z lies on image floor(z) + 1)
        int firstImg = (int) Math.floor(zRange[0]) + 1, lastImg = (int) Math.floor(zRange[1]) + 1, n = lastImg - firstImg + 1;
        double[] z = new double[n], img = new double[n];
        for (int i = 0; i < n; i++) {
            img[i] = firstImg + i;
            z[i] = Math.max(0, Math.min(zRange[1] - zRange[0], img[i] - 0.5 - zRange[0]));
        }
        double[][] cb = m.scaleAndDecay(zRange[1] - zRange[0], z);
        XYChart scale = PerImage.chart("Scale term against image", "scale term C");
        PerImage.line(scale, "C", img, cb[0]);
        XYChart decay = PerImage.chart("Decay term against image", "B (Å²)");
        PerImage.line(decay, "B", img, cb[1]);
        for (XYChart c : new XYChart[] {scale, decay}) {
            c.getStyler().setLegendVisible(false);
            c.getStyler().setYAxisDecimalPattern("0.000");
        }
        return new XYChart[] {scale, decay};
    }

    /** Mean inverse_scale_factor of the reflections kept in scaling, per image. */
    public static XYChart inverseScalePerImage(Experiment x, ReflectionTable t, int e) {
        if (!t.has("inverse_scale_factor") || !t.has("xyzobs.px.value") || !t.has("id")) return null;
        double[] g = t.doubles("inverse_scale_factor"), xyz = t.vec3("xyzobs.px.value");
        int[] id = t.ints("id");
        long[] flags = t.flags();
        double[] z = new double[t.size()];
        boolean[] use = new boolean[t.size()];
        for (int i = 0; i < t.size(); i++) {
            z[i] = xyz[3 * i + 2];
            use[i] = id[i] == e && !Flag.BAD_FOR_SCALING.isSetIn(flags[i]) && g[i] > 0;
        }
        double[][] mean = PerImage.means(z, use, g, x.scan().firstImage(), x.scan().numImages());
        XYChart c = PerImage.chart("Inverse scale factor per image", "mean inverse_scale_factor");
        c.getStyler().setLegendVisible(false);
        return PerImage.line(c, "inverse_scale_factor", mean[0], mean[1]) == null ? null : c;
    }

    static String errorModelHtml(BasicErrorModel.Fit fit, ExperimentList experiments) {
        double a = Double.NaN, bb = Double.NaN;
        if (fit != null) { a = Math.abs(fit.a()); bb = Math.abs(fit.b()); }
        else for (Experiment e : experiments) {
            double[] ab = errorModelParameters(e.scalingModelJson());
            if (ab != null) { a = ab[0]; bb = ab[1]; break; }
        }
        if (Double.isNaN(a)) return "";
        StringBuilder b = new StringBuilder("<p><b>Error model</b> (basic: σ'² = a²(σ² + (bI)²))</p>");
        // DIALS' estimate of the best I/σ the data can reach, 1/(ab); a b that refined to zero puts no limit
        String limit = a * bb > 1e-6 ? f("%.1f", 1 / (a * bb)) : "none (b ≈ 0)";
        b.append(Html.table(List.of("a", "b", "I/σ asymptotic limit"), List.of(List.of(f("%.5f", a), f("%.5f", bb), limit)), "xtalkit-error-model"));
        if (fit != null && fit.refined() && fit.binCounts() != null) {
            List<List<String>> rows = new ArrayList<>();
            for (int k = 0; k < fit.binCounts().length; k++)
                rows.add(List.of(f("%.2f", fit.binBounds()[k]) + " - " + f("%.2f", fit.binBounds()[k + 1]), Integer.toString(fit.binCounts()[k]),
                        f("%.3f", fit.uncorrected()[k]), f("%.3f", fit.corrected()[k])));
            b.append(Html.row(List.of(Html.table(List.of("Intensity range (<Ih>)", "n_refl", "Uncorrected variance", "Corrected variance"),
                    rows, "xtalkit-error-bins"), Charts.img(errorModelChart(fit)))));
        }
        return b.toString();
    }

    /**
     * Variance of the normalised deviations per intensity bin before and after the error model
     * (1 is the target: the corrected σ describe the spread of symmetry equivalents).
     */
    public static XYChart errorModelChart(BasicErrorModel.Fit fit) {
        int n = fit.binCounts().length;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) x[k] = Math.log10(Math.max(1e-3, Math.sqrt(Math.max(1e-6, fit.binBounds()[k]) * Math.max(1e-6, fit.binBounds()[k + 1]))));
        XYChart c = Charts.xy("Error model: variance of normalised deviations", "log10 ⟨Ih⟩ (bin centre)", "variance of δ");
        PerImage.line(c, "uncorrected", x, fit.uncorrected());
        PerImage.line(c, "corrected (a, b)", x, fit.corrected());
        PerImage.line(c, "target", new double[] {x[0], x[n - 1]}, new double[] {1, 1});
        c.getStyler().setYAxisMin(0.0);
        return c;
    }

    /** {a, b} from a scaling_model JSON's configuration_parameters, or null. */
    static double[] errorModelParameters(String json) {
        if (json == null) return null;
        try {
            var p = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("configuration_parameters").path("error_model_parameters");
            return p.size() == 2 ? new double[] {Math.abs(p.get(0).asDouble()), Math.abs(p.get(1).asDouble())} : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String f(String fmt, double v) { return String.format(Locale.ROOT, fmt, v); }
}
