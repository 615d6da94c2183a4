package org.xtalkit.refine;

import org.xtalkit.XtalException;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.progress.Progress;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.List;


/**
 * Refinement of rotation experiments against their indexed reflections, as dials.refine does:
 * reflections close to the spindle excluded, MCD outlier rejection on the current residuals,
 * Levenberg–Marquardt on (X, Y, φ) weighted by the centroid variances; scan-static first, then
 * (scan_varying=Auto or True) a second macrocycle with the crystal smoothed through the scan while
 * beam and detector stay static (DIALS' force_static defaults). Several experiments are refined
 * jointly, sharing the parameters of the models they share.
 */
public final class Refiner {

    /**
     * @param constraint         the unit-cell constraint of every crystal, or null: each crystal's space group's
     * @param fixBeam            beam parameters to fix besides DIALS' default (Mu1, nu)
     * @param fixCrystal         "cell" and/or "orientation" to fix
     * @param fixDetector        detector parameters to fix (names, or "all")
     * @param outlierAlgorithm   centroid outlier rejection (DIALS' auto: MCD for scans)
     * @param closeToSpindle     DIALS' close_to_spindle_cutoff
     * @param maxIterations      LM iterations at most
     * @param seed               seed of the outlier search
     * @param scanVarying        false: static only; true: static then scan-varying crystal
     * @param intervalWidth      degrees per smoother interval (DIALS: 36)
     * @param cellStatic         keep the cell static in scan-varying refinement (crystal.unit_cell.force_static)
     * @param reflectionsPerDegree DIALS' reflections_per_degree: NaN for Auto (all reflections unless the
     *                           scan is wider than one turn), else a random working set of this many per
     *                           degree (at least 1000, random_seed 42), drawn from the inliers
     */
    public record Options(LatticeConstraint constraint, List<String> fixBeam, List<String> fixCrystal,
                          List<String> fixDetector, CentroidOutliers.Algorithm outlierAlgorithm, double closeToSpindle,
                          int maxIterations, long seed, boolean scanVarying, double intervalWidth, boolean cellStatic,
                          double reflectionsPerDegree) {
        public static Options defaults(LatticeConstraint constraint) {
            return new Options(constraint, List.of(), List.of(), List.of(), CentroidOutliers.Algorithm.MCD, 0.02, 100, 0, false, 36,
                    false, Double.NaN);
        }

        public Options withReflectionsPerDegree(double n) {
            return new Options(constraint, fixBeam, fixCrystal, fixDetector, outlierAlgorithm, closeToSpindle,
                    maxIterations, seed, scanVarying, intervalWidth, cellStatic, n);
        }

        public Options withScanVarying(boolean sv, boolean staticCell) {
            return new Options(constraint, fixBeam, fixCrystal, fixDetector, outlierAlgorithm, closeToSpindle,
                    maxIterations, seed, sv, intervalWidth, staticCell, reflectionsPerDegree);
        }

        public Options withIntervalWidth(double degrees) {
            return new Options(constraint, fixBeam, fixCrystal, fixDetector, outlierAlgorithm, closeToSpindle,
                    maxIterations, seed, scanVarying, degrees, cellStatic, reflectionsPerDegree);
        }

        public Options withFixDetector(List<String> fix) {
            return new Options(constraint, fixBeam, fixCrystal, fix, outlierAlgorithm, closeToSpindle,
                    maxIterations, seed, scanVarying, intervalWidth, cellStatic, reflectionsPerDegree);
        }
    }

    /**
     * One macrocycle: per experiment, the RMSDs before and after and the outliers rejected; the
     * iterations of the joint fit.
     */
    public record Macrocycle(String kind, List<RmsdSummary> initial, List<RmsdSummary> last, int iterations, int[] outliers) {}

