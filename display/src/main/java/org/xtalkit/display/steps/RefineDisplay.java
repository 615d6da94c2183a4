package org.xtalkit.display.steps;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.xtalkit.display.Charts;
import org.xtalkit.display.Html;
import org.xtalkit.display.MimeBundle;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Scan;
import org.xtalkit.refine.Refiner;
import org.xtalkit.refine.RmsdSummary;
import org.xtalkit.step.Refine;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

/**
 * refine: the RMSDs before and after each macro-cycle (dials.refine's tables), the refined crystal,
 * and for scan-varying models the unit cell (a b c α β γ) and the RMSDs (X, Y, φ) per image, as
 * dials.report plots them.
 */
public final class RefineDisplay {
    private RefineDisplay() {}

    public static MimeBundle bundle(Refine.Result r) {
        StringBuilder text = new StringBuilder();
        int n = r.experiments().size();
        for (Refiner.Macrocycle m : r.refinement().macrocycles())
            for (int e = 0; e < n; e++)
                text.append(m.kind()).append(n > 1 ? " experiment " + e : "").append(": ").append(rmsdText(m.initial().get(e)))
                        .append(" -> ").append(rmsdText(m.last().get(e))).append('\n');
        return MimeBundle.html(html(r), text.toString());
    }

    public static String html(Refine.Result r) {
        StringBuilder b = new StringBuilder();
        Refiner.Result p = r.refinement();
        for (int e = 0; e < r.experiments().size(); e++) b.append(macrocycleTable(p.macrocycles(), e));
        List<double[]> esds = new ArrayList<>();
        for (int e = 0; e < r.experiments().size(); e++) {
            var crystal = r.experiments().get(e).crystal();
            String label = CrystalCard.crystalLabel(p.parameterNames(), e, r.experiments().size());
            esds.add(crystal == null || label == null ? null : CrystalCard.cellEsds(p.parameterNames(), p.parameterEsds(), crystal.unitCell(), label));
        }
        b.append(body(r.experiments(), r.reflections(), esds));
        return Html.section("Refinement", b.toString());
    }

    /** From files (the report): refined.expt and refined.refl, no macro-cycle history. */
    public static String html(ExperimentList experiments, ReflectionTable refined) {
        StringBuilder b = new StringBuilder();
        for (int e = 0; e < experiments.size(); e++) {
            double[] rm = Rmsds.of(refined, e, Flag.USED_IN_REFINEMENT);
            if (rm == null) continue;
            b.append(Html.table(List.of("experiment", "RMSD X (px)", "RMSD Y (px)", "RMSD Z (images)"),
                    List.of(List.of(Integer.toString(e), CrystalCard.f("%.4f", rm[0]), CrystalCard.f("%.4f", rm[1]),
                            CrystalCard.f("%.4f", rm[2]))), "xtalkit-rmsd"));
        }
        b.append(body(experiments, refined, List.of()));
        return Html.section("Refinement", b.toString());
    }

    public static final List<String> HEADER = List.of("macro-cycle", "Nref", "RMSD X (px) initial", "final",
            "RMSD Y (px) initial", "final", "RMSD Z (images) initial", "final", "iterations", "outliers");

    static String macrocycleTable(List<Refiner.Macrocycle> cycles, int e) {
        List<List<String>> rows = new ArrayList<>();
        for (Refiner.Macrocycle m : cycles) {
            RmsdSummary a = m.initial().get(e), z = m.last().get(e);
            rows.add(List.of(m.kind(), Integer.toString(z.nref()), CrystalCard.f("%.4f", a.rmsdXpx()),
                    CrystalCard.f("%.4f", z.rmsdXpx()), CrystalCard.f("%.4f", a.rmsdYpx()),
                    CrystalCard.f("%.4f", z.rmsdYpx()), CrystalCard.f("%.4f", a.rmsdZimages()),
                    CrystalCard.f("%.4f", z.rmsdZimages()), Integer.toString(m.iterations()), Integer.toString(m.outliers()[e])));
        }
        return Html.table(HEADER, rows, "xtalkit-rmsd");
    }

