package org.xtalkit.simulate;

import org.xtalkit.geometry.RotationPredictor;
import org.xtalkit.math.Erf;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import java.util.Arrays;

/**
 * Every reciprocal-lattice point that crosses the Ewald sphere during the sweep, computed once:
 * where its spot is centred (x, y in pixels, z in frames), how wide it is in φ, and how many
 * counts it deposits in total. Per image, only the crossings whose φ profile overlaps it are
 * visited ({@link #reflectionsOn(int)}).
 *
 * <p>Counts of a crossing on image i: {@code K · I(h) · qe · P / L · partiality_i · g_i · decay_i(d)},
 * with K the intensity scale, I the true intensity with the overall B, L and P DIALS' Lorentz and
 * polarisation terms (so that DIALS' lp correction L/P and detector-efficiency correction qe recover
 * K·I), partiality_i the fraction of the Gaussian rocking curve (σ_m / |ζ|) inside image i, g_i the
 * absorption-like scale and decay_i = exp(-B_dose,i / 2d²). Crossings with |ζ| &lt; 0.05 (the blind
 * region around the rotation axis, where spots smear over many images) are not simulated.
 *
 * <p>The goniometer may be multi-axis: the crystal is seen through its setting (r = S·R(φ)·F·A·h).
 * A sweep of several may start {@code frameOffset} images into the crystal's exposure: dose, drift
 * and the images' noise streams continue from there.
 */
public final class SimulatedSweep {
    static final double MIN_ZETA = 0.05;
    static final double N_SIGMA_Z = 5;

    private final Scan scan;
    private final int frameOffset;
    private final double[] imageScale, imageBDose;
    // one row per crossing
    private final int n;
    private final int[] miller;
    private final double[] x, y, z, sigmaZ, d, fullCounts, lp, qe, zeta;
    private final int[] imageStart, imageRefl;   // CSR: crossings overlapping image i

    SimulatedSweep(SimulationParams p, InsulinCrystal crystal, WilsonIntensities intensities, Beam beam,
                   Goniometer gonio, Panel panel, Scan scan, int frameOffset) {
        this.scan = scan;
        this.frameOffset = frameOffset;
        int nImages = scan.numImages();
        imageScale = new double[nImages];
        imageBDose = new double[nImages];
        for (int i = 0; i < nImages; i++) {
            double phiMid = Math.toRadians(scan.angleFromFrame(i + 0.5));
            imageScale[i] = 1 + p.absorption() * (0.7 * Math.sin(phiMid + 0.5) + 0.3 * Math.sin(3 * phiMid + 1.3));
            imageBDose[i] = p.bDose() * (frameOffset + i + 0.5) / nImages;
        }
        Growable rows = new Growable();
        predictAll(p, crystal, intensities, beam, gonio, panel, rows);
        n = rows.size;
        miller = Arrays.copyOf(rows.hkl, 3 * n);
        double[][] cols = rows.trimmed();
        x = cols[0]; y = cols[1]; z = cols[2]; sigmaZ = cols[3]; d = cols[4]; fullCounts = cols[5];
        lp = cols[6]; qe = cols[7]; zeta = cols[8];
        // bucket crossings by the images their φ profile reaches
        int[] count = new int[nImages + 1];
        for (int r = 0; r < n; r++)
            for (int i = firstImage(r); i <= lastImage(r); i++) count[i + 1]++;
        for (int i = 0; i < nImages; i++) count[i + 1] += count[i];
        imageStart = count.clone();
        imageRefl = new int[count[nImages]];
        int[] fill = Arrays.copyOf(count, nImages);
        for (int r = 0; r < n; r++)
            for (int i = firstImage(r); i <= lastImage(r); i++) imageRefl[fill[i]++] = r;
    }

