package org.xtalkit.scale;

import org.xtalkit.merge.CctbxRandom;
import org.xtalkit.merge.MergingStats;

import java.util.ArrayList;
import java.util.List;

/**
 * dials.scale's intensity_choice=combine: profile-fitted, summation, and blends
 * I = w·I_prf + (1−w)·I_sum with w = 1/(1 + (I_sum/Imid)³) for Imid in {mean I (≥ 10), max I/10,
 * and tenfold steps down to the mean}; each is scaled with the current scales and the one with
 * the lowest Rmeas (observations with I/σ &gt; 1, outliers left out) is kept.
 */
final class IntensityCombination {
    private IntensityCombination() {}

    /** The chosen intensities (corrected, unscaled) and variances for every observation, and the log table. */
    record Choice(String name, double imid, double[] intensity, double[] variance, List<String> log) {}

    static Choice choose(ScalingData data, double[] g, boolean[] outlier, BasicErrorModel.Fit em) {
        int n = data.n;
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        int cnt = 0;
        for (int q = 0; q < n; q++) {
            if (outlier[q]) continue;
            double raw = data.iSum[q] / data.conv[q];   // DIALS picks Imid from raw (uncorrected) I_sum/p
            max = Math.max(max, raw);
            sum += raw;
            cnt++;
        }
        List<Double> imids = new ArrayList<>(List.of(0.0, 1.0));
        double avg = Math.max(10, cnt == 0 ? 10 : sum / cnt), imid = max / 10;
        imids.add(avg);
        imids.add(imid);
        while (imid > avg) { imid /= 10; imids.add(imid); }
        List<String> log = new ArrayList<>();
        log.add("Performing profile/summation intensity optimisation.");
        log.add(String.format("%-18s %9s %9s", "Combination", "CC1/2", "Rmeas"));
        double best = Double.POSITIVE_INFINITY, bestImid = 0;
        for (double m : imids) {
            double[][] iv = intensities(data, m);
            double[] stats = stats(data, iv[0], iv[1], g, outlier);
            String label = m == 0 ? "prf only" : m == 1 ? "sum only" : String.format("Imid = %.2f", m);
            log.add(String.format("%-18s %9.5f %9.5f", label, stats[1], stats[0]));
            if (stats[0] >= 0 && stats[0] < best) { best = stats[0]; bestImid = m; }
        }
        String name = bestImid == 0 ? "profile" : bestImid == 1 ? "sum" : "combine";
        log.add(bestImid == 0 ? "Profile intensities determined to be best for scaling."
                : bestImid == 1 ? "Summation intensities determined to be best for scaling."
                : String.format("Combined intensities with Imid = %.2f determined to be best for scaling.", bestImid));
        double[][] iv = intensities(data, bestImid);
        return new Choice(name, bestImid, iv[0], iv[1], log);
    }

    /** Intensities for an Imid (0: profile, 1: summation), falling back where one kind is missing. */
    static double[][] intensities(ScalingData data, double imid) {
        int n = data.n;
        double[] i = new double[n], v = new double[n];
        for (int q = 0; q < n; q++) {
            boolean prf = !Double.isNaN(data.iPrf[q]);
            if (imid == 1 || !prf) { i[q] = data.iSum[q]; v[q] = data.vSum[q]; }
            else if (imid == 0) { i[q] = data.iPrf[q]; v[q] = data.vPrf[q]; }
            else {
                double raw = data.iSum[q] / data.conv[q];
                double w = raw <= 0 ? 1 : 1 / (1 + Math.pow(raw / imid, 3));
                i[q] = w * data.iPrf[q] + (1 - w) * data.iSum[q];
                v[q] = w * data.vPrf[q] + (1 - w) * data.vSum[q];
            }
        }
        return new double[][] {i, v};
    }

    /** {Rmeas, CC½} of the scaled observations with I/σ &gt; 1 (−1 when none). */
    private static double[] stats(ScalingData data, double[] i, double[] v, double[] g, boolean[] outlier) {
        int n = data.n;
        double[] si = new double[n], ss = new double[n];
        List<Integer> sel = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            if (outlier[q] || !(v[q] > 0)) continue;
            si[q] = i[q] / g[q];
            ss[q] = Math.sqrt(v[q]) / g[q];
            if (si[q] / ss[q] > 1) sel.add(q);
        }
        if (sel.isEmpty()) return new double[] {-1, -1};
        // Friedel mates merged for the comparison, as DIALS does
        Groups gr = Groups.of(data.keyMerged, sel.stream().mapToInt(Integer::intValue).toArray());
        MergingStats acc = new MergingStats();
        CctbxRandom rng = new CctbxRandom();
        double[] out = new double[2];
        for (int h = 0; h < gr.count(); h++) acc.addGroup(si, ss, gr.order(), gr.start()[h], gr.start()[h + 1], rng, out);
        return new double[] {acc.rMeas(), acc.ccHalf()};
    }
}
