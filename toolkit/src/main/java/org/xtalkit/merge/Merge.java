package org.xtalkit.merge;

import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.SpaceGroup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * dials.merge's merged data: inverse-variance means with Friedel mates merged (IMEAN) and apart
 * (I±, N±), French–Wilson amplitudes of the anomalous means (F±), their inverse-variance mean
 * (F) and differences (DANO).
 */
public final class Merge {
    private Merge() {}

    public static MergedReflections run(ScaledIntensities data, SpaceGroup sg, UnitCell cell) {
        MergingStatistics ms = new MergingStatistics(data, sg, cell);
        MergingStatistics.Merged mean = ms.merged(false), anom = ms.merged(true);
        int rows = mean.size();
        Map<Long, Integer> row = new HashMap<>();
        for (int r = 0; r < rows; r++) row.put(key(mean.hkl(), r, 1), r);

        double[] iP = nan(rows), sP = nan(rows), iM = nan(rows), sM = nan(rows);
        double[] fP = nan(rows), sfP = nan(rows), fM = nan(rows), sfM = nan(rows);
        int[] nP = new int[rows], nM = new int[rows];
        // French–Wilson on the anomalous means (I+ and I− as separate reflections), as DIALS truncates
        boolean[] centric = new boolean[anom.size()];
        double[] dsc = new double[anom.size()];
        for (int k = 0; k < anom.size(); k++) {
            centric[k] = ms.isCentric(anom.hkl()[3 * k], anom.hkl()[3 * k + 1], anom.hkl()[3 * k + 2]);
            dsc[k] = Math.pow(anom.dStarSq()[k], 1.5);
        }
        double[][] fw = anom.size() >= 200 ? FrenchWilson.amplitudes(anom.i(), anom.sigma(), centric, dsc)
                : flatPrior(anom.i(), anom.sigma());
        for (int k = 0; k < anom.size(); k++) {
            Integer rp = row.get(key(anom.hkl(), k, 1));
            boolean plus = rp != null;
            int r = plus ? rp : row.get(key(anom.hkl(), k, -1));
            if (plus) { iP[r] = anom.i()[k]; sP[r] = anom.sigma()[k]; nP[r] = anom.n()[k]; fP[r] = fw[0][k]; sfP[r] = fw[1][k]; }
            else { iM[r] = anom.i()[k]; sM[r] = anom.sigma()[k]; nM[r] = anom.n()[k]; fM[r] = fw[0][k]; sfM[r] = fw[1][k]; }
        }
        double[] f = nan(rows), sf = nan(rows), dano = nan(rows), sdano = nan(rows);
        for (int r = 0; r < rows; r++) {
            double w = 0, wf = 0;
            if (!Double.isNaN(fP[r]) && sfP[r] > 0) { double x = 1 / (sfP[r] * sfP[r]); w += x; wf += x * fP[r]; }
            if (!Double.isNaN(fM[r]) && sfM[r] > 0) { double x = 1 / (sfM[r] * sfM[r]); w += x; wf += x * fM[r]; }
            if (w > 0) { f[r] = wf / w; sf[r] = Math.sqrt(1 / w); }
            if (!Double.isNaN(fP[r]) && !Double.isNaN(fM[r])) {
                dano[r] = fP[r] - fM[r];
                sdano[r] = Math.sqrt(sfP[r] * sfP[r] + sfM[r] * sfM[r]);
            }
        }
        return new MergedReflections(mean.hkl(), mean.i(), mean.sigma(), iP, sP, iM, sM, nP, nM, f, sf, fP, sfP, fM, sfM, dano, sdano);
    }

    /** Too few reflections for a Wilson prior: DIALS falls back to a flat positive prior. */
    private static double[][] flatPrior(double[] i, double[] s) {
        double[][] out = new double[4][i.length];
        for (int k = 0; k < i.length; k++) {
            double j = 0.5 * (i[k] + Math.sqrt(i[k] * i[k] + 2 * s[k] * s[k]));
            out[0][k] = Math.sqrt(j);
            out[1][k] = s[k] / (2 * out[0][k]);
            out[2][k] = j;
            out[3][k] = s[k];
        }
        return out;
    }

    private static long key(int[] h, int r, int sign) {
        return (((long) (sign * h[3 * r] + 1024) << 22) | ((long) (sign * h[3 * r + 1] + 1024) << 11) | (sign * h[3 * r + 2] + 1024));
    }

    private static double[] nan(int n) { double[] a = new double[n]; Arrays.fill(a, Double.NaN); return a; }
}