    private void predictAll(SimulationParams p, InsulinCrystal crystal, WilsonIntensities intensities, Beam beam,
                            Goniometer gonio, Panel panel, Growable rows) {
        int nImages = scan.numImages();
        double dMin = Math.max(p.dMin(), cornerResolution(panel, beam) * 0.999);
        double aMax = Math.max(crystal.cellEdgeAt(frameOffset), crystal.cellEdgeAt(frameOffset + nImages));
        int hMax = (int) Math.ceil(aMax / dMin);
        Vec3 s0 = beam.s0(), m2 = gonio.rotationAxisDatum();
        double sigmaPx = p.spotSigmaMm() / panel.pixelSizeFast();
        double phiLo = scan.oscillationStart(), phiHi = scan.oscillationRange()[1];
        double margin = N_SIGMA_Z * p.mosaicity() / MIN_ZETA;
        RotationPredictor static0 = new RotationPredictor(crystal.aAt(frameOffset), beam, gonio);
        double[] angles = new double[2];
        double sMax2 = 1 / (dMin * dMin);
        for (int h = -hMax; h <= hMax; h++)
            for (int k = -hMax; k <= hMax; k++)
                for (int l = -hMax; l <= hMax; l++) {
                    if (((h + k + l) & 1) != 0 || (h == 0 && k == 0 && l == 0)) continue;
                    double s2 = (h * h + k * k + l * l) / (aMax * aMax);
                    if (s2 > sMax2) continue;
                    if (!static0.rotationAngles(h, k, l, angles)) continue;
                    for (double phi0 : angles) {
                        double deg0 = Math.toDegrees(phi0);
                        for (double deg = deg0 + 360 * Math.ceil((phiLo - margin - deg0) / 360); deg <= phiHi + margin;
                             deg += 360)
                            addCrossing(p, crystal, intensities, beam, gonio, panel, s0, m2, h, k, l, deg, sigmaPx, static0, rows);
                    }
                }
    }

    /** Refines one crossing for a drifting crystal (A at the crossing's own frame) and adds its row. */
    private void addCrossing(SimulationParams p, InsulinCrystal crystal, WilsonIntensities intensities, Beam beam,
                             Goniometer gonio, Panel panel, Vec3 s0, Vec3 m2, int h, int k, int l, double phiDeg, double sigmaPx,
                             RotationPredictor static0, Growable rows) {
        double phi = Math.toRadians(phiDeg);
        RotationPredictor pred = static0;
        if (crystal.drifts()) {
            double[] ang = new double[2];
            for (int it = 0; it < 4; it++) {
                pred = new RotationPredictor(crystal.aAt(frameOffset + scan.frameFromAngle(Math.toDegrees(phi))), beam, gonio);
                if (!pred.rotationAngles(h, k, l, ang)) return;
                double best = nearest(ang[0], phi), other = nearest(ang[1], phi);
                phi = Math.abs(best - phi) <= Math.abs(other - phi) ? best : other;
            }
        }
        Vec3 s1 = pred.s1(h, k, l, phi);
        double zetaValue = RotationPredictor.zeta(m2, s0, s1);
        if (Math.abs(zetaValue) < MIN_ZETA) return;
        double[] px = panel.rayToPixel(s1);
        if (px == null) return;
        double edge = 4 * sigmaPx;
        if (px[0] < -edge || px[1] < -edge || px[0] > panel.imageSizeFast() + edge || px[1] > panel.imageSizeSlow() + edge)
            return;
        double dSpacing = 1 / s1.minus(s0).length();
        double lpValue = org.xtalkit.geometry.Corrections.lp(beam, m2, s1);
        double qeValue = org.xtalkit.geometry.Corrections.qe(panel, s1);
        double counts = p.intensityScale() * intensities.intensity(h, k, l, dSpacing) * qeValue / lpValue;
        double zc = scan.frameFromAngle(Math.toDegrees(phi));
        double sz = p.mosaicity() / Math.abs(zetaValue) / scan.oscillationWidth();
        if (zc + N_SIGMA_Z * sz < 0 || zc - N_SIGMA_Z * sz >= scan.numImages()) return;   // reaches no image
        rows.add(h, k, l, px[0], px[1], zc, sz, dSpacing, counts, lpValue, qeValue, zetaValue);
    }