    /**
     * The refined experiments (shared models still shared; per-image A when scan-varying), the table
     * with calculated centroids and flags, each macrocycle's RMSDs by experiment, and the final
     * parameters with esds.
     */
    public record Result(ExperimentList experiments, ReflectionTable reflections, List<Macrocycle> macrocycles,
                         List<String> parameterNames, double[] parameterValues, double[] parameterEsds) {
        /** The first (for a single-experiment refinement, the) experiment. */
        public Experiment experiment() { return experiments.get(0); }
        public RmsdSummary initial(int experiment) { return macrocycles.get(0).initial().get(experiment); }
        public RmsdSummary last(int experiment) { return macrocycles.get(macrocycles.size() - 1).last().get(experiment); }
        /** RMSDs of the first experiment: the single experiment's before and after. */
        public RmsdSummary initial() { return initial(0); }
        public RmsdSummary last() { return last(0); }
    }

    /**
     * LM stops when each of the X, Y and φ RMSDs changes by less than this fraction in an iteration:
     * DIALS' rmsd_tolerance ("RMSD no longer decreasing"). Iterating on to a tighter tolerance only
     * walks the fit along its weak directions on a flat objective (scan-varying: the crystal turned
     * about the beam at every image, traded against the detector's in-plane Tau1).
     */
    private static final double LM_TOLERANCE = 1e-4;

    /** Outliers are judged again after a fit that changed more than this fraction of the judgements. */
    private static final double REJUDGE_FRACTION = 0.03;

    private Refiner() {}

    /** One experiment whose reflections carry {@code experimentId} in the table's id column. */
    public static Result refine(Experiment exp, ReflectionTable table, int experimentId, Options opt, Progress progress) {
        return refine(List.of(exp), new int[] {experimentId}, table, opt, progress);
    }

    /**
     * Every experiment of the list together (experiment i owns the rows with id i): beam, detector and
     * crystal models shared by identity are refined as one; each experiment has its own goniometer and scan.
     */
    public static Result refine(ExperimentList experiments, ReflectionTable table, Options opt, Progress progress) {
        int[] ids = new int[experiments.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = i;
        return refine(experiments.experiments(), ids, table, opt, progress);
    }

    private static Result refine(List<Experiment> exps, int[] ids, ReflectionTable table, Options opt, Progress progress) {
        int n = exps.size();
        int[][] rows = new int[n][];
        Observations[] obs = new Observations[n];
        for (int i = 0; i < n; i++) {
            Experiment exp = exps.get(i);
            String which = n > 1 ? "experiment " + i + ": " : "";
            if (exp.crystal() == null) throw new XtalException(which + "refinement needs an indexed experiment (no crystal model)");
            if (exp.goniometer() == null || exp.scan() == null || exp.scan().isStill())
                throw new XtalException(which + "refinement of rotation data needs a scan with a goniometer");
            rows[i] = selectRows(exp, table, ids[i], opt.closeToSpindle());
            if (rows[i].length < 10)
                throw new XtalException(which + "only " + rows[i].length
                        + " indexed reflections are usable for refinement (need 10)");
            obs[i] = observations(table, rows[i]);
        }
        SharedModels models = new SharedModels(exps, opt);

        List<Macrocycle> cycles = new ArrayList<>();
        boolean[][] outlier = new boolean[n][];
        for (int i = 0; i < n; i++) outlier[i] = new boolean[rows[i].length];
        int[][] working = new int[n][];
        JointResiduals problem = cycle("scan-static", obs, models, models.crystal, exps, opt, outlier, working, cycles, progress);
        ScanVaryingCrystal[] sv = null;
        if (opt.scanVarying()) {
            StaticCrystal[] split = models.splitCrystals();
            sv = new ScanVaryingCrystal[n];
            for (int i = 0; i < n; i++) {
                Scan scan = exps.get(i).scan();
                int intervals = GaussianSmoother.intervals(scan.numImages() * scan.oscillationWidth(), opt.intervalWidth());
                sv[i] = new ScanVaryingCrystal(split[i], new GaussianSmoother(0, scan.numImages(), intervals), !opt.cellStatic());
                java.util.Arrays.fill(outlier[i], false);
            }
            problem = cycle("scan-varying", obs, models, sv, exps, opt, outlier, working, cycles, progress);
        }

        Beam[] beams = models.refinedBeams();
        Detector[] detectors = models.refinedDetectors();
        java.util.Map<StaticCrystal, Crystal> staticDone = new java.util.IdentityHashMap<>();
        List<Experiment> refined = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Experiment e = exps.get(i);
            Crystal c = sv != null ? refinedCrystal(e.crystal(), sv[i], e.scan())
                    : staticDone.computeIfAbsent(models.crystal[i], st -> refinedCrystal(e.crystal(), st));
            refined.add(e.withBeam(beams[i]).withDetector(detectors[i]).withCrystal(c));
        }
        ReflectionTable out = table.copy();
        for (int i = 0; i < n; i++) annotate(out, rows[i], outlier[i], working[i], refined.get(i), ids[i], problem.parts().get(i));
        double[] esds = esds(problem);
        return new Result(new ExperimentList(refined), out, cycles, problem.vector().names(), problem.parameters(), esds);
    }

