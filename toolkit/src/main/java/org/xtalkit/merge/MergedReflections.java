package org.xtalkit.merge;

/**
 * What dials.merge writes to merged.mtz, one row per unique reflection (ASU index, sorted):
 * IMEAN SIGIMEAN, I(+) SIGI(+) I(−) SIGI(−), N(+) N(−), F SIGF, F(+) SIGF(+) F(−) SIGF(−),
 * DANO SIGDANO. Missing values are NaN (counts 0).
 */
public record MergedReflections(int[] hkl, double[] iMean, double[] sigIMean, double[] iPlus, double[] sigIPlus,
                                double[] iMinus, double[] sigIMinus, int[] nPlus, int[] nMinus, double[] f, double[] sigF,
                                double[] fPlus, double[] sigFPlus, double[] fMinus, double[] sigFMinus,
                                double[] dano, double[] sigDano) {
    public int size() { return iMean.length; }
}
