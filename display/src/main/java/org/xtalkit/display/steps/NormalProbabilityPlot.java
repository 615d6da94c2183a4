package org.xtalkit.display.steps;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.xtalkit.display.Charts;
import org.xtalkit.merge.Distributions;
import org.xtalkit.merge.ScaledIntensities;
import org.xtalkit.spacegroup.ReciprocalAsu;
import org.xtalkit.spacegroup.SpaceGroup;

/**
 * The normal probability plot of scaled data, as dials.report draws it for the error model: the
 * normalised deviations δ = √((n−1)/n)·(I − ⟨I⟩)/σ of observations in groups of symmetry
 * equivalents (n ≥ 2, ⟨I⟩ their inverse-variance weighted mean), sorted, against the quantiles of
 * the standard normal. Points on the line y = x: the σ describe the scatter of equivalents.
 */
public final class NormalProbabilityPlot {
    private NormalProbabilityPlot() {}

    /** {expected quantiles, sorted δ}, both of length of the observations in groups of two or more. */
    public static double[][] deviations(ScaledIntensities data, SpaceGroup sg) {
        ReciprocalAsu asu = sg.reciprocalAsu();
        int n = data.size();
        int[] o = new int[3], group = new int[n];
        Map<Long, Integer> index = new HashMap<>();
        for (int q = 0; q < n; q++) {
            asu.toAsu(data.hkl()[3 * q], data.hkl()[3 * q + 1], data.hkl()[3 * q + 2], o);
            long key = ((long) (o[0] + 1024) << 22) | ((long) (o[1] + 1024) << 11) | (o[2] + 1024);
            group[q] = index.computeIfAbsent(key, k -> index.size());
        }
        int m = index.size();
        double[] sw = new double[m], swi = new double[m];
        int[] count = new int[m];
        for (int q = 0; q < n; q++) {
            double w = 1 / (data.sigma()[q] * data.sigma()[q]);
            sw[group[q]] += w;
            swi[group[q]] += w * data.i()[q];
            count[group[q]]++;
        }
        double[] delta = new double[n];
        int k = 0;
        for (int q = 0; q < n; q++) {
            int g = group[q], c = count[g];
            if (c < 2) continue;
            delta[k++] = Math.sqrt((c - 1.0) / c) * (data.i()[q] - swi[g] / sw[g]) / data.sigma()[q];
        }
        double[] y = Arrays.copyOf(delta, k);
        Arrays.sort(y);
        double[] x = new double[k];
        for (int j = 0; j < k; j++) x[j] = Distributions.normalQuantile((j + 0.5) / k);
        return new double[][] {x, y};
    }

    /** The plot (at most 2000 points drawn, evenly through the sorted list), or null with fewer than 10 deviations. */
    public static XYChart chart(ScaledIntensities data, SpaceGroup sg) {
        double[][] d = deviations(data, sg);
        int n = d[0].length;
        if (n < 10) return null;
        int step = Math.max(1, n / 2000);
        int m = (n + step - 1) / step;
        double[] x = new double[m], y = new double[m];
        for (int j = 0, k = 0; j < n; j += step, k++) { x[k] = d[0][j]; y[k] = Math.max(-10, Math.min(10, d[1][j])); }
        XYChart c = Charts.xy("Normal probability plot", "expected normal quantile", "normalised deviation δ");
        XYSeries s = c.addSeries("δ of " + n + " observations", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarkerColor(new java.awt.Color(0x1f77b4));
        XYSeries line = c.addSeries("y = x", new double[] {-4, 4}, new double[] {-4, 4});
        line.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        line.setLineColor(java.awt.Color.GRAY);
        c.getStyler().setMarkerSize(3);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        return c;
    }
}
