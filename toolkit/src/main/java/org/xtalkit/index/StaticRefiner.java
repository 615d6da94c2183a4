package org.xtalkit.index;

import org.xtalkit.lattice.LatticeSystem;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;
import org.xtalkit.model.UnitCell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal scan-static refinement for indexing, to be replaced by the refinement engine: damped
 * Gauss-Newton (Levenberg-Marquardt) on (x, y, φ) residuals in pixels and images, numeric
 * derivatives, over the crystal orientation and symmetry-constrained cell, the beam direction and a
 * rigid detector shift/tilt; Tukey outlier rejection (1.5 × IQR) between two runs.
 */
public final class StaticRefiner {

    /** Which parts move. DIALS' detector.fix_list=Dist,Tau is fixDistance + fixTau. */
    public record Options(boolean fixBeam, boolean fixDetector, boolean fixDistance, boolean fixTau,
                          int maxIterations, boolean rejectOutliers) {
        public static Options defaults() { return new Options(false, false, false, false, 20, true); }
        public Options crystalOnly() { return new Options(true, true, true, true, maxIterations, rejectOutliers); }
    }

    /** Observations: hkl (in the crystal's setting), panel, pixel centroid (x, y, z in images). */
    public record Observations(int[] miller, int[] panel, double[] xyzPx) {
        public int size() { return panel.length; }
    }

    /** The refined experiment, RMSDs (px, px, images) over the used observations, and which were used. */
    public record Result(Experiment experiment, double[] rmsds, boolean[] used, int nUsed) {
        public double rmsdMm() {
            Panel p = experiment.detector().panel(0);
            return Math.hypot(rmsds[0] * p.pixelSizeFast(), rmsds[1] * p.pixelSizeSlow());
        }
    }

    private final Experiment start;
    private final LatticeSystem system;
    private final Options options;
    private final Mat3 u0;
    private final Vec3 beamAxis1, beamAxis2, detPivot, detFast, detSlow, detNormal;