    private static String body(ExperimentList experiments, ReflectionTable refl, List<double[]> esds) {
        StringBuilder b = new StringBuilder();
        List<String> cards = new ArrayList<>();
        for (int e = 0; e < experiments.size(); e++)
            if (experiments.get(e).crystal() != null)
                cards.add(CrystalCard.html("Refined crystal " + (e + 1), experiments.get(e).crystal(), e < esds.size() ? esds.get(e) : null));
        b.append(Html.row(cards));
        for (int e = 0; e < experiments.size(); e++) {
            Experiment x = experiments.get(e);
            List<String> plots = new ArrayList<>();
            if (x.crystal() != null && x.crystal().isScanVarying() && x.scan() != null) for (XYChart ch : cellDrift(x)) plots.add(Charts.img(ch));
            XYChart[] rm = rmsdPerImage(x, refl, e);
            if (rm != null) for (XYChart c : rm) plots.add(Charts.img(c));
            b.append(Html.row(plots));
        }
        return b.toString();
    }

    /** a, b, c (Å) and α, β, γ (°) at each scan point, as dials.report's unit-cell plots: two charts. */
    public static XYChart[] cellDrift(Experiment x) {
        Crystal c = x.crystal();
        Scan s = x.scan();
        int n = c.aAtScanPoints().size();
        double[] img = new double[n];
        double[][] p = new double[6][n];
        for (int i = 0; i < n; i++) {
            img[i] = s.firstImage() + i;   // scan point i: the start of image firstImage + i (the last: the end of the scan)
            double[] v = Crystal.fromA(c.AAtScanPoint(i), c.spaceGroupHall()).unitCell().toArray();
            for (int k = 0; k < 6; k++) p[k][i] = v[k];
        }
        XYChart lengths = PerImage.chart("Unit cell lengths per image (scan-varying)", "length (Å)");
        XYChart angles = PerImage.chart("Unit cell angles per image (scan-varying)", "angle (°)");
        String[] names = {"a", "b", "c", "α", "β", "γ"};
        for (int k = 0; k < 6; k++) PerImage.line(k < 3 ? lengths : angles, names[k], img, p[k]);
        PerImage.minimumSpan(lengths, new double[][] {p[0], p[1], p[2]}, 0.1);
        PerImage.minimumSpan(angles, new double[][] {p[3], p[4], p[5]}, 0.1);
        return new XYChart[] {lengths, angles};
    }

    /**
     * RMSD per image in X, Y (px) and φ (images) of the reflections used in refinement, or null when
     * the table has no calculated centroids. Two charts: positional and rotational.
     */
    public static XYChart[] rmsdPerImage(Experiment x, ReflectionTable t, int e) {
        boolean[] use = Rmsds.rows(t, e, Flag.USED_IN_REFINEMENT);
        if (use == null || x.scan() == null) return null;
        double[] obs = t.vec3("xyzobs.px.value"), cal = t.vec3("xyzcal.px");
        int m = t.size();
        double[] z = new double[m], dx = new double[m], dy = new double[m], dz = new double[m];
        for (int i = 0; i < m; i++) {
            z[i] = obs[3 * i + 2];
            dx[i] = cal[3 * i] - obs[3 * i];
            dy[i] = cal[3 * i + 1] - obs[3 * i + 1];
            dz[i] = cal[3 * i + 2] - obs[3 * i + 2];
        }
        int first = x.scan().firstImage(), n = x.scan().numImages();
        double[][] rx = PerImage.rms(z, use, dx, first, n), ry = PerImage.rms(z, use, dy, first, n), rz = PerImage.rms(z, use, dz, first, n);
        XYChart xy = PerImage.chart("RMSD X, Y per image", "RMSD (px)");
        if (PerImage.line(xy, "X", rx[0], rx[1]) == null) return null;
        PerImage.line(xy, "Y", ry[0], ry[1]);
        xy.getStyler().setYAxisMin(0.0);
        XYChart phi = PerImage.chart("RMSD φ per image", "RMSD (images)");
        PerImage.line(phi, "φ", rz[0], rz[1]);
        phi.getStyler().setYAxisMin(0.0);
        phi.getStyler().setLegendVisible(false);
        return new XYChart[] {xy, phi};
    }

    private static String rmsdText(RmsdSummary s) {
        return String.format(java.util.Locale.ROOT, "%d refl, %.4f px, %.4f px, %.4f images", s.nref(), s.rmsdXpx(), s.rmsdYpx(), s.rmsdZimages());
    }
}
