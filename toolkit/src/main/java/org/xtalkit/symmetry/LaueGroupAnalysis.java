package org.xtalkit.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xtalkit.merge.CctbxRandom;

/**
 * Laue group determination as POINTLESS does it (Evans 2006, 2011) and DIALS' LaueGroupAnalysis
 * implements it: σ(CC) = CCsigFac/√N estimated from pairs of unrelated reflections, E(CC; S) from
 * the intensities' variance and the Friedel-pair CC, each lattice symmetry element scored by the
 * CC of I(h) with I(h·R), and each subgroup by the product of its elements' likelihoods.
 */
public final class LaueGroupAnalysis {

    /**
     * @param nUnrelated  number of unrelated pairs used for σ(CC)
     * @param ccUnrelated their overall CC
     * @param eCcTrue     E(CC) from var(I) / (var(I) + ⟨σ²⟩)
     * @param ccSigFac    CCsigFac in σ(CC) = CCsigFac/√N (0: too few reflections)
     * @param ccTrue      E(CC; S), E(CC) combined with the Friedel-pair CC
     * @param elements    the lattice's symmetry elements, one of each ± sense
     * @param subgroups   every candidate, most likely first
     */
    public record Result(long nUnrelated, double ccUnrelated, double eCcTrue, double ccSigFac, double ccTrue,
                         List<ElementScore> elements, List<SubgroupScore> subgroups) {
        public SubgroupScore best() { return subgroups.get(0); }
    }

    private final int[] hkl;
    private final double[] I, S, ds;
    private final Map<Long, Integer> index = new HashMap<>();

    private LaueGroupAnalysis(NormalisedIntensities data) {
        hkl = data.hkl();
        I = data.i();
        S = data.sigma();
        ds = data.dStarSq();
        for (int j = 0; j < I.length; j++) index.put(NormalisedIntensities.pack(hkl[3 * j], hkl[3 * j + 1], hkl[3 * j + 2]), j);
    }

    public static Result run(NormalisedIntensities data, LatticeSymmetry lattice, long seed) {
        LaueGroupAnalysis a = new LaueGroupAnalysis(data);
        CctbxRandom rnd = new CctbxRandom((int) seed);
        CorrelationAccumulator unrelated = new CorrelationAccumulator();
        double ccSigFac = a.ccSigFac(lattice.latticeRotations(), rnd, unrelated);
        double eCcTrue = a.eCcTrue();
        CorrelationAccumulator identity = a.pairs(new int[] {-1, 0, 0, 0, -1, 0, 0, 0, -1}, false);
        double sigma1 = Math.max(0.05, ccSigFac / Math.sqrt(200));
        double w1 = sigma1 > 1e-4 ? 1 / (sigma1 * sigma1) : 0, w2 = 0;
        if (identity.n() > 10) {
            double sigma2 = Math.max(0.05, ccSigFac / Math.sqrt(identity.n()));
            w2 = 1 / (sigma2 * sigma2);
        }
        double ccTrue = (w1 * eCcTrue + w2 * identity.coefficient()) / (w1 + w2);

        List<ElementScore> elements = new ArrayList<>();
        List<int[]> seen = new ArrayList<>();
        for (int[] r : lattice.latticeRotations()) {
            if (seen.stream().anyMatch(s -> Arrays.equals(s, r))) continue;
            seen.add(r);
            seen.add(inverse(r));
            elements.add(a.score(r, ccTrue, ccSigFac));
        }
        // cctbx lists the identity first, then the higher-order axes before the twofolds
        elements.sort(java.util.Comparator.comparingInt((ElementScore e) -> e.order() == 1 ? 0 : 1)
                .thenComparingInt(e -> -e.order()));
        List<SubgroupScore> subgroups = new ArrayList<>();
        for (LatticeSymmetry.Candidate c : lattice.candidates()) subgroups.add(scoreSubgroup(c, elements));
        double total = 0;
        for (SubgroupScore s : subgroups) total += s.likelihood();
        List<SubgroupScore> norm = new ArrayList<>();
        for (SubgroupScore s : subgroups) norm.add(s.withLikelihood(total > 0 ? s.likelihood() / total : 0, 0));
        norm.sort((x, y) -> Double.compare(y.likelihood(), x.likelihood()));
        for (int i = 0; i + 1 < norm.size(); i++) {
            double p = norm.get(i).likelihood(), q = norm.get(i + 1).likelihood();
            if (p > 0 && q > 0) {
                double lgc = p * (p - q);
                norm.set(i, norm.get(i).withLikelihood(p, Math.copySign(Math.sqrt(Math.abs(lgc)), lgc)));
            }
        }
        return new Result(unrelated.n(), unrelated.coefficient(), eCcTrue, ccSigFac, ccTrue, List.copyOf(elements), List.copyOf(norm));
    }

