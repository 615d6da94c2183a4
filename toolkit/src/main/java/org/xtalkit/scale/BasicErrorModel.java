package org.xtalkit.scale;

import org.xtalkit.merge.Distributions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DIALS' basic error model σ'² = a²(σ² + (bI)²), refined as dials.scale does (minimisation=
 * individual): a from the slope of the normal probability plot of the central (|x| &lt; 1.5)
 * normalised deviations δ = √((n−1)/n)(I/g − Ih)/σ', b so that the variances of δ in intensity
 * bins approach 1 (target Σ⟨I⟩((½ − v)² + 1/v − 5/4)), alternating until a settles within 1 %.
 * Only groups with ⟨I/σ²⟩ &gt; 0.85, n &gt; 1, g·Ih &gt; min_Ih, I &gt; 0.001 and a sane internal
 * variance enter; fewer than 250 observations leave the model at its start (a = 1, b = 0.02).
 */
public final class BasicErrorModel {
    public static final int MIN_REFLECTIONS = 250;

    /** The refined parameters and the binned variances before and after, for the log. */
    public record Fit(double a, double b, boolean refined, double[] binBounds, int[] binCounts,
                      double[] uncorrected, double[] corrected) {
        public List<String> format() {
            List<String> out = new ArrayList<>();
            out.add("Error model details:");
            out.add("  Type: basic");
            out.add(String.format("  Parameters: a = %.5f, b = %.5f", Math.abs(a), Math.abs(b)));
            out.add("  Error model formula: σ'² = a²(σ² + (bI)²)");
            double ab = Math.abs(a * b);
            out.add("  estimated I/sigma asymptotic limit: " + (ab > 0 ? String.format("%.3f", 1 / ab) : "Unable to estimate"));
            if (refined && binCounts != null) {
                out.add("");
                out.add(String.format("%-26s %8s %22s %20s", "Intensity range (<Ih>)", "n_refl", "Uncorrected variance", "Corrected variance"));
                for (int k = 0; k < binCounts.length; k++)
                    out.add(String.format("%-26s %8d %22.3f %20.3f", String.format("%.2f - %.2f", binBounds[k], binBounds[k + 1]),
                            binCounts[k], uncorrected[k], corrected[k]));
            }
            return out;
        }
    }

    private BasicErrorModel() {}

    public static Fit initial() { return new Fit(1.0, 0.02, false, null, null, null, null); }

    /** Refines a and b from observations sel with (corrected) I, raw variance, inverse scale g. */
    static Fit refine(long[] key, int[] sel, double[] i, double[] var, double[] g, double[] partiality, double minIh, int nBins) {
        // groups with ⟨I/σ²⟩ > 0.85
        List<Integer> s = new ArrayList<>();
        for (int o : sel) if (partiality[o] > 0.4) s.add(o);
        Groups gr = Groups.of(key, s.stream().mapToInt(Integer::intValue).toArray());
        double[] ih = new double[i.length], w = new double[i.length];
        for (int o : gr.order()) w[o] = 1 / var[o];
        gr.ih(i, w, g, ih);
        List<Integer> keep = new ArrayList<>();
        for (int h = 0; h < gr.count(); h++) {
            double sum = 0;
            for (int q = gr.start()[h]; q < gr.start()[h + 1]; q++) { int o = gr.order()[q]; sum += i[o] / var[o]; }
            if (sum / gr.size(h) <= 0.85) continue;
            for (int q = gr.start()[h]; q < gr.start()[h + 1]; q++) {
                int o = gr.order()[q];
                if (ih[o] * g[o] > minIh && i[o] > 0.001) keep.add(o);
            }
        }
        gr = Groups.of(key, keep.stream().mapToInt(Integer::intValue).toArray());
        int[] multi = gr.inGroupsOfAtLeast(2);
        gr = Groups.of(key, multi);
        // Ih of the filtered table, then the internal-variance filter
        for (int o : gr.order()) w[o] = 1 / var[o];
        gr.ih(i, w, g, ih);
        double maxMu = 0;
        for (int o : gr.order()) maxMu = Math.max(maxMu, ih[o]);
        List<Integer> sane = new ArrayList<>();
        for (int h = 0; h < gr.count(); h++) {
            int n = gr.size(h);
            double gv = 0, av = 0;
            for (int q = gr.start()[h]; q < gr.start()[h + 1]; q++) {
                int o = gr.order()[q];
                double e = i[o] / g[o] - ih[o];
                gv += e * e;
                av += var[o] / (g[o] * g[o]);
            }
            if ((gv / (n - 1)) / (av / n) < Math.max(50, maxMu / 40)) for (int q = gr.start()[h]; q < gr.start()[h + 1]; q++) sane.add(gr.order()[q]);
        }
        if (sane.size() < MIN_REFLECTIONS) return initial();
        gr = Groups.of(key, sane.stream().mapToInt(Integer::intValue).toArray());
        gr.ih(i, w, g, ih);
        Data dt = new Data(gr, i, var, g, ih);
        Bins bins = Bins.of(dt, MIN_REFLECTIONS, nBins);
        double a = 1.0, b = 0.02;
        double[] uncorrected = bins.variances(dt, 1.0, 0.0);
        List<Double> avals = new ArrayList<>();
        boolean converged = false;
        for (int cycle = 0; cycle < 20; cycle++) {
            a = refineA(dt, a, b);
            avals.add(a);
            b = refineB(dt, bins, a, b);
            int k = avals.size();
            if (k >= 2 && (avals.get(k - 2) <= 0 || Math.abs((avals.get(k - 2) - avals.get(k - 1)) / avals.get(k - 2)) < 0.01)) {
                converged = true;
                break;
            }
        }
        if (converged && a > 0.4) a = refineA(dt, a, b);
        else { a = 1.0; b = refineB(dt, bins, 1.0, 0.02); }
        return new Fit(a, Math.abs(b), true, bins.bounds, bins.counts, uncorrected, bins.variances(dt, a, b));
    }

