package org.xtalkit.scale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.xtalkit.XtalException;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.refine.LevenbergMarquardt;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.List;

/**
 * dials.scale for rotation data: models per experiment, then rounds of (outlier rejection,
 * least-squares refinement of the model against the weighted means of symmetry groups, error
 * model), and the scale factors and corrected variances written back to the reflections.
 */
public final class Scaler {
    private Scaler() {}

    /** Scaled experiments (with their scaling_model) and reflections, the models and the error model. */
    public record Result(ExperimentList experiments, ReflectionTable reflections, List<ScalingModel> models,
                         BasicErrorModel.Fit errorModel, String intensityChoice) {}

    public static Result run(ExperimentList experiments, ReflectionTable input, ScaleParams p, Progress progress) {
        if (experiments.isEmpty()) throw new XtalException("scale: no experiments");
        String hall = experiments.get(0).crystal().spaceGroupHall();
        for (Experiment e : experiments)
            if (!e.crystal().spaceGroupHall().equals(hall))
                throw new XtalException("scale: experiments have different space groups ('" + hall + "', '" + e.crystal().spaceGroupHall()
                        + "'); run symmetry / reindex first");
        List<ScalingModel> models = new ArrayList<>();
        for (Experiment e : experiments) models.add(createModel(e, p));
        boolean hasPrf = input.has("intensity.prf.value");
        boolean usePrf = hasPrf && !p.intensityChoice().equals("sum");
        ScalingData data = new ScalingData(experiments.experiments(), input, models, p.anomalous(), p.partialityCutoff(),
                p.minIsigi(), p.dMin(), usePrf && p.intensityChoice().equals("profile"));
        progress.log("Space group being used during scaling is " + spaceGroupName(hall));
        if (data.combinedPartials > 0) progress.log("Combined " + data.combinedPartials + " partial reflections with other partial reflections");
        progress.log(String.format("Excluding %d/%d reflections", input.size() - data.n, input.size()));
        for (int e = 0; e < models.size(); e++)
            progress.log(String.format("Experiment %d: %s model, %d scale, %d decay, %d absorption parameters", e,
                    models.get(e).kind == ScalingModel.Kind.PHYSICAL ? "physical" : "KB",
                    models.get(e).scale.length, models.get(e).decay.length, models.get(e).absorption.length));
        int n = data.n;
        double[] i = new double[n], var = new double[n];
        String choice = usePrf ? "profile" : "sum";
        double imid = usePrf ? 0 : 1;   // DIALS records the choice as Imid: 0 profile, 1 summation, else the blend's Imid
        for (int q = 0; q < n; q++) {
            boolean prf = usePrf && !Double.isNaN(data.iPrf[q]);
            i[q] = prf ? data.iPrf[q] : data.iSum[q];
            var[q] = prf ? data.vPrf[q] : data.vSum[q];
        }
        BasicErrorModel.Fit em = BasicErrorModel.initial();
        progress.log("Loaded error model:");
        em.format().forEach(progress::log);
        double[] g = new double[n];
        java.util.Arrays.fill(g, 1.0);
        boolean[] outlier = new boolean[n];
        int[] all = new int[n];
        for (int q = 0; q < n; q++) all[q] = q;

        double[] varEm = applyErrorModel(em, i, var);
        // before any scaling each dataset is judged on its own (DIALS' per-dataset preprocessing):
        // unscaled datasets differ by their overall scale
        rejectOutliers(data, perDataset(data), all, i, varEm, g, outlier, p, progress);
        Refinement last = refine(data, models, i, varEm, outlier, p, progress);
        computeScales(data, models, g);
        rejectOutliers(data, data.key, all, i, varEm, g, outlier, p, progress);
        if (p.intensityChoice().equals("combine") && hasPrf) {
            IntensityCombination.Choice c = IntensityCombination.choose(data, g, outlier, em);
            c.log().forEach(progress::log);
            choice = c.name();
            imid = c.imid();
            for (int q = 0; q < n; q++) { i[q] = c.intensity()[q]; var[q] = c.variance()[q]; }
            varEm = applyErrorModel(em, i, var);
        }
        for (int round = 0; round < 2; round++) {
            last = refine(data, models, i, varEm, outlier, p, progress);
            computeScales(data, models, g);
            rejectOutliers(data, data.key, all, i, varEm, g, outlier, p, progress);
            if (p.errorModel()) {
                int[] good = notOutliers(outlier);
                em = BasicErrorModel.refine(data.keyAnomalous, good,   // DIALS fits it on anomalous groups
                         i, var, g, data.partiality, p.minIh(), p.errorModelBins());
                if (em.refined()) progress.log("Performing a round of error model refinement.");
                else progress.log("Insufficient reflections to perform error modelling; keeping the current error model.");
                em.format().forEach(progress::log);
                varEm = applyErrorModel(em, i, var);
            }
        }
        double[] gVar = scaleVariances(data, models, last);
        return new Result(withModels(experiments, models, em, imid), output(input, data, i, varEm, g, gVar, outlier),
                models, em, choice);
    }