    private ElementScore score(int[] r, double ccTrue, double ccSigFac) {
        int order = LatticeSymmetry.order(r);
        CorrelationAccumulator acc = pairs(order == 1 ? new int[] {-1, 0, 0, 0, -1, 0, 0, 0, -1} : r, order > 1);
        if (order > 2) acc.add(pairs(inverse(r), true));
        long n = acc.n();
        int[] axis = LatticeSymmetry.axis(r);
        if (n <= 0) return new ElementScore(r, order, axis, 0, 0, 0, 0, 0, 0, acc);
        double sigma = Math.max(0.1, ccSigFac / Math.sqrt(n));
        double cc = acc.coefficient();
        double ps = TruncatedCauchy.pGivenS(cc, sigma, ccTrue), pns = TruncatedCauchy.pGivenNotS(cc, sigma);
        return new ElementScore(r, order, axis, ps / (ps + pns), cc / sigma, cc, n, ps, pns, acc);
    }

    private static SubgroupScore scoreSubgroup(LatticeSymmetry.Candidate c, List<ElementScore> elements) {
        double zFor = 0, zAgainst = 0, pl = 0;
        int nFor = 0, nAgainst = 0;
        CorrelationAccumulator ccFor = new CorrelationAccumulator(), ccAgainst = new CorrelationAccumulator();
        for (ElementScore e : elements) {
            boolean in = c.contains(e.rotation());
            (in ? ccFor : ccAgainst).add(e.sums());
            if (e.n() <= 2) continue;
            if (in) { zFor += e.zcc() * e.zcc(); nFor++; pl += Math.log(e.pGivenS()); }
            else { zAgainst += e.zcc() * e.zcc(); nAgainst++; pl += Math.log(e.pGivenNotS()); }
        }
        if (nFor > 0) zFor = Math.sqrt(zFor / nFor);
        if (nAgainst > 0) zAgainst = Math.sqrt(zAgainst / nAgainst);
        return new SubgroupScore(c, Math.exp(pl), 0, zFor - zAgainst, zFor, zAgainst, ccFor.coefficient(), ccAgainst.coefficient());
    }

    /**
     * Pairs (I(h), I(h·R)) over every h whose image is measured; with {@code epsilonFilter} the h
     * fixed by a power of R are left out. Values beyond 20 interquartile ranges are rejected.
     */
    private CorrelationAccumulator pairs(int[] r, boolean epsilonFilter) {
        List<int[]> powers = new ArrayList<>();
        if (epsilonFilter) {
            int[] p = r;
            while (!isIdentity(p)) { powers.add(p); p = mul(p, r); if (powers.size() > 6) break; }
        }
        int n = I.length, m = 0;
        double[] x = new double[n], y = new double[n];
        for (int j = 0; j < n; j++) {
            int h = hkl[3 * j], k = hkl[3 * j + 1], l = hkl[3 * j + 2];
            boolean fixed = false;
            for (int[] p : powers) {
                int[] t = apply(p, h, k, l);
                if (t[0] == h && t[1] == k && t[2] == l) { fixed = true; break; }
            }
            if (fixed) continue;
            int[] t = apply(r, h, k, l);
            Integer o = index.get(NormalisedIntensities.pack(t[0], t[1], t[2]));
            if (o == null) continue;
            x[m] = I[j];
            y[m] = I[o];
            m++;
        }
        boolean[] out = new boolean[m];
        flagOutliers(x, m, out);
        flagOutliers(y, m, out);
        CorrelationAccumulator acc = new CorrelationAccumulator();
        for (int j = 0; j < m; j++) if (!out[j]) acc.add(x[j], y[j]);
        return acc;
    }

