package org.xtalkit.integrate;

import org.xtalkit.XtalException;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;
import org.xtalkit.table.MaskCode;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.Shoebox;

import java.util.List;

/**
 * Profile fitting in the Kabsch reflection frame, as DIALS' GaussianRSProfileModeller with
 * fit_method=reciprocal_space. Pass 1: strong, fully recorded reflections are transformed into
 * the (2g+1)³ grid ({@link KabschTransform}), background-subtracted, normalised and summed into
 * reference profiles on a grid of detector regions × scan blocks ({@link ProfileGridSampler}),
 * each feeding its neighbours with a Gaussian weight. Pass 2: every reflection's shoebox and
 * background are transformed and the reference of its block is fitted by iteratively reweighted
 * least squares with Poisson weights (DIALS' ProfileFitter).
 *
 * <p>{@link #addReference} may be called from several threads; {@link #finishReferences} once
 * after the last; then {@link #fit} from any number of threads. As in DIALS, references should be
 * reference spots (strong, indexed, used in refinement), fully recorded (partiality &gt; 0.99) and
 * integrated by summation. The fitted intensity is that of the whole reflection (the reference is
 * normalised over the full grid), so it needs no partiality correction.
 */
public final class ProfileFitter {
    /**
     * @param gridSize       half size g of the profile grid (DIALS' grid_size = 5: 11×11×11)
     * @param scanStep       degrees of scan per block of reference profiles (DIALS' scan_step = 5)
     * @param regularGrid    3×3 detector regions per scan block (DIALS' grid_method=regular_grid);
     *                       false, or a multi-panel detector: one region (DIALS' "single")
     * @param minReflections reflections a reference profile needs (DIALS counts each weighted
     *                       contribution, neighbours' included, and needs one); a block with
     *                       fewer borrows the nearest block's profile
     * @param tolerance      convergence of the fitted intensity, counts (DIALS: 1e-3)
     * @param maxIterations  iterations of the fit before falling back to summation (DIALS: 100)
     */
    public record Options(int gridSize, double scanStep, boolean regularGrid, int minReflections,
                          double tolerance, int maxIterations) {
        public static final Options DEFAULTS = new Options(5, 5.0, true, 1, 1e-3, 100);
        private static final String P = "profile.gaussian_rs.fitting.";

        public Options {
            if (gridSize < 1 || !(scanStep > 0) || minReflections < 1 || !(tolerance > 0) || maxIterations < 1)
                throw new XtalException("profile fitting: grid_size=" + gridSize + " (>= 1), scan_step=" + scanStep
                        + " (> 0), min_reflections=" + minReflections + " (>= 1) out of range");
        }

        /** The parameters as DIALS names them (min_reflections is xtalkit's). */
        public static List<ParamSpec> specs() {
            return List.of(
                    ParamSpec.of(P + "scan_step", ParamType.FLOAT, "5", "Space between profiles in degrees"),
                    ParamSpec.of(P + "grid_size", ParamType.INT, "5", "The size of the profile grid."),
                    ParamSpec.choice(P + "grid_method", "regular_grid", "Select the profile grid method",
                            "single", "regular_grid"),
                    ParamSpec.of(P + "min_reflections", ParamType.INT, "1",
                            "Reflections a reference profile needs; with fewer it borrows the nearest profile's"));
        }

        public static Options from(ParamValues v) {
            return new Options(v.getInt(P + "grid_size"), v.getDouble(P + "scan_step"),
                    "regular_grid".equals(v.str(P + "grid_method")), v.getInt(P + "min_reflections"), 1e-3, 100);
        }
    }

    /**
     * The result of fitting one reflection (DIALS' intensity.prf.value, intensity.prf.variance,
     * profile.correlation; success sets integrated_prf).
     */
    public record Fit(double intensity, double variance, double correlation, boolean success) {
        public static final Fit FAILED = new Fit(0, -1, 0, false);
    }

    private final Experiment experiment;
    private final Options options;
    private final KabschTransform transform;
    private final ProfileGridSampler sampler;
    private final double[][] profiles;
    private final int[] nReflections;
    private final int[] use;
    private final ThreadLocal<KabschTransform.Grid> grids;
    private volatile boolean finished;

    public ProfileFitter(Experiment experiment, ProfileModel model, Options options) {
        this.experiment = experiment;
        this.options = options;
        // DIALS models the profile over 1.5 × the n_sigma of the shoebox
        this.transform = new KabschTransform(experiment, model.sigmaB(), model.sigmaM(), 1.5 * model.nSigma(),
                options.gridSize());
        var scan = experiment.scan();
        double range = scan.numImages() * Math.abs(scan.oscillationWidth());
        int nz = Math.max(1, (int) Math.ceil(range / options.scanStep() - 1e-9));
        boolean grid = options.regularGrid() && experiment.detector().size() == 1;
        Panel p0 = experiment.detector().panel(0);
        this.sampler = new ProfileGridSampler(p0.imageSizeFast(), p0.imageSizeSlow(), 0, scan.numImages(),
                grid ? 3 : 1, grid ? 3 : 1, nz);
        this.profiles = new double[sampler.size()][];
        this.nReflections = new int[sampler.size()];
        this.use = new int[sampler.size()];
        java.util.Arrays.fill(use, -1);
        this.grids = ThreadLocal.withInitial(transform::newGrid);
    }

