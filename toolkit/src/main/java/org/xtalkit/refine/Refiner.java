package org.xtalkit.refine;

import org.xtalkit.XtalException;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.progress.Progress;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.List;


/**
 * Refinement of one rotation experiment against its indexed reflections, as dials.refine does:
 * reflections close to the spindle excluded, MCD outlier rejection on the current residuals,
 * Levenberg–Marquardt on (X, Y, φ) weighted by the centroid variances; scan-static first, then
 * (scan_varying=Auto or True) a second macrocycle with the crystal smoothed through the scan while
 * beam and detector stay static (DIALS' force_static defaults).
 */
public final class Refiner {

    /**
     * @param constraint         the unit-cell constraint of the crystal's lattice
     * @param fixBeam            beam parameters to fix besides DIALS' default (Mu1, nu)
     * @param fixCrystal         "cell" and/or "orientation" to fix
     * @param fixDetector        detector parameters to fix (names, or "all")
     * @param outlierRejection   MCD outlier rejection on (the DIALS default for scans)
     * @param closeToSpindle     DIALS' close_to_spindle_cutoff
     * @param maxIterations      LM iterations at most
     * @param seed               seed of the outlier search
     * @param scanVarying        false: static only; true: static then scan-varying crystal
     * @param intervalWidth      degrees per smoother interval (DIALS: 36)
     * @param cellStatic         keep the cell static in scan-varying refinement (crystal.unit_cell.force_static)
     */
    public record Options(LatticeConstraint constraint, List<String> fixBeam, List<String> fixCrystal,
                          List<String> fixDetector, boolean outlierRejection, double closeToSpindle,
                          int maxIterations, long seed, boolean scanVarying, double intervalWidth, boolean cellStatic) {
        public static Options defaults(LatticeConstraint constraint) {
            return new Options(constraint, List.of(), List.of(), List.of(), true, 0.02, 100, 0, false, 36, false);
        }

        public Options withScanVarying(boolean sv, boolean staticCell) {
            return new Options(constraint, fixBeam, fixCrystal, fixDetector, outlierRejection, closeToSpindle,
                    maxIterations, seed, sv, intervalWidth, staticCell);
        }

        public Options withFixDetector(List<String> fix) {
            return new Options(constraint, fixBeam, fixCrystal, fix, outlierRejection, closeToSpindle,
                    maxIterations, seed, scanVarying, intervalWidth, cellStatic);
        }
    }

    /** One macrocycle: the RMSDs before and after, iterations and outliers rejected. */
    public record Macrocycle(String kind, RmsdSummary initial, RmsdSummary last, int iterations, int outliers) {}

    /**
     * The refined experiment (per-image A when scan-varying), the table with calculated centroids and
     * flags, each macrocycle's RMSDs, the final parameters with esds, and per-image RMSDs
     * (X px, Y px, Z images, count) for the RMSD-per-image plot.
     */
    public record Result(Experiment experiment, ReflectionTable reflections, List<Macrocycle> macrocycles,
                         List<String> parameterNames, double[] parameterValues, double[] parameterEsds) {
        public RmsdSummary initial() { return macrocycles.get(0).initial(); }
        public RmsdSummary last() { return macrocycles.get(macrocycles.size() - 1).last(); }
    }

    private Refiner() {}

    public static Result refine(Experiment exp, ReflectionTable table, int experimentId, Options opt, Progress progress) {
        if (exp.crystal() == null) throw new XtalException("refinement needs an indexed experiment (no crystal model)");
        if (exp.goniometer() == null || exp.scan() == null || exp.scan().isStill())
            throw new XtalException("refinement of rotation data needs a scan with a goniometer");
        int[] rows = selectRows(exp, table, experimentId, opt.closeToSpindle());
        if (rows.length < 10)
            throw new XtalException("only " + rows.length + " indexed reflections are usable for refinement (need 10)");
        Observations all = observations(table, rows);

        BeamParameterisation beam = new BeamParameterisation(exp.beam(), exp.goniometer());
        opt.fixBeam().forEach(beam::fixMatching);
        Crystal c = exp.crystal();
        CrystalOrientationParameterisation ori = new CrystalOrientationParameterisation(c.U());
        UnitCellParameterisation cell = new UnitCellParameterisation(c.unitCell(), opt.constraint());
        if (opt.fixCrystal().contains("cell")) cell.fixAll();
        if (opt.fixCrystal().contains("orientation")) ori.fixAll();
        Detector det = exp.detector();
        DetectorParameterisation[] panels = new DetectorParameterisation[det.size()];
        for (int p = 0; p < det.size(); p++) {
            panels[p] = new DetectorParameterisation(det.panel(p));
            // multi-panel detectors stay fixed until a hierarchical parameterisation exists
            if (det.size() > 1 || opt.fixDetector().contains("all")) panels[p].fixAll();
            else for (String f : opt.fixDetector()) panels[p].fixMatching(f);
        }
        Scan scan = exp.scan();
        double osc = Math.toRadians(scan.oscillationWidth()), start = Math.toRadians(scan.oscillationStart());

        List<Macrocycle> cycles = new ArrayList<>();
        boolean[] outlier = new boolean[rows.length];
        StaticCrystal staticCrystal = new StaticCrystal(ori, cell);
        RotationResiduals problem = cycle("scan-static", all, beam, staticCrystal, panels, exp, opt, outlier, cycles, progress);
        ScanVaryingCrystal sv = null;
        if (opt.scanVarying()) {
            int intervals = GaussianSmoother.intervals(scan.numImages() * scan.oscillationWidth(), opt.intervalWidth());
            sv = new ScanVaryingCrystal(staticCrystal, new GaussianSmoother(0, scan.numImages(), intervals), !opt.cellStatic());
            java.util.Arrays.fill(outlier, false);
            problem = cycle("scan-varying", all, beam, sv, panels, exp, opt, outlier, cycles, progress);
        }

        Crystal refinedCrystal = refinedCrystal(c, staticCrystal, sv, scan);
        List<Panel> newPanels = new ArrayList<>();
        for (DetectorParameterisation dp : panels) newPanels.add(dp.panel());
        Experiment refined = exp.withBeam(beam.beam()).withCrystal(refinedCrystal).withDetector(det.withPanels(newPanels));
        ReflectionTable out = annotate(table, rows, outlier, refined, experimentId, problem);
        double[] esds = esds(problem);
        return new Result(refined, out, cycles, problem.parameterNames(), problem.parameters(), esds);
    }