    static ScalingModel createModel(Experiment e, ScaleParams p) {
        String kind = p.model();
        if (kind.equalsIgnoreCase("auto")) {
            if (e.scan() == null || e.scan().isStill()) kind = "KB";
            else {
                // dxtbx keeps the oscillation in radians: ten 0.1° images span 0.99999999999997°, under 1°
                var sc = e.scan();
                double s = Math.toRadians(sc.oscillationStart()), end = s + sc.numImages() * Math.toRadians(sc.oscillationWidth());
                kind = Math.abs(Math.toDegrees(end) - Math.toDegrees(s)) < 1.0 ? "KB" : "physical";
            }
        }
        if (kind.equalsIgnoreCase("KB")) return ScalingModel.kb(e.scan());
        if (!kind.equalsIgnoreCase("physical")) throw new XtalException("model=" + p.model() + ": expected auto, physical or KB");
        if (e.scan() == null) throw new XtalException("model=physical needs a scan (experiment " + e.identifier() + " has none)");
        return ScalingModel.physical(e.scan(), p.scaleInterval(), p.decayInterval(), p.absorptionLevel(), p.absorptionCorrection(),
                p.decayRestraint());
    }

    private static String spaceGroupName(String hall) {
        try { return org.xtalkit.spacegroup.SpaceGroup.fromHall(hall).xhm(); } catch (RuntimeException e) { return hall.trim(); }
    }

    static double[] applyErrorModel(BasicErrorModel.Fit em, double[] i, double[] var) {
        double[] out = new double[i.length];
        double a2 = em.a() * em.a(), b2 = em.b() * em.b();
        for (int q = 0; q < i.length; q++) out[q] = a2 * (var[q] + b2 * i[q] * i[q]);
        return out;
    }

    private static int[] notOutliers(boolean[] outlier) {
        int m = 0;
        for (boolean b : outlier) if (!b) m++;
        int[] out = new int[m];
        for (int q = 0, k = 0; q < outlier.length; q++) if (!outlier[q]) out[k++] = q;
        return out;
    }

    /** Group keys that also tell experiments apart. */
    private static long[] perDataset(ScalingData data) {
        long[] k = new long[data.n];
        for (int q = 0; q < data.n; q++) k[q] = data.key[q] | ((long) data.exp[q] << 34);
        return k;
    }

    private static void rejectOutliers(ScalingData data, long[] key, int[] all, double[] i, double[] var, double[] g, boolean[] outlier,
                                       ScaleParams p, Progress progress) {
        if (!p.outlierRejection().equals("standard")) return;
        java.util.Arrays.fill(outlier, false);
        int found = OutlierRejection.reject(key, all, i, var, g, p.outlierZmax(), outlier);
        progress.log("A round of outlier rejection has been performed, " + found + " outliers have been identified.");
    }