    /**
     * One macrocycle: outliers on each experiment's current residuals (DIALS rejects per experiment),
     * then LM on all experiments together. Marks outliers in {@code outlier}.
     */
    private static JointResiduals cycle(String kind, Observations[] obs, SharedModels models, CrystalModel[] crystals,
                                        List<Experiment> exps, Options opt, boolean[][] outlier, int[][] working, List<Macrocycle> cycles,
                                        Progress progress) {
        int n = exps.size();
        ParameterVector vector = models.vector(crystals);
        RotationResiduals[] all = new RotationResiduals[n];
        List<RmsdSummary> initial = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Experiment exp = exps.get(i);
            Scan scan = exp.scan();
            double osc = Math.toRadians(scan.oscillationWidth()), start = Math.toRadians(scan.oscillationStart());
            all[i] = new RotationResiduals(obs[i], models.beam[i], crystals[i], models.panels[i], exp.goniometer(), start, osc, vector);
            initial.add(rmsd(all[i].evaluate(false), exp));
        }
        // Outliers are judged on the residuals of the model at hand (DIALS judges once, on the starting
        // model). When the fitted model then judges differently (a scan-varying crystal follows a drift
        // the static one could not), they are judged again and refitted, at most 3 rounds: rejecting only
        // on the starting model keeps the reflections that agree with it and biases the fit towards it.
        int[] nOutliers = new int[n];
        int iterations = 0;
        int[][] order = new int[n][];
        int[] sampleSize = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = workingOrder(obs[i].size(), RANDOM_SEED + i);
            sampleSize[i] = sampleSize(exps.get(i).scan(), obs[i].size(), opt.reflectionsPerDegree());
        }
        JointResiduals problem = null;
        boolean reject = opt.outlierAlgorithm() != CentroidOutliers.Algorithm.NULL;
        for (int round = 0; round < (reject ? 3 : 1); round++) {
            boolean changed = round == 0;
            boolean[][] now = new boolean[n][];
            for (int i = 0; i < n; i++) {
                now[i] = outlier[i].clone();
                if (!reject) continue;
                LevenbergMarquardt.Evaluation ev = all[i].evaluate(false);
                now[i] = CentroidOutliers.flag(ev.residuals(), ev.weights(), phiObs(obs[i]), opt.outlierAlgorithm(), opt.seed());
                int flips = 0;
                for (int j = 0; j < now[i].length; j++) if (now[i][j] != outlier[i][j]) flips++;
                // flips at the boundary are the estimator's own jitter; more than 3 % mean the model moved
                changed |= flips > Math.max(2, REJUDGE_FRACTION * now[i].length);
            }
            if (!changed) break;
            List<RotationResiduals> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                System.arraycopy(now[i], 0, outlier[i], 0, now[i].length);
                int[] keep = new int[now[i].length];
                int k = 0;
                nOutliers[i] = 0;
                for (int j = 0; j < now[i].length; j++) if (now[i][j]) nOutliers[i]++;
                for (int j : order[i]) if (!now[i][j] && k < sampleSize[i]) keep[k++] = j;
                keep = java.util.Arrays.copyOf(keep, k);
                java.util.Arrays.sort(keep);
                working[i] = keep;
                parts.add(all[i].withObservations(obs[i].select(keep)));
            }
            problem = new JointResiduals(vector, parts);
            iterations += new LevenbergMarquardt(opt.maxIterations(), LM_TOLERANCE, 3).minimise(problem).iterations();
        }
        List<RmsdSummary> last = new ArrayList<>();
        for (int i = 0; i < n; i++) last.add(rmsd(problem.parts().get(i).evaluate(false), exps.get(i)));
        cycles.add(new Macrocycle(kind, initial, last, iterations, nOutliers));
        for (int i = 0; i < n; i++) {
            RmsdSummary a = initial.get(i), b = last.get(i);
            progress.log(String.format("%s refinement%s: %d outliers rejected; %d iterations; RMSDs X %.3f -> %.3f px, "
                            + "Y %.3f -> %.3f px, Z %.4f -> %.4f images (%d reflections)", kind,
                    n > 1 ? ", experiment " + i : "", nOutliers[i], iterations, a.rmsdXpx(), b.rmsdXpx(),
                    a.rmsdYpx(), b.rmsdYpx(), a.rmsdZimages(), b.rmsdZimages(), b.nref()));
        }
        return problem;
    }

    /** DIALS' refinement.reflections.random_seed. */
    private static final long RANDOM_SEED = 42;

    /** A fixed random order of the reflections: the working set is the first inliers in it. */
    private static int[] workingOrder(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        java.util.Random rnd = new java.util.Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1), t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * DIALS' working-set size: Auto keeps all unless the scan is wider than a turn, then the larger of
     * one turn's share and 100 per degree; a number gives that many per degree; never under 1000.
     */
    static int sampleSize(Scan scan, int n, double perDegree) {
        double width = Math.abs(scan.numImages() * scan.oscillationWidth());
        long size = n;
        if (Double.isNaN(perDegree)) {
            double turns = width / 360;
            if (turns > 1) size = (long) Math.max(Math.ceil(n / turns), 100 * width);
        } else {
            size = (long) (perDegree * width);
        }
        return (int) Math.min(n, Math.max(size, 1000));
    }

    private static double[] phiObs(Observations o) {
        double[] phi = new double[o.size()];
        for (int i = 0; i < phi.length; i++) phi[i] = o.xyzObs()[3 * i + 2];
        return phi;
    }

    private static RmsdSummary rmsd(LevenbergMarquardt.Evaluation ev, Experiment exp) {
        Panel p0 = exp.detector().panel(0);
        return RmsdSummary.of(ev.residuals(), ev.weights(), p0.pixelSizeFast(), p0.pixelSizeSlow(),
                Math.toRadians(exp.scan().oscillationWidth()));
    }

    /** The refined static crystal. */
    private static Crystal refinedCrystal(Crystal c, StaticCrystal st) {
        Crystal fromA = Crystal.fromA(st.U().times(st.B()), c.spaceGroupHall());
        return new Crystal(fromA.realA(), fromA.realB(), fromA.realC(), c.spaceGroupHall(), c.mosaicity(), List.of(), null);
    }

    /** The refined scan-varying crystal: A at the scan's middle, and at every scan point (n_images + 1). */
    private static Crystal refinedCrystal(Crystal c, ScanVaryingCrystal sv, Scan scan) {
        List<Mat3> perPoint = new ArrayList<>();
        for (int z = 0; z <= scan.numImages(); z++) perPoint.add(sv.UAt(z).times(sv.BAt(z)));
        Mat3 a = sv.UAt(scan.numImages() / 2.0).times(sv.BAt(scan.numImages() / 2.0));
        Crystal fromA = Crystal.fromA(a, c.spaceGroupHall());
        return new Crystal(fromA.realA(), fromA.realB(), fromA.realC(), c.spaceGroupHall(), c.mosaicity(), perPoint, null);
    }

    /** Indexed reflections of the experiment with finite centroids, away from the spindle. */
    static int[] selectRows(Experiment exp, ReflectionTable t, int id, double closeToSpindle) {
        int n = t.size();
        int[] ids = t.has("id") ? t.ints("id") : new int[n];
        int[] hkl = t.miller("miller_index");
        long[] flags = t.flags();
        double[] xyz = t.vec3("xyzobs.mm.value");
        int[] panel = t.has("panel") ? t.intsOf("panel") : new int[n];
        // DIALS tests the volume spanned by s0, s1 (both of length 1/λ) and the axis
        Vec3 s0 = exp.beam().s0();
        double k = 1 / exp.beam().wavelength();
        Vec3 axis = exp.goniometer().rotationAxisDatum();
        double[] range = exp.scan().oscillationRange();
        double lo = Math.toRadians(range[0]), hi = Math.toRadians(range[1]);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (ids[i] != id || !Flag.INDEXED.allSetIn(flags[i])) continue;
            if (hkl[3 * i] == 0 && hkl[3 * i + 1] == 0 && hkl[3 * i + 2] == 0) continue;
            double x = xyz[3 * i], y = xyz[3 * i + 1], phi = xyz[3 * i + 2];
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(phi)) continue;
            if (phi < lo - 1e-9 || phi > hi + 1e-9) continue;
            Vec3 s1 = exp.detector().panel(panel[i]).labCoord(x, y).normalize().times(k);
            if (Math.abs(s1.cross(s0).dot(axis)) <= closeToSpindle) continue;
            keep.add(i);
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The refinement observations of the given rows: the table's own columns, selected. */
    static Observations observations(ReflectionTable t, int[] rows) {
        int[] panel = t.has("panel") ? t.intsOf("panel") : new int[t.size()];
        return new Observations(t.miller("miller_index"), panel, t.vec3("xyzobs.mm.value"), t.vec3("xyzobs.mm.variance"))
                .select(rows);
    }

    /** Adds xyzcal.mm / xyzcal.px for every reflection of the experiment and its refinement flags (in place). */
    private static void annotate(ReflectionTable t, int[] rows, boolean[] outlier, int[] working, Experiment refined, int id,
                                 RotationResiduals fitted) {
        int n = t.size();
        long[] flags = t.flags();
        // only this experiment's rows: the other experiments keep what their own refinement flagged
        int[] ids = t.has("id") ? t.ints("id") : new int[n];
        for (int i = 0; i < n; i++)
            if (ids[i] == id) flags[i] &= ~(Flag.USED_IN_REFINEMENT.bits | Flag.CENTROID_OUTLIER.bits);
        for (int k = 0; k < rows.length; k++) if (outlier[k]) flags[rows[k]] |= Flag.CENTROID_OUTLIER.bits;
        double[] used = fitted.withObservations(observations(t, rows)).predict();
        for (int k : working) if (Double.isFinite(used[3 * k])) flags[rows[k]] |= Flag.USED_IN_REFINEMENT.bits;
        int[] all = selectRows(refined, t, id, -1);
        Observations obs = observations(t, all);
        double[] calc = fitted.withObservations(obs).predict();
        double[] mm = t.has("xyzcal.mm") ? t.vec3("xyzcal.mm") : t.newVec3("xyzcal.mm");
        double[] px = t.has("xyzcal.px") ? t.vec3("xyzcal.px") : t.newVec3("xyzcal.px");
        Scan scan = refined.scan();
        for (int k = 0; k < all.length; k++) {
            int r = all[k];
            System.arraycopy(calc, 3 * k, mm, 3 * r, 3);
            Panel p = refined.detector().panel(obs.panel()[k]);
            double[] pix = p.mmToPixel(calc[3 * k], calc[3 * k + 1]);
            px[3 * r] = pix[0];
            px[3 * r + 1] = pix[1];
            px[3 * r + 2] = scan.frameFromAngle(Math.toDegrees(calc[3 * k + 2]));
        }
    }

    /** esds from the inverse normal matrix at the solution. */
    private static double[] esds(JointResiduals problem) {
        int n = problem.parameterCount();
        double[] normal = LevenbergMarquardt.normalMatrix(problem.evaluate(true), n);
        double[] e = new double[n];
        try {
            org.ejml.data.DMatrixRMaj m = new org.ejml.data.DMatrixRMaj(n, n, true, normal);
            org.ejml.dense.row.CommonOps_DDRM.invert(m);
            for (int i = 0; i < n; i++) e[i] = Math.sqrt(Math.max(0, m.get(i, i)));
        } catch (RuntimeException ex) {
            java.util.Arrays.fill(e, Double.NaN);
        }
        return e;
    }

}
