package org.xtalkit.scale;

import org.xtalkit.XtalException;
import org.xtalkit.math.Mat3;
import org.xtalkit.model.Experiment;
import org.xtalkit.refine.GaussianSmoother;
import org.xtalkit.spacegroup.ReciprocalAsu;
import org.xtalkit.spacegroup.SpaceGroup;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.List;

/**
 * The observations scaling works on, chosen and corrected as dials.scale does: integrated, not
 * bad_for_scaling, variance &gt; 0, partiality ≥ partiality_cutoff, I/σ ≥ min_isigi (and d ≥ d_min),
 * intensities × lp/qe and variances × (lp/qe)². Outlier and excluded flags of an earlier scaling are
 * ignored (they are determined again); user_excluded_in_scaling is kept. Each keeps its symmetry-unique key (Friedel mates
 * apart when anomalous), and the model's design: smoother weights in rotation and the
 * spherical-harmonic absorption terms in the crystal frame.
 */
final class ScalingData {
    final int n;
    final int[] row, exp;
    final double[] iPrf, vPrf, iSum, vSum;   // corrected; NaN where absent
    final double[] d, partiality;
    final long[] key;                        // symmetry-unique key (Friedel mates apart when anomalous)
    final long[] keyMerged;                  // the same with Friedel mates together
    final long[] keyAnomalous;               // the same with Friedel mates apart
    final double[] conv;                     // lp/qe: corrected = raw × conv (summation also ÷ partiality)
    // design
    final int[] sIdx, dIdx;                  // 3 per observation, local parameter index or -1
    final double[] sW, dW;
    final double[][] abs;                    // per observation terms (null when the model has none)
    final boolean[] excluded;
    final int combinedPartials;              // parts merged into others before scaling                // excluded_for_scaling in the input selection sense