    /** The filtered observations: per observation I, σ², g, Ih and group multiplicity. */
    private record Data(double[] i, double[] var, double[] g, double[] ih, double[] nh) {
        Data(Groups gr, double[] i0, double[] v0, double[] g0, double[] ih0) {
            this(pick(gr, i0), pick(gr, v0), pick(gr, g0), pick(gr, ih0), multiplicity(gr));
        }
        int size() { return i.length; }
        double delta(int q, double a, double b) {
            double sp = a * Math.sqrt(var[q] + b * b * i[q] * i[q]) / g[q];
            return Math.sqrt((nh[q] - 1) / nh[q]) * (i[q] / g[q] - ih[q]) / sp;
        }
        private static double[] pick(Groups gr, double[] v) {
            double[] out = new double[gr.order().length];
            for (int q = 0; q < out.length; q++) out[q] = v[gr.order()[q]];
            return out;
        }
        private static double[] multiplicity(Groups gr) {
            double[] out = new double[gr.order().length];
            for (int h = 0; h < gr.count(); h++) for (int q = gr.start()[h]; q < gr.start()[h + 1]; q++) out[q] = gr.size(h);
            return out;
        }
    }

    /** a ← a · slope of sorted central deviations against normal quantiles. */
    private static double refineA(Data dt, double a, double b) {
        int n = dt.size();
        double[] y = new double[n];
        for (int q = 0; q < n; q++) y[q] = dt.delta(q, a, b);
        Arrays.sort(y);
        double v1 = Distributions.normalCdf(-1.5), v2 = Distributions.normalCdf(1.5);
        int lo = (int) Math.ceil(v1 * n - 0.5), hi = (int) Math.ceil(v2 * n - 0.5);
        int m = hi - lo;
        if (m < 2) return a;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int k = 0; k < m; k++) {
            double x = Distributions.normalQuantile((lo + 0.5) / n + k * (double) (hi - lo) / n / m);
            double yy = y[lo + k];
            sx += x; sy += yy; sxx += x * x; sxy += x * yy;
        }
        double slope = (sxy - sx * sy / m) / (sxx - sx * sx / m);
        return a * slope;
    }

    /** b minimising the weighted bin-variance target, by golden-section search on [0, 0.5]. */
    private static double refineB(Data dt, Bins bins, double a, double b0) {
        double lo = 0, hi = Math.max(0.5, 2 * Math.abs(b0));
        double phi = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - phi * (hi - lo), x2 = lo + phi * (hi - lo);
        double f1 = bins.target(dt, a, x1), f2 = bins.target(dt, a, x2);
        for (int it = 0; it < 80 && hi - lo > 1e-7; it++) {
            if (f1 < f2) { hi = x2; x2 = x1; f2 = f1; x1 = hi - phi * (hi - lo); f1 = bins.target(dt, a, x1); }
            else { lo = x1; x1 = x2; f1 = f2; x2 = lo + phi * (hi - lo); f2 = bins.target(dt, a, x2); }
        }
        double best = 0.5 * (lo + hi);
        return bins.target(dt, a, 0) <= bins.target(dt, a, best) ? 0 : best;
    }

    /** Intensity bins equally spaced in log(g·Ih), widened to hold a minimum count (DIALS' ErrorModelBinner). */
    private record Bins(int[] bin, int[] counts, double[] bounds, double[] meanI) {
        static Bins of(Data dt, int minRequired, int nBins) {
            int n = dt.size();
            double[] gi = new double[n];
            double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
            for (int q = 0; q < n; q++) { gi[q] = dt.ih[q] * dt.g[q]; max = Math.max(max, gi[q]); min = Math.min(min, gi[q]); }
            double[] desc = gi.clone();
            Arrays.sort(desc);
            for (int l = 0, r = n - 1; l < r; l++, r--) { double t = desc[l]; desc[l] = desc[r]; desc[r] = t; }
            double iMin = Math.max(1.0, min), spacing = (Math.log(max) - Math.log(iMin)) / nBins;
            double[] bounds = new double[nBins + 1];
            bounds[0] = max;
            for (int k = 1; k <= nBins; k++) bounds[k] = Math.exp(Math.log(max) - k * spacing);
            bounds[nBins] = min - 0.01;
            if (n > 100 * minRequired) minRequired = n / 100;
            int minPerBin = Math.min(minRequired, (int) (n / (3.0 * nBins)));
            int[] bin = new int[n];
            Arrays.fill(bin, -1);
            int[] counts = new int[nBins];
            int cumul = 0;
            for (int k = 0; k < nBins; k++) {
                int c = count(gi, bounds[k], bounds[k + 1]);
                if (c < minPerBin && cumul + minPerBin < n) {
                    bounds[k + 1] = desc[cumul + minPerBin];
                    c = count(gi, bounds[k], bounds[k + 1]);
                }
                counts[k] = c;
                cumul += c;
            }
            // drop bins with too few members
            List<Integer> keep = new ArrayList<>();
            for (int k = 0; k < nBins; k++) if (counts[k] >= minPerBin - 5) keep.add(k);
            int nb = keep.size();
            double[] nbounds = new double[nb + 1];
            int[] ncounts = new int[nb];
            for (int j = 0; j < nb; j++) { nbounds[j] = bounds[keep.get(j)]; ncounts[j] = counts[keep.get(j)]; }
            nbounds[nb] = bounds[nBins];
            double[] mean = new double[nb];
            for (int j = 0; j < nb; j++) {
                int k = keep.get(j);
                double s = 0;
                int c = 0;
                for (int q = 0; q < n; q++) if (gi[q] <= bounds[k] && gi[q] > bounds[k + 1]) { bin[q] = j; s += gi[q]; c++; }
                double s2 = 0;
                int c2 = 0;
                for (int q = 0; q < n; q++) if (gi[q] <= nbounds[j] && gi[q] > nbounds[j + 1]) { s2 += gi[q]; c2++; }
                mean[j] = c2 > 0 ? s2 / c2 : (c > 0 ? s / c : 0);
            }
            return new Bins(bin, ncounts, nbounds, mean);
        }

        private static int count(double[] v, double hi, double lo) {
            int c = 0;
            for (double x : v) if (x <= hi && x > lo) c++;
            return c;
        }

        double[] variances(Data dt, double a, double b) {
            int nb = counts.length;
            double[] s = new double[nb], s2 = new double[nb];
            for (int q = 0; q < dt.size(); q++) {
                if (bin[q] < 0) continue;
                double dl = dt.delta(q, a, b);
                s[bin[q]] += dl;
                s2[bin[q]] += dl * dl;
            }
            double[] v = new double[nb];
            for (int k = 0; k < nb; k++) v[k] = counts[k] == 0 ? 1 : s2[k] / counts[k] - (s[k] / counts[k]) * (s[k] / counts[k]);
            return v;
        }

        double target(Data dt, double a, double b) {
            double[] v = variances(dt, a, b);
            double f = 0, sw = 0;
            for (int k = 0; k < v.length; k++) {
                f += ((0.5 - v[k]) * (0.5 - v[k]) + 1 / v[k] - 1.25) * meanI[k];
                sw += meanI[k];
            }
            return f / sw;
        }
    }
}