    private static void flagOutliers(double[] v, int m, boolean[] out) {
        if (m == 0) return;
        double[] s = Arrays.copyOf(v, m);
        Arrays.sort(s);
        double q1 = quantile(s, 0.25), q3 = quantile(s, 0.75), cut = 20 * (q3 - q1);
        for (int j = 0; j < m; j++) if (v[j] > q3 + cut || v[j] < q1 - cut) out[j] = true;
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** E(CC) = var(I) / (var(I) + ⟨σ²⟩), appendix A1.2 (i). */
    private double eCcTrue() {
        int n = I.length;
        double mean = 0, s2 = 0;
        for (int j = 0; j < n; j++) { mean += I[j]; s2 += S[j] * S[j]; }
        mean /= n;
        s2 /= n;
        double var = 0;
        for (double v : I) var += (v - mean) * (v - mean);
        var /= n - 1;
        return var / (var + s2);
    }

    /**
     * CCsigFac as DIALS estimates it, draw for draw with scitbx's generator: shells of about
     * max(200, n/500) unique d*² values (cctbx's setup_binner_counting_sorted), in each a random
     * permutation split into halves paired off where the lattice group does not relate them, a
     * random 20000 of those pairs, then 200 random groups for each size N = 5..min(200, pairs/10)
     * and the slope of rms(CC) against 1/√N. With DIALS' reflection order (lexicographic in the
     * minimum cell) and seed the figures are DIALS' own.
     */
    private double ccSigFac(List<int[]> lattice, CctbxRandom rnd, CorrelationAccumulator unrelated) {
        int n = I.length;
        double[] limits = org.xtalkit.merge.MergingStatistics.countingSortedLimits(ds, Integer.MAX_VALUE, Math.max(200, (int) Math.ceil(n / 500.0)));
        int[] bin = new int[n];
        for (int j = 0; j < n; j++) {
            int b = 0;
            while (b < limits.length && !(ds[j] < limits[b])) b++;
            bin[j] = b;  // 0: below the first limit, limits.length: beyond the last (both empty)
        }
        int nBins = 0;
        for (int b : bin) nBins = Math.max(nBins, b + 1);
        int[][] members = new int[nBins][];
        int[] count = new int[nBins];
        for (int b : bin) count[b]++;
        for (int b = 0; b < nBins; b++) members[b] = new int[count[b]];
        Arrays.fill(count, 0);
        for (int j = 0; j < n; j++) members[bin[j]][count[bin[j]]++] = j;
        long[] key = new long[n];
        for (int j = 0; j < n; j++) key[j] = asuKey(j, lattice);
        double[] a = new double[n], b = new double[n];
        int m = 0;
        for (int[] mem : members) {
            int c = mem.length;
            if (c == 0) continue;
            int[] p = rnd.permutation(c);
            int half = c / 2;
            for (int q = 0; q < half; q++) {
                int i1 = mem[p[q]], i2 = mem[p[half + q]];
                if (key[i1] == key[i2]) continue;
                a[m] = I[i1];
                b[m] = I[i2];
                m++;
            }
        }
        int[] pick = rnd.selection(Math.min(20000, m), new int[m]);
        int nPairs = pick.length;
        double[] pa = new double[nPairs], pb = new double[nPairs];
        for (int q = 0; q < nPairs; q++) { pa[q] = a[pick[q]]; pb[q] = b[pick[q]]; unrelated.add(pa[q], pb[q]); }
        int maxN = (int) Math.min(nPairs / 10.0, 200), minN = Math.min(5, maxN);
        if (maxN - minN < 4) return 0;
        int k = maxN - minN + 1;
        int[] scratch = new int[nPairs];
        double[] xs = new double[k], ys = new double[k];
        for (int g = minN; g <= maxN; g++) {
            double sumSq = 0;
            for (int rep = 0; rep < 200; rep++) {
                rnd.permutation(scratch);
                CorrelationAccumulator c = new CorrelationAccumulator();
                for (int q = 0; q < g; q++) c.add(pa[scratch[q]], pb[scratch[q]]);
                double cc = c.coefficient();
                if (Double.isNaN(cc)) cc = 0;
                sumSq += cc * cc;
            }
            xs[g - minN] = 1 / Math.sqrt(g);
            ys[g - minN] = Math.sqrt(sumSq / 200);
        }
        double mx = 0, my = 0;
        for (int j = 0; j < k; j++) { mx += xs[j]; my += ys[j]; }
        mx /= k;
        my /= k;
        double sxy = 0, sxx = 0;
        for (int j = 0; j < k; j++) { sxy += (xs[j] - mx) * (ys[j] - my); sxx += (xs[j] - mx) * (xs[j] - mx); }
        return sxx > 0 && Double.isFinite(sxy) ? sxy / sxx : 0;
    }

    /** The smallest packed index among ±h·R: one key per lattice-symmetry orbit. */
    private long asuKey(int j, List<int[]> lattice) {
        int h = hkl[3 * j], k = hkl[3 * j + 1], l = hkl[3 * j + 2];
        long best = Long.MAX_VALUE;
        for (int[] r : lattice) {
            int[] t = apply(r, h, k, l);
            best = Math.min(best, Math.min(NormalisedIntensities.pack(t[0], t[1], t[2]), NormalisedIntensities.pack(-t[0], -t[1], -t[2])));
        }
        return best;
    }

    /** h·R: Miller indices transform as a row vector. */
    static int[] apply(int[] r, int h, int k, int l) {
        return new int[] {h * r[0] + k * r[3] + l * r[6], h * r[1] + k * r[4] + l * r[7], h * r[2] + k * r[5] + l * r[8]};
    }

    private static boolean isIdentity(int[] r) { return Arrays.equals(r, new int[] {1, 0, 0, 0, 1, 0, 0, 0, 1}); }

    private static int[] mul(int[] a, int[] b) { return org.xtalkit.lattice.LatticeMath.mul(a, b); }

    static int[] inverse(int[] r) {
        int[] p = r, prev = new int[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
        while (!isIdentity(p)) { prev = p; p = mul(p, r); }
        return prev;
    }
}