    ScalingData(List<Experiment> experiments, ReflectionTable t, List<ScalingModel> models, boolean anomalous,
                double partialityCutoff, double minIsigi, double dMin, boolean needPrf) {
        for (String c : new String[] {"miller_index", "id", "intensity.sum.value", "intensity.sum.variance", "d", "xyzobs.px.value"})
            if (!t.has(c)) throw new XtalException("reflection table has no '" + c + "' column: scale needs integrated reflections");
        int rows = t.size();
        int[] ids = t.ints("id"), mi = t.miller("miller_index");
        long[] flags = t.flags();
        PartialSums sums = PartialSums.of(t);
        combinedPartials = sums.combined();
        double[] is = sums.iSum(), vs = sums.vSum(), ip = sums.iPrf(), vp = sums.vPrf();
        double[] lp = t.has("lp") ? t.doubles("lp") : null;
        // DIALS takes "qe", or the older files' "dqe"
        double[] qe = t.has("qe") ? t.doubles("qe") : t.has("dqe") ? t.doubles("dqe") : null;
        double[] dd = t.doubles("d"), xyz = t.vec3("xyzobs.px.value");
        double[] part = sums.partiality();
        double[] partOriginal = t.has("partiality") ? t.doubles("partiality") : null;
        double[] s1 = t.has("s1") ? t.vec3("s1") : null;
        SpaceGroup sg = SpaceGroup.fromHall(experiments.get(0).crystal().spaceGroupHall());
        ReciprocalAsu asu = sg.reciprocalAsu();

        excluded = new boolean[rows];
        int m = 0;
        int[] keep = new int[rows];
        for (int r = 0; r < rows; r++) {
            boolean ok = !sums.absorbed()[r] && ids[r] >= 0 && ids[r] < experiments.size() && Flag.INTEGRATED_SUM.isSetIn(flags[r])
                    && !Flag.USER_EXCLUDED_IN_SCALING.isSetIn(flags[r]) && vs[r] > 0 && dd[r] > 0;   // earlier outlier/excluded flags are redetermined
            if (ok && needPrf) ok = ip != null && Flag.INTEGRATED_PRF.isSetIn(flags[r]) && vp[r] > 0;
            // DIALS flags user_excluded_in_scaling on each part's own partiality, before parts are summed
            if (ok && partOriginal != null && partOriginal[r] < partialityCutoff) ok = false;
            if (ok && dMin > 0 && dd[r] < dMin) ok = false;
            if (ok) {
                double ii = needPrf ? ip[r] : is[r], vv = needPrf ? vp[r] : vs[r];
                if (ii / Math.sqrt(vv) < minIsigi) ok = false;
            }
            if (ok) keep[m++] = r; else excluded[r] = true;
        }
        n = m;
        row = java.util.Arrays.copyOf(keep, m);
        exp = new int[m];
        iPrf = new double[m]; vPrf = new double[m]; iSum = new double[m]; vSum = new double[m];
        d = new double[m]; partiality = new double[m]; keyMerged = new long[m]; keyAnomalous = new long[m]; conv = new double[m];
        sIdx = new int[3 * m]; dIdx = new int[3 * m]; sW = new double[3 * m]; dW = new double[3 * m];
        abs = new double[m][];
        key = anomalous ? keyAnomalous : keyMerged;
        int[] o = new int[3];
        // per experiment: minimum z of its observations (DIALS zeroes the normalised rotation)
        double[] zMin = new double[experiments.size()], zMax = new double[experiments.size()];
        java.util.Arrays.fill(zMin, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(zMax, Double.NEGATIVE_INFINITY);
        for (int q = 0; q < m; q++) {
            int r = row[q];
            zMin[ids[r]] = Math.min(zMin[ids[r]], xyz[3 * r + 2]);
            zMax[ids[r]] = Math.max(zMax[ids[r]], xyz[3 * r + 2]);
        }
        GaussianSmoother[] ss = new GaussianSmoother[experiments.size()], ds = new GaussianSmoother[experiments.size()];
        for (int e = 0; e < experiments.size(); e++) {
            ScalingModel mod = models.get(e);
            if (mod.kind == ScalingModel.Kind.PHYSICAL && zMax[e] >= zMin[e]) {
                ss[e] = ScalingModel.smoother(mod.scale.length, (zMax[e] - zMin[e]) * mod.sNormFac);
                ds[e] = ScalingModel.smoother(mod.decay.length, (zMax[e] - zMin[e]) * mod.dNormFac);
            }
        }
        for (int q = 0; q < m; q++) {
            int r = row[q], e = ids[r];
            exp[q] = e;
            double corr = (lp != null ? lp[r] : 1) / (qe != null && qe[r] > 0 ? qe[r] : 1);
            conv[q] = corr;
            // summation intensities of partials are scaled up to full (DIALS' inverse partiality)
            double sumCorr = corr / (part != null && part[r] > 0 ? part[r] : 1);
            iSum[q] = is[r] * sumCorr;
            vSum[q] = vs[r] * sumCorr * sumCorr;
            if (ip != null && vp[r] > 0 && Flag.INTEGRATED_PRF.isSetIn(flags[r])) { iPrf[q] = ip[r] * corr; vPrf[q] = vp[r] * corr * corr; }
            else { iPrf[q] = Double.NaN; vPrf[q] = Double.NaN; }
            d[q] = dd[r];
            partiality[q] = part == null ? 1 : part[r];
            int isym = asu.toAsu(mi[3 * r], mi[3 * r + 1], mi[3 * r + 2], o);
            keyMerged[q] = pack(o);
            if (!sg.isCentric(o[0], o[1], o[2]) && isym % 2 == 0) { o[0] = -o[0]; o[1] = -o[1]; o[2] = -o[2]; }
            keyAnomalous[q] = pack(o);
            ScalingModel mod = models.get(e);
            java.util.Arrays.fill(sIdx, 3 * q, 3 * q + 3, -1);
            java.util.Arrays.fill(dIdx, 3 * q, 3 * q + 3, -1);
            if (mod.kind == ScalingModel.Kind.KB) {
                sIdx[3 * q] = 0; sW[3 * q] = 1;
                dIdx[3 * q] = 0; dW[3 * q] = 1;
            } else {
                double z = xyz[3 * r + 2] - zMin[e];
                sparse(ss[e].weights(z * mod.sNormFac), sIdx, sW, 3 * q);
                sparse(ds[e].weights(z * mod.dNormFac), dIdx, dW, 3 * q);
                if (mod.absorption.length > 0) {
                    if (s1 == null) throw new XtalException("reflection table has no 's1' column: the absorption correction needs it");
                    abs[q] = crystalFrameTerms(experiments.get(e), mod.lmax, xyz[3 * r + 2], s1, r);
                }
            }
        }
    }

    private static long pack(int[] o) {
        return ((long) (o[0] + 1024) << 22) | ((long) (o[1] + 1024) << 11) | (o[2] + 1024);
    }

    private static void sparse(double[] w, int[] idx, double[] val, int at) {
        int k = 0;
        for (int i = 0; i < w.length && k < 3; i++) if (w[i] != 0) { idx[at + k] = i; val[at + k] = w[i]; k++; }
    }

    /** s0 and s1 rotated back into the crystal frame at the observation's rotation angle (DIALS' s0c, s1c). */
    private static double[] crystalFrameTerms(Experiment e, int lmax, double z, double[] s1, int r) {
        double phi = Math.toRadians(e.scan().angleFromFrame(z));
        Mat3 rInv = e.goniometer().rotationAt(phi).transpose();
        var s0 = rInv.times(e.beam().direction());
        double len = Math.sqrt(s1[3 * r] * s1[3 * r] + s1[3 * r + 1] * s1[3 * r + 1] + s1[3 * r + 2] * s1[3 * r + 2]);
        var s1n = new org.xtalkit.math.Vec3(s1[3 * r] / len, s1[3 * r + 1] / len, s1[3 * r + 2] / len);
        var s1c = rInv.times(s1n);
        double[] out = new double[SphericalHarmonics.count(lmax)];
        SphericalHarmonics.terms(lmax, s0.toArray(), s1c.toArray(), out);
        return out;
    }

    /**
     * The inverse scale of observation q under model m; when deriv is non-null, the derivatives
     * with respect to m's free parameters go to deriv/idx (local indices) and their count is returned in cnt[0].
     */
    static double scale(ScalingData data, int q, ScalingModel m, double[] deriv, int[] idx, int[] cnt) {
        double c = 0, b = 0, a = 1;
        for (int k = 0; k < 3; k++) {
            int i = data.sIdx[3 * q + k];
            if (i >= 0) c += data.sW[3 * q + k] * m.scale[i];
            int j = data.dIdx[3 * q + k];
            if (j >= 0) b += data.dW[3 * q + k] * m.decay[j];
        }
        double[] y = data.abs[q];
        if (y != null) for (int k = 0; k < y.length; k++) a += y[k] * m.absorption[k];
        double pre = 1 / (2 * data.d[q] * data.d[q]);
        double dec = Math.exp(b * pre);
        double g = c * dec * a;
        if (deriv != null) {
            int n = 0, nsFree = m.scale.length - (m.fixInitial ? 1 : 0);
            for (int k = 0; k < 3; k++) {
                int i = data.sIdx[3 * q + k];
                if (i < 0 || (m.fixInitial && i == 0)) continue;
                idx[n] = m.fixInitial ? i - 1 : i;
                deriv[n++] = data.sW[3 * q + k] * dec * a;
            }
            for (int k = 0; k < 3; k++) {
                int j = data.dIdx[3 * q + k];
                if (j < 0) continue;
                idx[n] = nsFree + j;
                deriv[n++] = data.dW[3 * q + k] * pre * g;
            }
            if (y != null) for (int k = 0; k < y.length; k++) {
                idx[n] = nsFree + m.decay.length + k;
                deriv[n++] = y[k] * c * dec;
            }
            cnt[0] = n;
        }
        return g;
    }
}