    private static double nearest(double angle, double target) {
        return angle + 2 * Math.PI * Math.rint((target - angle) / (2 * Math.PI));
    }

    /** Resolution at the panel corner farthest (in angle) from the beam, Å. */
    static double cornerResolution(Panel panel, Beam beam) {
        double best = Double.POSITIVE_INFINITY;
        for (double cx : new double[] {0, panel.imageSizeFast()})
            for (double cy : new double[] {0, panel.imageSizeSlow()})
                best = Math.min(best, panel.resolutionAtPixel(beam, cx, cy));
        return best;
    }

    private int firstImage(int r) {
        return Math.max(0, (int) Math.floor(z[r] - N_SIGMA_Z * sigmaZ[r]));
    }

    private int lastImage(int r) {
        return Math.min(scan.numImages() - 1, (int) Math.floor(z[r] + N_SIGMA_Z * sigmaZ[r]));
    }

    // ---- what the images and the tests read ----

    /** Images of the crystal's exposure before this sweep (0 for the first or only sweep). */
    public int frameOffset() { return frameOffset; }

    /** Number of images of the sweep. */
    public int numImages() { return imageScale.length; }

    /** Number of crossings (rows). */
    public int size() { return n; }

    /** Row indices of the crossings that deposit counts on image i (0-based). */
    public int[] reflectionsOn(int image) { return Arrays.copyOfRange(imageRefl, imageStart[image], imageStart[image + 1]); }

    int bucketStart(int image) { return imageStart[image]; }
    int bucketEnd(int image) { return imageStart[image + 1]; }
    int bucketRow(int j) { return imageRefl[j]; }

    public int h(int r) { return miller[3 * r]; }
    public int k(int r) { return miller[3 * r + 1]; }
    public int l(int r) { return miller[3 * r + 2]; }
    /** True spot centre, pixels (fast), as DIALS' xyzcal.px x. */
    public double x(int r) { return x[r]; }
    public double y(int r) { return y[r]; }
    /** True φ of the crossing as a frame coordinate (0 = start of the first image). */
    public double z(int r) { return z[r]; }
    /** σ of the rocking curve in frames. */
    public double sigmaZ(int r) { return sigmaZ[r]; }
    public double d(int r) { return d[r]; }
    /** Counts of the whole crossing before per-image scale and decay: K·I·qe/lp. */
    public double fullCounts(int r) { return fullCounts[r]; }
    public double lp(int r) { return lp[r]; }
    public double qe(int r) { return qe[r]; }
    public double zeta(int r) { return zeta[r]; }

    /** Fraction of the rocking curve of crossing r recorded on image i. */
    public double partiality(int r, int image) {
        return Erf.normalFraction(image, image + 1, z[r], sigmaZ[r]);
    }

    /** The absorption-like scale g of image i. */
    public double imageScale(int image) { return imageScale[image]; }

    /** Extra B of radiation damage at image i, Å². */
    public double imageBDose(int image) { return imageBDose[image]; }

    /** Expected counts of crossing r on image i. */
    public double expectedCounts(int r, int image) {
        return fullCounts[r] * partiality(r, image) * imageScale[image] * Math.exp(-imageBDose[image] / (2 * d[r] * d[r]));
    }

    /** Growable primitive columns for the prediction loop. */
    private static final class Growable {
        int size;
        int[] hkl = new int[3 * 4096];
        double[][] cols = new double[9][4096];

        void add(int h, int k, int l, double... v) {
            if (size == cols[0].length) {
                hkl = Arrays.copyOf(hkl, 6 * size);
                for (int c = 0; c < cols.length; c++) cols[c] = Arrays.copyOf(cols[c], 2 * size);
            }
            hkl[3 * size] = h; hkl[3 * size + 1] = k; hkl[3 * size + 2] = l;
            for (int c = 0; c < cols.length; c++) cols[c][size] = v[c];
            size++;
        }

        double[][] trimmed() {
            double[][] out = new double[cols.length][];
            for (int c = 0; c < cols.length; c++) out[c] = Arrays.copyOf(cols[c], size);
            return out;
        }
    }
}