    /** One macrocycle: outliers on the current residuals, then LM. Marks outliers in {@code outlier}. */
    private static RotationResiduals cycle(String kind, Observations all, BeamParameterisation beam, CrystalModel crystal,
                                           DetectorParameterisation[] panels, Experiment exp, Options opt,
                                           boolean[] outlier, List<Macrocycle> cycles, Progress progress) {
        Scan scan = exp.scan();
        double osc = Math.toRadians(scan.oscillationWidth()), start = Math.toRadians(scan.oscillationStart());
        Panel p0 = exp.detector().panel(0);
        RotationResiduals problem = new RotationResiduals(all, beam, crystal, panels, exp.goniometer(), start, osc);
        LevenbergMarquardt.Evaluation first = problem.evaluate(false);
        RmsdSummary initial = RmsdSummary.of(first.residuals(), first.weights(), p0.pixelSizeFast(), p0.pixelSizeSlow(), osc);
        int nOutliers = 0;
        Observations used = all;
        if (opt.outlierRejection()) {
            boolean[] o = FastMcd.outliers(first.residuals(), opt.seed(), 500);
            int[] keep = new int[o.length];
            int k = 0;
            for (int i = 0; i < o.length; i++) {
                outlier[i] = o[i];
                if (o[i]) nOutliers++; else keep[k++] = i;
            }
            used = all.select(java.util.Arrays.copyOf(keep, k));
            problem = new RotationResiduals(used, beam, crystal, panels, exp.goniometer(), start, osc);
        }
        LevenbergMarquardt.Result lm = new LevenbergMarquardt(opt.maxIterations(), 1e-8).minimise(problem);
        LevenbergMarquardt.Evaluation fin = problem.evaluate(false);
        RmsdSummary last = RmsdSummary.of(fin.residuals(), fin.weights(), p0.pixelSizeFast(), p0.pixelSizeSlow(), osc);
        cycles.add(new Macrocycle(kind, initial, last, lm.iterations(), nOutliers));
        progress.log(String.format("%s refinement: %d outliers rejected; %d iterations; RMSDs X %.3f -> %.3f px, "
                        + "Y %.3f -> %.3f px, Z %.4f -> %.4f images (%d reflections)", kind, nOutliers, lm.iterations(),
                initial.rmsdXpx(), last.rmsdXpx(), initial.rmsdYpx(), last.rmsdYpx(), initial.rmsdZimages(),
                last.rmsdZimages(), last.nref()));
        return problem;
    }

    /** The refined crystal: static A, plus A at every scan point (n_images + 1) when scan-varying. */
    private static Crystal refinedCrystal(Crystal c, StaticCrystal st, ScanVaryingCrystal sv, Scan scan) {
        List<Mat3> perPoint = new ArrayList<>();
        Mat3 a;
        if (sv != null) {
            for (int z = 0; z <= scan.numImages(); z++) perPoint.add(sv.UAt(z).times(sv.BAt(z)));
            a = sv.UAt(scan.numImages() / 2.0).times(sv.BAt(scan.numImages() / 2.0));
        } else {
            a = st.U().times(st.B());
        }
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

    /** Adds xyzcal.mm / xyzcal.px for every reflection of the experiment and the refinement flags. */
    private static ReflectionTable annotate(ReflectionTable in, int[] rows, boolean[] outlier, Experiment refined, int id,
                                            RotationResiduals fitted) {
        ReflectionTable t = in.copy();
        int n = t.size();
        long[] flags = t.flags();
        // only this experiment's rows: the other experiments keep what their own refinement flagged
        int[] ids = t.has("id") ? t.ints("id") : new int[n];
        for (int i = 0; i < n; i++) if (ids[i] == id) flags[i] &= ~(Flag.USED_IN_REFINEMENT.bits | Flag.CENTROID_OUTLIER.bits);
        for (int k = 0; k < rows.length; k++) {
            if (outlier[k]) flags[rows[k]] |= Flag.CENTROID_OUTLIER.bits;
            else flags[rows[k]] |= Flag.USED_IN_REFINEMENT.bits;
        }
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
        return t;
    }

    /** esds from the inverse normal matrix at the solution. */
    private static double[] esds(RotationResiduals problem) {
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