    private static Refinement refine(ScalingData data, List<ScalingModel> models, double[] i, double[] var,
                                                    boolean[] outlier, ScaleParams p, Progress progress) {
        List<Integer> sel = new ArrayList<>();
        for (int q = 0; q < data.n; q++) if (!outlier[q] && data.partiality[q] > p.minPartiality()) sel.add(q);
        int[] s = sel.stream().mapToInt(Integer::intValue).toArray();
        int[] working = Groups.of(data.key, s).inGroupsOfAtLeast(2);
        double[] w = new double[data.n];
        for (int q = 0; q < data.n; q++) w[q] = 1 / var[q];
        ScalingTarget target = new ScalingTarget(data, models, working, i, w);
        LevenbergMarquardt.Result r = new LevenbergMarquardt(p.maxIterations(), 1e-6).minimise(target);
        double[] h = r.objectiveHistory();
        progress.log(String.format("Levenberg-Marquardt: %d reflections, %d parameters, RMSD_I %.4f -> %.4f in %d steps",
                target.observations(), target.parameterCount(), Math.sqrt(h[0] / target.observations()),
                Math.sqrt(h[h.length - 1] / target.observations()), h.length - 1));
        // parameter esds from the inverse normal matrix
        int np = target.parameterCount();
        DMatrixRMaj nm = new DMatrixRMaj(np, np, true, LevenbergMarquardt.normalMatrix(target.evaluate(true, true), np));
        DMatrixRMaj inv = new DMatrixRMaj(np, np);
        double[] esd = new double[np];
        boolean ok = np > 0 && target.observations() > np && CommonOps_DDRM.invert(nm, inv)
                && !org.ejml.dense.row.MatrixFeatures_DDRM.hasUncountable(inv);
        // DIALS' var_cov: the inverse normal matrix times the reduced χ²
        if (ok) CommonOps_DDRM.scale(h[h.length - 1] / (target.observations() - np), inv);
        if (ok) for (int k = 0; k < np; k++) esd[k] = Math.sqrt(Math.max(0, inv.get(k, k)));
        int[] off = target.offsets();
        for (int e = 0; e < models.size(); e++) models.get(e).setEsds(esd, off[e]);
        return new Refinement(r, ok ? inv : null, off);
    }

    /** One round's outcome: the minimiser's record, the parameter covariance and each model's offset. */
    private record Refinement(LevenbergMarquardt.Result result, DMatrixRMaj covariance, int[] offsets) {}

    static void computeScales(ScalingData data, List<ScalingModel> models, double[] g) {
        for (int q = 0; q < data.n; q++) g[q] = ScalingData.scale(data, q, models.get(data.exp[q]), null, null, null);
    }

    /** var(g) = ∂g/∂p · Σ · ∂g/∂pᵀ with Σ the inverse normal matrix of the last refinement. */
    private static double[] scaleVariances(ScalingData data, List<ScalingModel> models, Refinement r) {
        double[] out = new double[data.n];
        DMatrixRMaj cov = r.covariance();
        int[] off = r.offsets();
        if (cov == null) return out;
        double[] deriv = new double[64];
        int[] idx = new int[64], cnt = new int[1];
        for (int q = 0; q < data.n; q++) {
            int e = data.exp[q];
            ScalingData.scale(data, q, models.get(e), deriv, idx, cnt);
            double v = 0;
            for (int a = 0; a < cnt[0]; a++)
                for (int b = 0; b < cnt[0]; b++) v += deriv[a] * deriv[b] * cov.get(off[e] + idx[a], off[e] + idx[b]);
            out[q] = Double.isFinite(v) ? Math.max(0, v) : 0;   // an undetermined model (too few groups) adds nothing
        }
        return out;
    }

    private static ExperimentList withModels(ExperimentList experiments, List<ScalingModel> models, BasicErrorModel.Fit em, double imid) {
        List<Experiment> out = new ArrayList<>();
        for (int e = 0; e < experiments.size(); e++)
            out.add(experiments.get(e).withScalingModel(models.get(e).toJson(em.a(), em.b(), imid)));
        return new ExperimentList(out);
    }

    private static ReflectionTable output(ReflectionTable input, ScalingData data, double[] i, double[] var, double[] g,
                                          double[] gVar, boolean[] outlier) {
        ReflectionTable t = input.copy();
        int rows = t.size();
        double[] isf = t.newDoubles("inverse_scale_factor"), isfVar = t.newDoubles("inverse_scale_factor_variance");
        double[] iv = t.newDoubles("intensity.scale.value"), vv = t.newDoubles("intensity.scale.variance");
        java.util.Arrays.fill(isf, 1.0);
        long[] flags = t.flags();
        for (int r = 0; r < rows; r++) {
            flags[r] &= ~(Flag.OUTLIER_IN_SCALING.bits | Flag.EXCLUDED_FOR_SCALING.bits | Flag.SCALED.bits);
            if (data.excluded[r]) flags[r] |= Flag.EXCLUDED_FOR_SCALING.bits;
        }
        for (int q = 0; q < data.n; q++) {
            int r = data.row[q];
            isf[r] = g[q];
            isfVar[r] = gVar[q];
            iv[r] = i[q];
            // DIALS widens σ² by the fractional error of the scale: × (1 + σ_g/g)
            vv[r] = var[q] * (1 + Math.sqrt(gVar[q]) / g[q]);
            if (outlier[q]) flags[r] |= Flag.OUTLIER_IN_SCALING.bits;
            else flags[r] |= Flag.SCALED.bits;
        }
        return t;
    }
}
