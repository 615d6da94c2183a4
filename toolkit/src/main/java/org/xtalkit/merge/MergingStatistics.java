package org.xtalkit.merge;

import org.xtalkit.math.Mat3;
import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.CompleteSet;
import org.xtalkit.spacegroup.ReciprocalAsu;
import org.xtalkit.spacegroup.SpaceGroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * dials.merge's merging statistics (iotbx.merging_statistics with DIALS' settings: no σ filter,
 * absences kept, n_bins shells of equal reciprocal volume over the data's d range, overall row
 * computed on all data, anomalous figures from a second pass with I+ and I− apart).
 */
public final class MergingStatistics {
    private final ScaledIntensities data;
    private final SpaceGroup sg;
    private final ReciprocalAsu asu;
    private final double[] dss;          // d*² per observation
    private final double g00, g11, g22, g01, g02, g12;   // reciprocal metric
    private final int[] hN, hA;          // ASU index, Friedel mates merged / kept apart (flat)
    private final long[] keyN, keyA;     // lexicographic packing of those indices
    private final boolean[] centric;     // per observation
    private final UnitCell cell;
    private double[] completeD;          // complete set to the outermost shell limit
    private boolean[] completeCentric;

    MergingStatistics(ScaledIntensities data, SpaceGroup sg, UnitCell cell) {
        this.data = data;
        this.sg = sg;
        int n = data.size();
        this.asu = sg.reciprocalAsu();
        Mat3 g = cell.metricTensor().inverse();
        g00 = g.get(0, 0); g11 = g.get(1, 1); g22 = g.get(2, 2); g01 = g.get(0, 1); g02 = g.get(0, 2); g12 = g.get(1, 2);
        dss = new double[n];
        hN = new int[3 * n];
        hA = new int[3 * n];
        keyN = new long[n];
        keyA = new long[n];
        centric = new boolean[n];
        int[] o = new int[3];
        for (int i = 0; i < n; i++) {
            int h = data.hkl()[3 * i], k = data.hkl()[3 * i + 1], l = data.hkl()[3 * i + 2];
            dss[i] = dStarSq(h, k, l);
            int isym = asu.toAsu(h, k, l, o);
            System.arraycopy(o, 0, hN, 3 * i, 3);
            centric[i] = sg.isCentric(o[0], o[1], o[2]);
            int s = (isym % 2 == 1 || centric[i]) ? 1 : -1;
            for (int j = 0; j < 3; j++) hA[3 * i + j] = s * o[j];
            keyN[i] = pack(hN, i);
            keyA[i] = pack(hA, i);
        }
        this.cell = cell;
    }

    private void completeSet(double dMin) {
        CompleteSet complete = CompleteSet.of(sg, cell, dMin * (1 - 1e-6), Double.POSITIVE_INFINITY);
        completeD = complete.d();
        completeCentric = new boolean[complete.size()];
        for (int i = 0; i < complete.size(); i++) completeCentric[i] = sg.isCentric(complete.h(i), complete.k(i), complete.l(i));
    }

    private static long pack(int[] h, int i) {
        return (((long) (h[3 * i] + 1024) << 22) | ((long) (h[3 * i + 1] + 1024) << 11) | (h[3 * i + 2] + 1024));
    }

    /** Statistics in nBins shells (dials.merge: 20) and overall. */
    public static MergingStatisticsResult compute(ScaledIntensities data, SpaceGroup sg, UnitCell cell, int nBins) {
        if (data.size() == 0) throw new org.xtalkit.XtalException("no scaled reflections left to merge");
        return new MergingStatistics(data, sg, cell).run(nBins);
    }