    public StaticRefiner(Experiment e, LatticeSystem system, Options options) {
        this.start = e;
        this.system = system;
        // With electrons (λ < 0.1 Å) the Ewald sphere is almost flat: the detector distance and tilts
        // trade off against the cell scale and shape, so they stay where the experiment put them
        // (what 3D ED users do with detector.fix_list=Dist,Tau in DIALS).
        if (e.beam().wavelength() < 0.1 && !(options.fixDistance() && options.fixTau()))
            options = new Options(options.fixBeam(), options.fixDetector(), true, true, options.maxIterations(), options.rejectOutliers());
        this.options = options;
        Crystal c = e.crystal();
        UnitCell sym = system.symmetrize(c.unitCell());
        this.u0 = orthonormalise(c.A().times(sym.bMatrix().inverse()));
        // DIALS' default beam.fix=in_spindle_plane: s0 may only tilt out of the plane of beam and spindle
        Vec3 s0 = e.beam().s0().normalize();
        Vec3 spindle = e.goniometer().rotationAxisDatum();
        Vec3 normal = s0.cross(spindle);
        if (normal.length() < 1e-6) normal = s0.cross(Math.abs(s0.x()) < 0.9 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0));
        beamAxis1 = normal.normalize();                 // rotation about it stays in the spindle plane: fixed
        beamAxis2 = s0.cross(beamAxis1).normalize();    // rotation about it leaves the plane: refined
        Panel p0 = e.detector().panel(0);
        double[] bc = p0.beamCentreMm(e.beam());
        detPivot = bc == null ? p0.origin() : p0.labCoord(bc[0], bc[1]);
        detFast = p0.fastAxis().normalize();
        detSlow = p0.slowAxis().normalize();
        detNormal = p0.normal();
    }

    public Result refine(Observations obs, boolean[] use) {
        double[] p = initialParameters();
        boolean[] active = subsample(use, obs);
        p = minimise(p, obs, active);
        if (options.rejectOutliers) {
            boolean[] kept = tukey(residuals(p, obs, active), active);
            if (!Arrays.equals(kept, active)) { active = kept; p = minimise(p, obs, active); }
        }
        double[] r = residuals(p, obs, active);
        double[] ss = new double[3];
        int n = 0;
        for (int i = 0; i < active.length; i++) if (active[i]) { n++; for (int k = 0; k < 3; k++) ss[k] += r[3 * i + k] * r[3 * i + k]; }
        double[] rmsd = new double[3];
        for (int k = 0; k < 3; k++) rmsd[k] = n > 0 ? Math.sqrt(ss[k] / n) : Double.NaN;
        return new Result(model(p), rmsd, active, n);
    }

    /**
     * DIALS' reflections_per_degree = 100: a fixed random subset when there are more, so the
     * cost follows the scan width rather than the spot count.
     */
    private boolean[] subsample(boolean[] use, Observations obs) {
        int n = 0;
        for (boolean b : use) if (b) n++;
        double width = Math.abs(start.scan().oscillationWidth()) * start.scan().numImages();
        int target = (int) Math.ceil(100 * Math.max(width, 1));
        boolean[] out = use.clone();
        if (n <= target) return out;
        java.util.Random rnd = new java.util.Random(42);
        double keep = (double) target / n;
        for (int i = 0; i < out.length; i++) if (out[i] && rnd.nextDouble() >= keep) out[i] = false;
        return out;
    }

    // --- parameters

    private int nCell() { return system.nParameters; }

    private double[] initialParameters() {
        double[] cell = system.parameters(start.crystal().unitCell());
        double[] p = new double[3 + nCell() + 2 + 6];
        System.arraycopy(cell, 0, p, 3, cell.length);
        return p;
    }

    private boolean isFree(int j) {
        int b = 3 + nCell();
        if (j < b) return true;
        if (j == b) return false;                      // in_spindle_plane
        if (j == b + 1) return !options.fixBeam;
        if (options.fixDetector) return false;
        int d = j - b - 2;                 // 0,1 in-plane shifts, 2 distance, 3..5 tilts
        if (d == 2) return !options.fixDistance;
        if (d >= 3) return !options.fixTau;
        return true;
    }

    /** The experiment described by a parameter vector. */
    Experiment model(double[] p) {
        Mat3 rot = Mat3.rotation(new Vec3(0, 0, 1), p[2]).times(Mat3.rotation(new Vec3(0, 1, 0), p[1]))
                .times(Mat3.rotation(new Vec3(1, 0, 0), p[0]));
        UnitCell cell = system.cell(Arrays.copyOfRange(p, 3, 3 + nCell()));
        Crystal c = start.crystal().withA(rot.times(u0).times(cell.bMatrix()));
        int b = 3 + nCell();
        Vec3 s0 = start.beam().s0();
        Mat3 beamRot = Mat3.rotation(beamAxis1, p[b]).times(Mat3.rotation(beamAxis2, p[b + 1]));
        Beam beam = start.beam().withS0(beamRot.times(s0));
        int d = b + 2;
        Mat3 tilt = Mat3.rotation(detNormal, p[d + 3]).times(Mat3.rotation(detFast, p[d + 4])).times(Mat3.rotation(detSlow, p[d + 5]));
        Vec3 shift = detFast.times(p[d]).plus(detSlow.times(p[d + 1])).plus(detNormal.times(p[d + 2]));
        List<Panel> panels = new ArrayList<>();
        for (Panel q : start.detector().panels())
            panels.add(q.withFrame(tilt.times(q.fastAxis()), tilt.times(q.slowAxis()),
                    tilt.times(q.origin().minus(detPivot)).plus(detPivot).plus(shift)));
        Detector det = start.detector().withPanels(panels);
        return start.withCrystal(c).withBeam(beam).withDetector(det);
    }

    // --- least squares

    private double[] minimise(double[] p, Observations obs, boolean[] active) {
        int np = p.length;
        double lambda = 1e-3;
        double[] r = residuals(p, obs, active);
        double cost = dot(r, r);
        for (int it = 0; it < options.maxIterations; it++) {
            double[][] jac = new double[np][];
            for (int j = 0; j < np; j++) {
                if (!isFree(j)) continue;
                double h = step(j, p[j]);
                double[] q = p.clone();
                q[j] += h;
                double[] rq = residuals(q, obs, active);
                for (int k = 0; k < rq.length; k++) rq[k] = (rq[k] - r[k]) / h;
                jac[j] = rq;
            }
            double[][] a = new double[np][np];
            double[] g = new double[np];
            for (int i = 0; i < np; i++) {
                if (jac[i] == null) { a[i][i] = 1; continue; }
                g[i] = dot(jac[i], r);
                for (int j = i; j < np; j++) if (jac[j] != null) { a[i][j] = a[j][i] = dot(jac[i], jac[j]); }
            }
            boolean improved = false;
            for (int tries = 0; tries < 8 && !improved; tries++) {
                double[][] m = new double[np][np];
                for (int i = 0; i < np; i++) { m[i] = a[i].clone(); m[i][i] *= 1 + lambda; }
                double[] delta = solve(m, g);
                if (delta == null) { lambda *= 10; continue; }
                double[] q = p.clone();
                for (int i = 0; i < np; i++) if (jac[i] != null) q[i] -= delta[i];
                double[] rq = residuals(q, obs, active);
                double c = dot(rq, rq);
                if (c < cost) {
                    boolean converged = (cost - c) < 1e-8 * cost;
                    p = q; r = rq; cost = c; lambda = Math.max(lambda / 10, 1e-7); improved = true;
                    if (converged) return p;
                } else lambda *= 10;
            }
            if (!improved) break;
        }
        return p;
    }

    private double step(int j, double v) {
        if (j < 3) return 1e-6;
        if (j < 3 + nCell()) return 1e-6 * Math.max(1, Math.abs(v));
        int b = 3 + nCell();
        if (j < b + 2) return 1e-7;
        return j < b + 5 ? 1e-5 : 1e-7;
    }

    /** (x, y, z) residuals in px and images per observation; unpredictable ones get a fixed penalty. */
    double[] residuals(double[] p, Observations obs, boolean[] active) {
        Experiment e = model(p);
        return Predictor.of(e).residuals(obs, active);
    }

    private static boolean[] tukey(double[] r, boolean[] active) {
        boolean[] keep = active.clone();
        for (int k = 0; k < 3; k++) {
            int n = 0;
            double[] v = new double[active.length];
            for (int i = 0; i < active.length; i++) if (active[i]) v[n++] = r[3 * i + k];
            if (n < 10) return active;
            double[] s = Arrays.copyOf(v, n);
            Arrays.sort(s);
            double q1 = s[(int) (0.25 * (n - 1))], q3 = s[(int) (0.75 * (n - 1))], iqr = q3 - q1;
            for (int i = 0; i < active.length; i++)
                if (active[i] && (r[3 * i + k] < q1 - 1.5 * iqr || r[3 * i + k] > q3 + 1.5 * iqr)) keep[i] = false;
        }
        return keep;
    }

    private static double dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }

    /** Gaussian elimination with partial pivoting; null when singular. */
    private static double[] solve(double[][] m, double[] b) {
        int n = b.length;
        double[] x = b.clone();
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
            if (Math.abs(m[piv][c]) < 1e-300) return null;
            double[] t = m[c]; m[c] = m[piv]; m[piv] = t;
            double tx = x[c]; x[c] = x[piv]; x[piv] = tx;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                if (f == 0) continue;
                for (int k = c; k < n; k++) m[r][k] -= f * m[c][k];
                x[r] -= f * x[c];
            }
        }
        for (int c = n - 1; c >= 0; c--) {
            double s = x[c];
            for (int k = c + 1; k < n; k++) s -= m[c][k] * x[k];
            x[c] = s / m[c][c];
        }
        return x;
    }

    /** Nearest rotation to a matrix (polar decomposition by Newton iteration). */
    static Mat3 orthonormalise(Mat3 m) {
        Mat3 u = m;
        for (int i = 0; i < 30; i++) u = u.plus(u.inverse().transpose()).times(0.5);
        return u;
    }
}