    public ProfileFitter(Experiment experiment, ProfileModel model) { this(experiment, model, Options.DEFAULTS); }

    /**
     * Add a strong, fully recorded reflection to the reference profiles.
     *
     * @param sb    shoebox with data, mask (VALID, FOREGROUND, BACKGROUND bits) and background
     * @param s1    its diffracted beam vector
     * @param phi   its φ (rad, xyzcal.mm z)
     * @param frame its frame (xyzcal.px z)
     * @return true when it was used (as DIALS: background present, bbox on the panel, all
     *         foreground pixels valid, positive background-subtracted sum in the grid)
     */
    public boolean addReference(Shoebox sb, Vec3 s1, double phi, double frame) {
        if (finished) throw new IllegalStateException("reference profiles are finished");
        if (!sb.isAllocated() || sb.background().length != sb.data().length || !bboxOnPanel(sb) || !foregroundValid(sb))
            return false;
        KabschTransform.Grid g = grids.get();
        if (!transform.forward(sb, s1, phi, true, g)) return false;
        double sum = 0;
        for (double v : g.data) sum += v;
        if (!(sum > 0)) return false;
        double[] xy = pixel(sb.panel(), s1);
        if (xy == null) return false;
        for (int index : sampler.nearestN(xy[0], xy[1], frame)) {
            double w = sampler.weight(index, xy[0], xy[1], frame) / sum;
            double[] p;
            synchronized (profiles) {
                if (profiles[index] == null) profiles[index] = new double[transform.volume()];
                p = profiles[index];
            }
            synchronized (p) {
                for (int i = 0; i < p.length; i++) p[i] += w * g.data[i];
                nReflections[index]++;
            }
        }
        return true;
    }