    /**
     * Statistics in shells of about perBin distinct d*² values, at most maxBins (cctbx's
     * counting_sorted binning, as DIALS' Resolutionizer uses it: 100 shells of ≥ 10).
     */
    public static MergingStatisticsResult computeCountingSorted(ScaledIntensities data, SpaceGroup sg, UnitCell cell, int maxBins, int perBin) {
        if (data.size() == 0) throw new org.xtalkit.XtalException("no scaled reflections left to merge");
        MergingStatistics m = new MergingStatistics(data, sg, cell);
        return m.run(countingSortedLimits(m.dss, maxBins, perBin));
    }

    private MergingStatisticsResult run(int nBins) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double v : dss) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        return run(binLimits(nBins, 1 / Math.sqrt(lo), 1 / Math.sqrt(hi)));
    }

    private MergingStatisticsResult run(double[] limits) {
        int n = data.size(), nBins = limits.length - 1;
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double v : dss) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        completeSet(1 / Math.sqrt(limits[nBins]));
        int[] bin = new int[n], count = new int[nBins];
        for (int i = 0; i < n; i++) {
            int b = 0;
            while (b < nBins - 1 && dss[i] >= limits[b + 1]) b++;
            bin[i] = b;
            count[b]++;
        }
        List<ShellStatistics> shells = new ArrayList<>();
        for (int b = 0; b < nBins; b++) {
            if (count[b] == 0) continue;
            int[] sel = new int[count[b]];
            for (int i = 0, k = 0; i < n; i++) if (bin[i] == b) sel[k++] = i;
            shells.add(shell(sel, 1 / Math.sqrt(limits[b]), 1 / Math.sqrt(limits[b + 1])));
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        ShellStatistics overall = shell(all, 1 / Math.sqrt(lo), 1 / Math.sqrt(hi));
        Anomalous an = anomalousSummary(all);
        return new MergingStatisticsResult(shells, overall, an.slope, an.dFOverF, an.dIOverSigma,
                ResolutionFit.ccHalfLimit(shells, 0.3));
    }

    /** Merged intensities of unique reflections, sorted by index (merge_equivalents, use_internal_variance=False). */
    record Merged(int[] hkl, double[] i, double[] sigma, int[] n, double[] dStarSq) {
        int size() { return i.length; }
    }

    /** Friedel mates merged (ASU indices) or kept apart (I− at −h of the ASU index). */
    Merged merged(boolean anomalous) {
        int[] all = new int[data.size()];
        for (int q = 0; q < all.length; q++) all[q] = q;
        int[] h = anomalous ? hA : hN;
        Groups g = groups(anomalous ? keyA : keyN, all, null, null);
        int m = g.count();
        int[] hkl = new int[3 * m], n = new int[m];
        double[] ds = new double[m];
        for (int k = 0; k < m; k++) {
            int i = g.first(k);
            System.arraycopy(h, 3 * i, hkl, 3 * k, 3);
            n[k] = g.size(k);
            // from the merged index itself: symmetry mates differ in the last bits, and French–Wilson's
            // equal-count shells must see I+ and I− at exactly the same d*³ (as cctbx computes it)
            ds[k] = dStarSq(hkl[3 * k], hkl[3 * k + 1], hkl[3 * k + 2]);
        }
        return new Merged(hkl, g.mean(), g.sigma(), n, ds);
    }

    boolean isCentric(int h, int k, int l) { return sg.isCentric(h, k, l); }

    private double dStarSq(int h, int k, int l) {
        return h * h * g00 + k * k * g11 + l * l * g22 + 2 * (h * k * g01 + h * l * g02 + k * l * g12);
    }

    /** cctbx's equal-volume limits in d*², widened by 1e-6 of the span. */
    static double[] binLimits(int nBins, double dMax, double dMin) {
        double smin = 1 / (dMax * dMax), smax = 1 / (dMin * dMin), span = smax - smin;
        smax += span * 1e-6;
        smin = Math.max(0, smin - span * 1e-6);
        double rLow = Math.sqrt(smin), rHigh = Math.sqrt(smax);
        double vLow = sphere(rLow), vPer = (sphere(rHigh) - vLow) / nBins;
        double[] limits = new double[nBins + 1];
        limits[0] = smin;
        for (int i = 1; i < nBins; i++) limits[i] = Math.pow((vLow + i * vPer) * 3 / (4 * Math.PI), 2 / 3.0);
        limits[nBins] = smax;
        return limits;
    }

    /**
     * cctbx's setup_binner_counting_sorted: the distinct d*² values (1e-10 apart) cut into
     * min(maxBins, round(distinct / perBin)) runs of equal length; limits at each run's first value
     * less 1e-10 of it, the last at the highest d*² plus 1e-10 of it.
     */
    public static double[] countingSortedLimits(double[] ds, int maxBins, int perBin) {
        int n = ds.length;
        double tol = 1e-10;
        double[] sorted = ds.clone();
        Arrays.sort(sorted);
        double[] uniq = new double[n];
        int u = 0;
        for (int j = 0; j < n; j++) if (j == 0 || sorted[j] - sorted[j - 1] > tol) uniq[u++] = sorted[j];
        int nBins = Math.min(maxBins, Math.max(1, (int) Math.floor(u / (double) perBin + 0.5)));
        double per = u / (double) nBins;
        double[] limits = new double[nBins + 1];
        int nl = 0;
        limits[nl++] = Math.max(0, uniq[0] * (1 - tol));
        for (int i = 1; i < nBins; i++) {
            int q = (int) Math.floor(i * per + 0.5);
            limits[nl++] = uniq[q] * (1 - tol);
            if (q == u - 1) break;
        }
        limits[nl++] = uniq[u - 1] * (1 + tol);
        return Arrays.copyOf(limits, nl);
    }

    private static double sphere(double r) { return 4 * Math.PI / 3 * r * r * r; }

    /** Observation indices sorted by key, stable (cctbx sorts by packed indices, stably). */
    private static int[] sortedBy(long[] key, int[] sel) {
        long[] tmp = new long[sel.length];
        for (int q = 0; q < sel.length; q++) tmp[q] = (key[sel[q]] << 20) | q;
        Arrays.sort(tmp);
        int[] out = new int[sel.length];
        for (int q = 0; q < sel.length; q++) out[q] = sel[(int) (tmp[q] & 0xfffff)];
        return out;
    }

    /** Merged groups of a selection: order, group starts, merged I and σ per group. */
    private record Groups(int[] order, int[] start, double[] mean, double[] sigma) {
        int count() { return mean.length; }
        int first(int g) { return order[start[g]]; }
        int size(int g) { return start[g + 1] - start[g]; }
    }

    private Groups groups(long[] key, int[] sel, MergingStats acc, CctbxRandom rng) {
        int[] order = sortedBy(key, sel);
        int[] start = new int[order.length + 1];
        int ng = 0;
        for (int q = 0; q < order.length; q++) if (q == 0 || key[order[q]] != key[order[q - 1]]) start[ng++] = q;
        start[ng] = order.length;
        start = Arrays.copyOf(start, ng + 1);
        double[] mean = new double[ng], sig = new double[ng], out = new double[2];
        MergingStats sink = acc != null ? acc : new MergingStats();
        for (int g = 0; g < ng; g++) {
            sink.addGroup(data.i(), data.sigma(), order, start[g], start[g + 1], rng, out);
            mean[g] = out[0];
            sig[g] = out[1];
        }
        return new Groups(order, start, mean, sig);
    }

    private ShellStatistics shell(int[] sel, double dMax, double dMin) {
        MergingStats normal = new MergingStats();
        groups(keyN, sel, normal, new CctbxRandom());
        MergingStats anom = new MergingStats();
        Groups ga = groups(keyA, sel, anom, null);
        // completeness: complete set from the data's own d_min (within the shell) to the shell limits
        double dMinData = Double.POSITIVE_INFINITY;
        for (int i : sel) dMinData = Math.min(dMinData, 1 / Math.sqrt(dss[i]));
        long expected = 0, acentric = 0;
        for (int c = 0; c < completeD.length; c++) {
            double d = completeD[c];
            if (d > dMax || d < dMin * (1 - 1e-6)) continue;
            if (!completeCentric[c]) acentric++;
            if (d >= dMinData * (1 - 1e-15) && d >= dMin) expected++;
        }
        Pairs p = pairs(ga);
        double rAnomNum = 0, rAnomDen = 0;
        for (int q = 0; q < p.count; q++) {
            rAnomNum += Math.abs(p.plus[q] - p.minus[q]);
            double wp = 1 / (p.sPlusInt[q] * p.sPlusInt[q]), wm = 1 / (p.sMinusInt[q] * p.sMinusInt[q]);
            rAnomDen += Math.abs((wp * p.plus[q] + wm * p.minus[q]) / (wp + wm));
        }
        double ccHalf = normal.ccHalf();
        double crit = Distributions.criticalCorrelation(normal.nCcHalf(), 0.01);
        return new ShellStatistics(dMax, dMin, normal.nObs(), normal.nUniq(), normal.multiplicity(),
                expected == 0 ? 0 : Math.min(1, normal.nUniq() / (double) expected), normal.meanI(), normal.meanIOverSigma(),
                normal.rMerge(), normal.rMeas(), normal.rPim(), rAnomDen == 0 ? Double.NaN : rAnomNum / rAnomDen,
                ccHalf, !Double.isNaN(crit) && ccHalf > crit, normal.ccHalfSigmaTau(), ccAnom(sel),
                acentric == 0 ? 0 : Math.min(1, p.count / (double) acentric), anom.multiplicity(),
                anom.rMerge(), anom.rMeas(), anom.rPim(), normal.nCcHalf());
    }

    /** Bijvoet pairs of anomalous groups: merged I±, σ±, and σ± with cctbx's internal-variance floor. */
    private record Pairs(int count, double[] plus, double[] minus, double[] sPlus, double[] sMinus, double[] sPlusInt, double[] sMinusInt) {}

    private Pairs pairs(Groups ga) {
        Map<Long, Integer> byKey = new HashMap<>();
        for (int g = 0; g < ga.count(); g++) byKey.put(keyA[ga.first(g)], g);
        int m = 0;
        double[] pl = new double[ga.count()], mi = new double[ga.count()], sp = new double[ga.count()], sm = new double[ga.count()],
                spi = new double[ga.count()], smi = new double[ga.count()];
        for (int g = 0; g < ga.count(); g++) {
            int i = ga.first(g);
            if (centric[i] || hA[3 * i] != hN[3 * i] || hA[3 * i + 1] != hN[3 * i + 1] || hA[3 * i + 2] != hN[3 * i + 2]) continue;
            Integer gm = byKey.get(packNeg(i));
            if (gm == null) continue;
            pl[m] = ga.mean()[g]; mi[m] = ga.mean()[gm];
            sp[m] = ga.sigma()[g]; sm[m] = ga.sigma()[gm];
            spi[m] = internalSigma(ga, g); smi[m] = internalSigma(ga, gm);
            m++;
        }
        return new Pairs(m, pl, mi, sp, sm, spi, smi);
    }

    private long packNeg(int i) {
        int[] neg = {-hN[3 * i], -hN[3 * i + 1], -hN[3 * i + 2]};
        return pack(neg, 0);
    }

    /** σ of the merged mean with use_internal_variance=True: √max(weighted variance/n, 1/Σw). */
    private double internalSigma(Groups ga, int g) {
        int n = ga.size(g);
        if (n == 1) return data.sigma()[ga.first(g)];
        double sw = 0, sw2 = 0, swx = 0;
        for (int q = ga.start()[g]; q < ga.start()[g + 1]; q++) {
            int i = ga.order()[q];
            double w = 1 / (data.sigma()[i] * data.sigma()[i]);
            sw += w; sw2 += w * w; swx += w * data.i()[i];
        }
        double mean = swx / sw, ss = 0;
        for (int q = ga.start()[g]; q < ga.start()[g + 1]; q++) {
            int i = ga.order()[q];
            double w = 1 / (data.sigma()[i] * data.sigma()[i]), e = data.i()[i] - mean;
            ss += w * e * e;
        }
        double wvar = ss / (sw - sw2 / sw);
        return Math.sqrt(Math.max(wvar / n, 1 / sw));
    }

    /** Half-dataset correlation of anomalous differences (unweighted split, fresh generator). */
    private double ccAnom(int[] sel) {
        int[] order = sortedBy(keyA, sel);
        CctbxRandom rng = new CctbxRandom();
        Map<Long, double[]> halves = new HashMap<>();
        for (int q = 0; q < order.length; ) {
            int e = q;
            while (e < order.length && keyA[order[e]] == keyA[order[q]]) e++;
            if (e - q >= 2) halves.put(keyA[order[q]], MergingStats.split(data.i(), data.sigma(), order, q, e, rng, false));
            q = e;
        }
        long n = 0;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (var en : halves.entrySet()) {
            long k = en.getKey();
            int h = (int) ((k >>> 22) & 0x7ff) - 1024, kk = (int) ((k >>> 11) & 0x7ff) - 1024, l = (int) (k & 0x7ff) - 1024;
            if (sg.isCentric(h, kk, l)) continue;
            double[] minus = halves.get(pack(new int[] {-h, -kk, -l}, 0));
            // only from the I+ side of each pair (the key in the positive ASU)
            if (minus == null || !asu.isIn(h, kk, l)) continue;
            double a = en.getValue()[0] - minus[0], b = en.getValue()[1] - minus[1];
            n++; sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b;
        }
        return MergingStats.pearson(n, sx, sy, sxx, syy, sxy);
    }

    private record Anomalous(double slope, double dFOverF, double dIOverSigma) {}

    private Anomalous anomalousSummary(int[] all) {
        Groups ga = groups(keyA, all, null, null);
        Pairs p = pairs(ga);
        // ΔI/σ(ΔI) normal probability plot, central part |x| < 0.9
        double[] y = new double[p.count];
        double sumAbs = 0, sumSig = 0;
        int nSig = 0;
        for (int q = 0; q < p.count; q++) {
            double d = p.plus[q] - p.minus[q], s = Math.sqrt(p.sPlus[q] * p.sPlus[q] + p.sMinus[q] * p.sMinus[q]);
            y[q] = d / s;
            if (s > 0) { sumAbs += Math.abs(d); sumSig += s; nSig++; }
        }
        Arrays.sort(y);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int m = 0;
        for (int q = 0; q < y.length; q++) {
            double x = Distributions.normalQuantile((q + 0.5) / y.length);
            if (Math.abs(x) >= 0.9) continue;
            m++; sx += x; sy += y[q]; sxx += x * x; sxy += x * y[q];
        }
        double slope = m < 2 ? Double.NaN : (sxy - sx * sy / m) / (sxx - sx * sx / m);
        // dF/F over pairs with both intensities positive
        double sd2 = 0, ss2 = 0;
        int nf = 0;
        for (int q = 0; q < p.count; q++) {
            if (p.plus[q] <= 0 || p.minus[q] <= 0) continue;
            double fp = Math.sqrt(p.plus[q]), fm = Math.sqrt(p.minus[q]);
            sd2 += (fp - fm) * (fp - fm);
            ss2 += fp * fp + fm * fm;
            nf++;
        }
        double dff = nf == 0 ? 0 : Math.sqrt(2 * (sd2 / nf) / (ss2 / nf));
        return new Anomalous(slope, dff, nSig == 0 ? 0 : (sumAbs / nSig) / (sumSig / nSig));
    }
}
