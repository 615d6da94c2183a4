package org.xtalkit.scale;

import org.xtalkit.refine.LevenbergMarquardt;

import java.util.List;

/**
 * DIALS' scaling target as a least-squares problem: residuals I − g·Ih with weights 1/σ² over
 * the working observations, Ih = Σwgi/Σwg² per symmetry group (its dependence on the parameters
 * included in the Jacobian), plus the restraints w·p² on decay (decay_restraint) and absorption
 * (surface_weight) parameters as extra residuals.
 */
final class ScalingTarget implements LevenbergMarquardt.Problem {
    private final ScalingData data;
    private final List<ScalingModel> models;
    private final Groups groups;
    private final double[] intensity, weight;    // per observation (full data arrays)
    private final int[] offset;
    private final int nParams, nRestraints;

    ScalingTarget(ScalingData data, List<ScalingModel> models, int[] working, double[] intensity, double[] weight) {
        this.data = data;
        this.models = models;
        this.intensity = intensity;
        this.weight = weight;
        this.groups = Groups.of(data.key, working);
        offset = new int[models.size() + 1];
        int nr = 0;
        for (int e = 0; e < models.size(); e++) {
            offset[e + 1] = offset[e] + models.get(e).freeCount();
            ScalingModel m = models.get(e);
            if (m.kind == ScalingModel.Kind.PHYSICAL) nr += m.decay.length + m.absorption.length;
        }
        nParams = offset[models.size()];
        nRestraints = nr;
    }

    int[] offsets() { return offset; }
    int observations() { return groups.order().length; }

    @Override public int parameterCount() { return nParams; }

    @Override public double[] parameters() {
        double[] p = new double[nParams];
        for (int e = 0; e < models.size(); e++) models.get(e).getFree(p, offset[e]);
        return p;
    }

    @Override public void setParameters(double[] p) {
        for (int e = 0; e < models.size(); e++) models.get(e).setFree(p, offset[e]);
    }

    @Override public LevenbergMarquardt.Evaluation evaluate(boolean withJacobian) { return evaluate(withJacobian, false); }

    /**
     * Residuals, weights and (optionally) the Jacobian; with {@code ihFixed} the Jacobian leaves
     * out Ih's dependence on the parameters (for parameter errors: the overall scale and B are
     * otherwise absorbed by Ih and only held by the restraints).
     */
    LevenbergMarquardt.Evaluation evaluate(boolean withJacobian, boolean ihFixed) {
        int[] order = groups.order();
        int m = order.length, rows = m + nRestraints;
        double[] r = new double[rows], w = new double[rows], jac = new double[rows * nParams];
        double[] g = new double[m], deriv = new double[64], v = new double[nParams];
        int[] idx = new int[64], cnt = new int[1];
        int maxNz = 3 + 3 + 48;
        double[] dv = new double[m * maxNz];
        int[] di = new int[m * maxNz], dn = new int[m];
        for (int q = 0; q < m; q++) {
            int o = order[q], e = data.exp[o];
            g[q] = ScalingData.scale(data, o, models.get(e), deriv, idx, cnt);
            dn[q] = cnt[0];
            for (int k = 0; k < cnt[0]; k++) { dv[q * maxNz + k] = deriv[k]; di[q * maxNz + k] = idx[k] + offset[e]; }
        }
        for (int h = 0; h < groups.count(); h++) {
            int a = groups.start()[h], b = groups.start()[h + 1];
            double num = 0, den = 0;
            for (int q = a; q < b; q++) { int o = order[q]; num += weight[o] * g[q] * intensity[o]; den += weight[o] * g[q] * g[q]; }
            double ih = den > 0 ? num / den : 0;
            if (withJacobian) java.util.Arrays.fill(v, 0);
            for (int q = a; q < b; q++) {
                int o = order[q];
                r[q] = intensity[o] - g[q] * ih;
                w[q] = weight[o];
                if (withJacobian) {
                    double f = weight[o] * (intensity[o] - 2 * g[q] * ih);
                    for (int k = 0; k < dn[q]; k++) v[di[q * maxNz + k]] += f * dv[q * maxNz + k];
                }
            }
            if (!withJacobian || den <= 0) continue;
            for (int q = a; q < b; q++) {
                int row = q * nParams;
                double c = g[q] / den;
                if (!ihFixed) for (int p = 0; p < nParams; p++) if (v[p] != 0) jac[row + p] = -c * v[p];
                for (int k = 0; k < dn[q]; k++) jac[row + di[q * maxNz + k]] -= ih * dv[q * maxNz + k];
            }
        }
        int rr = m;
        for (int e = 0; e < models.size(); e++) {
            ScalingModel mod = models.get(e);
            if (mod.kind != ScalingModel.Kind.PHYSICAL) continue;
            int base = offset[e] + mod.scale.length - (mod.fixInitial ? 1 : 0);
            for (int j = 0; j < mod.decay.length; j++, rr++) {
                r[rr] = mod.decay[j]; w[rr] = mod.decayRestraint; jac[rr * nParams + base + j] = 1;
            }
            for (int k = 0; k < mod.absorption.length; k++, rr++) {
                r[rr] = mod.absorption[k]; w[rr] = mod.surfaceWeight; jac[rr * nParams + base + mod.decay.length + k] = 1;
            }
        }
        return new LevenbergMarquardt.Evaluation(r, w, jac);
    }
}
