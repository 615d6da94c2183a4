package org.xtalkit.merge;

/**
 * Merging statistics as an accumulator (gemmi's MergingStats style): {@link #addGroup} one
 * reflection's observations at a time, {@link #merge} two accumulators; shells, halves and
 * totals are all sums of the same terms. The definitions are iotbx.merging_statistics':
 * inverse-variance weighted mean, σ = (Σw)^-½, R factors over reflections measured more than once
 * with signed ΣI in the denominator, CC½ from a random half split (Pearson over reflections with
 * n ≥ 2) and by σ-τ (Assmann et al. 2016).
 */
public final class MergingStats {
    long nObs, nUniq;
    double sumI, sumIOverSigma;
    long nIOverSigma;
    double rNum, rDen, rMeasNum, rPimNum;
    // σ-τ: merged means (unit weights) and internal variances of reflections with n > 1
    long nTau;
    double sumY, sumY2, sumVarInt;
    // half-dataset split: Pearson sums
    long nHalf;
    double sx, sy, sxx, syy, sxy;

    /** Relative threshold below the largest σ of a group at which cctbx ignores an observation. */
    static final double SIGMA_DYNAMIC_RANGE = 1e-6;

    /**
     * Adds one unique reflection: observations v[idx[from..to)] with σ s[...]. Returns the merged
     * intensity in out[0] and its σ in out[1]. When rng is non-null the reflection also enters the
     * half-dataset CC½ (drawing from rng exactly as cctbx's split_unmerged does).
     */
    public void addGroup(double[] v, double[] s, int[] idx, int from, int to, CctbxRandom rng, double[] out) {
        int n = to - from;
        mergeGroup(v, s, idx, from, to, out);
        double mean = out[0], sig = out[1];
        nObs += n;
        nUniq++;
        sumI += mean;
        if (sig > 0) { sumIOverSigma += mean / sig; nIOverSigma++; }
        if (n > 1) {
            double num = 0, den = 0;
            for (int q = from; q < to; q++) { num += Math.abs(v[idx[q]] - mean); den += v[idx[q]]; }
            rNum += num;
            rDen += den;
            rMeasNum += Math.sqrt(n / (n - 1.0)) * num;
            rPimNum += Math.sqrt(1.0 / (n - 1)) * num;
            // σ-τ: unit weights, internal variance max(s²/n, 1/n)
            double m = 0;
            for (int q = from; q < to; q++) m += v[idx[q]];
            m /= n;
            double ss = 0;
            for (int q = from; q < to; q++) { double e = v[idx[q]] - m; ss += e * e; }
            nTau++;
            sumY += m;
            sumY2 += m * m;
            sumVarInt += Math.max(ss / (n - 1) / n, 1.0 / n);
            if (rng != null) {
                double[] halves = split(v, s, idx, from, to, rng, true);
                addPair(halves[0], halves[1]);
            }
        }
    }

    /** Inverse-variance mean as cctbx's merge_equivalents_obs (use_internal_variance=False). */
    static void mergeGroup(double[] v, double[] s, int[] idx, int from, int to, double[] out) {
        double maxS = 0;
        for (int q = from; q < to; q++) maxS = Math.max(maxS, s[idx[q]]);
        double thr = maxS * SIGMA_DYNAMIC_RANGE, sw = 0, swx = 0, last = 0;
        int used = 0;
        for (int q = from; q < to; q++) {
            double sg = s[idx[q]];
            if (sg > thr) { double w = 1 / (sg * sg); sw += w; swx += w * v[idx[q]]; used++; last = sg; }
        }
        if (used == 0) { out[0] = 0; out[1] = 0; }
        else if (used == 1) { out[0] = swx / sw; out[1] = last; }
        else { out[0] = swx / sw; out[1] = Math.sqrt(1 / sw); }
    }

    /** cctbx's split_unmerged for one group of n ≥ 2: returns the two half means. */
    static double[] split(double[] v, double[] s, int[] idx, int from, int to, CctbxRandom rng, boolean weighted) {
        int n = to - from;
        double[] x = new double[n], w = new double[n];
        for (int q = 0; q < n; q++) {
            x[q] = v[idx[from + q]];
            w[q] = weighted ? 1 / (s[idx[from + q]] * s[idx[from + q]]) : 1;
        }
        int nsum = n / 2;
        if (2 * nsum != n && rng.nextDouble() < 0.5) nsum++;
        double i0 = 0, w0 = 0, i1 = 0, w1 = 0;
        for (int q = 0; q < nsum; q++) {
            int pick = q + (int) Math.min(n - q - 1, (long) (rng.nextDouble() * (n - q)));
            i0 += x[pick] * w[pick];
            w0 += w[pick];
            x[pick] = x[q];
            w[pick] = w[q];
        }
        for (int q = nsum; q < n; q++) { i1 += x[q] * w[q]; w1 += w[q]; }
        return new double[] {i0 / w0, i1 / w1};
    }

    void addPair(double a, double b) {
        nHalf++;
        sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b;
    }

    /** Adds another accumulator's terms to this one. */
    public MergingStats merge(MergingStats o) {
        nObs += o.nObs; nUniq += o.nUniq; sumI += o.sumI; sumIOverSigma += o.sumIOverSigma; nIOverSigma += o.nIOverSigma;
        rNum += o.rNum; rDen += o.rDen; rMeasNum += o.rMeasNum; rPimNum += o.rPimNum;
        nTau += o.nTau; sumY += o.sumY; sumY2 += o.sumY2; sumVarInt += o.sumVarInt;
        nHalf += o.nHalf; sx += o.sx; sy += o.sy; sxx += o.sxx; syy += o.syy; sxy += o.sxy;
        return this;
    }

    public long nObs() { return nObs; }
    public long nUniq() { return nUniq; }
    public double multiplicity() { return nUniq == 0 ? 0 : nObs / (double) nUniq; }
    public double meanI() { return nUniq == 0 ? 0 : sumI / nUniq; }
    public double meanIOverSigma() { return nIOverSigma == 0 ? 0 : sumIOverSigma / nIOverSigma; }
    public double rMerge() { return rDen == 0 ? 0 : rNum / rDen; }
    public double rMeas() { return rDen == 0 ? 0 : rMeasNum / rDen; }
    public double rPim() { return rDen == 0 ? 0 : rPimNum / rDen; }
    /** Reflections entering CC½ (n ≥ 2). */
    public long nCcHalf() { return nHalf; }

    /** CC½ of the half-dataset means (0 when undefined, as flex.linear_correlation). */
    public double ccHalf() { return pearson(nHalf, sx, sy, sxx, syy, sxy); }

    static double pearson(long n, double sx, double sy, double sxx, double syy, double sxy) {
        if (n < 2) return 0;
        double cxx = sxx - sx * sx / n, cyy = syy - sy * sy / n, cxy = sxy - sx * sy / n;
        if (cxx <= 0 || cyy <= 0) return 0;
        return cxy / Math.sqrt(cxx * cyy);
    }

    /** CC½ by σ-τ: (var_y − ½var_e)/(var_y + ½var_e), var_e = 2⟨σ²_internal⟩. */
    public double ccHalfSigmaTau() {
        if (nTau <= 1) return 0;
        double varY = (sumY2 - sumY * sumY / nTau) / (nTau - 1);
        double varE = 2 * sumVarInt / nTau;
        return (varY - 0.5 * varE) / (varY + 0.5 * varE);
    }

    public long nCcHalfSigmaTau() { return nTau; }
}