    /**
     * Normalise the reference profiles as DIALS' EmpiricalProfileModeller::finalize (negative
     * values set to 0, sum 1); blocks with fewer than minReflections borrow the nearest good one.
     */
    public synchronized void finishReferences() {
        if (finished) return;
        for (int i = 0; i < profiles.length; i++) {
            double[] p = profiles[i];
            if (p == null) continue;
            synchronized (p) {
                if (nReflections[i] < options.minReflections()) continue;
                double sum = 0;
                for (int j = 0; j < p.length; j++) {
                    if (p[j] < 0) p[j] = 0;
                    sum += p[j];
                }
                if (!(sum > 0)) continue;
                for (int j = 0; j < p.length; j++) p[j] /= sum;
            }
            use[i] = i;
        }
        for (int i = 0; i < profiles.length; i++) {
            if (use[i] == i) continue;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < profiles.length; j++)
                if (use[j] == j && sampler.blockDistance2(i, j) < best) {
                    best = sampler.blockDistance2(i, j);
                    use[i] = j;
                }
        }
        finished = true;
    }

    /**
     * Fit one reflection with the reference profile of its block.
     *
     * @param sb    shoebox with data, mask and background
     * @param s1    its diffracted beam vector
     * @param phi   its φ (rad, xyzcal.mm z)
     * @param frame its frame (xyzcal.px z)
     */
    public Fit fit(Shoebox sb, Vec3 s1, double phi, double frame) {
        if (!finished) throw new IllegalStateException("finishReferences() before fit()");
        if (!sb.isAllocated() || sb.background().length != sb.data().length) return Fit.FAILED;
        double[] xy = pixel(sb.panel(), s1);
        // a centroid off the image or outside the scan (a padded prediction) has no profile, as in DIALS
        if (xy == null || !sampler.contains(xy[0], xy[1], frame)) return Fit.FAILED;
        int index = use[sampler.nearest(xy[0], xy[1], frame)];
        if (index < 0) return Fit.FAILED;
        KabschTransform.Grid g = grids.get();
        if (!transform.forward(sb, s1, phi, false, g)) return Fit.FAILED;
        return fit(g, profiles[index]);
    }

    /**
     * DIALS' ProfileFitter for one reflection: I = Σ(d−b)p/v / Σp²/v with v = b + I₀p iterated to
     * convergence from I₀ = Σd − Σb (falling back to that sum when it does not converge); variance
     * |I| + Σb; correlation of I·p + b with d. Sums run over the usable grid slices.
     */
    private Fit fit(KabschTransform.Grid g, double[] p) {
        double[] d = g.data, b = g.background;
        int n = transform.size(), n2 = n * n;
        double[] cd = g.fitSignal, cb = g.fitBackground, cp = g.fitProfile;
        double sumD = 0, sumB = 0, sumP = 0;
        int count = 0, m = 0;
        for (int k = 0; k < n; k++) {
            if (!g.sliceMask[k]) continue;
            for (int i = k * n2, end = i + n2; i < end; i++) {
                sumD += d[i];
                sumB += b[i];
                sumP += p[i];
                count++;
                if (p[i] > 0) {
                    cd[m] = d[i] - b[i];
                    cb[m] = Math.abs(b[i]);
                    cp[m++] = p[i];
                }
            }
        }
        if (count == 0 || m == 0 || !(sumP > 0) || sumB < 0 || sumD < 0) return Fit.FAILED;
        double i0 = sumD - sumB, intensity = 0;
        boolean converged = false;
        for (int iter = 0; iter < options.maxIterations(); iter++) {
            double s1 = 0, s2 = 0, a = Math.abs(i0);
            for (int j = 0; j < m; j++) {
                double pj = cp[j], w = pj / (1e-10 + cb[j] + a * pj);
                s1 += cd[j] * w;
                s2 += pj * w;
            }
            if (!(s2 > 0)) return Fit.FAILED;
            intensity = s1 / s2;
            if (Math.abs(intensity - i0) < options.tolerance()) {
                converged = true;
                break;
            }
            i0 = intensity;
        }
        if (!converged) intensity = sumD - sumB;
        double variance = Math.abs(intensity) + Math.abs(sumB);
        return new Fit(intensity, variance, correlation(d, b, g.sliceMask, p, n, intensity, count), true);
    }

    /** Pearson correlation of the model I·p + b with the data d over the usable slices. */
    private static double correlation(double[] d, double[] b, boolean[] sliceMask, double[] p, int n,
                                      double intensity, int count) {
        int n2 = n * n;
        double xm = 0, ym = 0;
        for (int k = 0; k < n; k++) {
            if (!sliceMask[k]) continue;
            for (int i = k * n2, end = i + n2; i < end; i++) {
                xm += intensity * p[i] + b[i];
                ym += d[i];
            }
        }
        xm /= count;
        ym /= count;
        double sxy = 0, sxx = 0, syy = 0;
        for (int k = 0; k < n; k++) {
            if (!sliceMask[k]) continue;
            for (int i = k * n2, end = i + n2; i < end; i++) {
                double dx = intensity * p[i] + b[i] - xm, dy = d[i] - ym;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
    }

    // ---- what a driver or a notebook may want to see

    /** Number of reference profiles (regions × scan blocks). */
    public int numProfiles() { return profiles.length; }

    /** Reflections (weighted contributions, as DIALS counts them) in reference profile i. */
    public int numReflections(int i) { return nReflections[i]; }

    /** The block whose profile block i uses after finishReferences (itself, a neighbour, or -1). */
    public int profileUsed(int i) { return use[i]; }

    /** Centre of block i: x, y (pixels), z (frames). */
    public double[] profileCoord(int i) { return sampler.coord(i); }

    /** A copy of reference profile i ((2g+1)³, index (k3·n + k2)·n + k1), or null when it has none. */
    public double[] referenceProfile(int i) { return profiles[i] == null ? null : profiles[i].clone(); }

    /** Grid size n = 2g + 1 of a profile. */
    public int gridPoints() { return transform.size(); }

    /** The transform of one shoebox into the grid (data − background), for inspection and tests. */
    double[] transformed(Shoebox sb, Vec3 s1, double phi, boolean subtract, double[] backgroundOut, boolean[] sliceMaskOut) {
        KabschTransform.Grid g = transform.newGrid();
        if (!transform.forward(sb, s1, phi, subtract, g)) return null;
        if (backgroundOut != null) System.arraycopy(g.background, 0, backgroundOut, 0, g.background.length);
        if (sliceMaskOut != null) System.arraycopy(g.sliceMask, 0, sliceMaskOut, 0, g.sliceMask.length);
        return g.data;
    }

    private double[] pixel(int panel, Vec3 s1) {
        return experiment.detector().panel(panel).rayToPixel(s1);
    }

    private boolean bboxOnPanel(Shoebox sb) {
        Panel p = experiment.detector().panel(sb.panel());
        int[] b = sb.bbox();
        return b[0] >= 0 && b[2] >= 0 && b[1] <= p.imageSizeFast() && b[3] <= p.imageSizeSlow();
    }

    private static boolean foregroundValid(Shoebox sb) {
        for (int m : sb.mask()) if ((m & MaskCode.FOREGROUND) != 0 && (m & MaskCode.VALID) == 0) return false;
        return true;
    }
}
