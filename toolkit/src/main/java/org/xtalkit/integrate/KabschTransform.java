package org.xtalkit.integrate;

import org.xtalkit.math.Erf;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.table.MaskCode;
import org.xtalkit.table.Shoebox;

import java.util.Arrays;

/**
 * The forward transform of a shoebox into the profile grid of the Kabsch frame, as DIALS'
 * gaussian_rs TransformForward: a (2g+1)³ grid over ±n_sigma·σ (e1, e2: σ_b; e3: σ_m), index
 * (k3·n + k2)·n + k1. Each foreground pixel's quad (its corners as beam vectors, to (c1, c2)) is
 * split over the grid cells by area; each frame's counts are split over the e3 cells by the
 * fraction of the Gaussian rocking curve (σ_m) the frame shares with each cell. Counts inside the
 * grid are conserved. A grid slice along e3 is usable ({@link Grid#sliceMask}) when the shoebox's
 * frames cover more than 99% of the rocking curve over it.
 */
final class KabschTransform {
    private static final int USE = MaskCode.VALID | MaskCode.FOREGROUND;

    private final int half, n, n2;
    private final double stepB, stepM, sigmaM;
    private final Vec3 m2, s0;
    private final Experiment experiment;

    /**
     * @param sigmaB    σ_b (rad)
     * @param sigmaM    σ_m (rad)
     * @param nSigma    half-width of the grid in σ (DIALS: 1.5 × the profile model's n_sigma)
     * @param gridSize  half grid size g (DIALS: 5, an 11³ grid)
     */
    KabschTransform(Experiment experiment, double sigmaB, double sigmaM, double nSigma, int gridSize) {
        if (!(sigmaB > 0) || !(sigmaM > 0) || !(nSigma > 0) || gridSize < 1)
            throw new IllegalArgumentException("profile grid needs sigma_b, sigma_m, n_sigma > 0 and grid_size >= 1, got "
                    + sigmaB + ", " + sigmaM + ", " + nSigma + ", " + gridSize);
        this.experiment = experiment;
        this.half = gridSize;
        this.n = 2 * gridSize + 1;
        this.n2 = n * n;
        this.stepB = sigmaB * nSigma / (gridSize + 0.5);
        this.stepM = sigmaM * nSigma / (gridSize + 0.5);
        this.m2 = experiment.goniometer().rotationAxisDatum();
        this.s0 = experiment.beam().s0();
        this.sigmaM = sigmaM;
    }

    int size() { return n; }
    int volume() { return n2 * n; }

    /** Per-thread workspace and output of one transform. */
    static final class Grid {
        final double[] data, background;
        final boolean[] sliceMask;
        /** One frame's counts on the (c1, c2) grid. */
        final double[] plane, planeBackground;
        /** Compact (d − b, |b|, p) of the cells a fit uses. */
        final double[] fitSignal, fitBackground, fitProfile;
        final QuadGridOverlap overlap = new QuadGridOverlap();
        final double[] qx = new double[4], qy = new double[4];
        double[] gx = new double[64], gy = new double[64];
        int[] pixelStart = new int[64];
        int[] cells = new int[256];
        double[] fracs = new double[256];
        double[] zf = new double[64];
        int[] kLo = new int[8], kHi = new int[8];

        Grid(int volume, int n) {
            data = new double[volume];
            background = new double[volume];
            sliceMask = new boolean[n];
            plane = new double[n * n];
            planeBackground = new double[n * n];
            fitSignal = new double[volume];
            fitBackground = new double[volume];
            fitProfile = new double[volume];
        }
    }

    Grid newGrid() { return new Grid(volume(), n); }

    /**
     * Transform one shoebox. Only pixels with mask VALID and FOREGROUND on the panel contribute.
     *
     * @param phi       φ of the reflection centre (rad)
     * @param subtract  true: grid.data gets data − background (reference profiles);
     *                  false: grid.data gets data and grid.background the background (fitting)
     * @return false when the reflection cannot be mapped (zeta = 0, no frames)
     */
    boolean forward(Shoebox sb, Vec3 s1, double phi, boolean subtract, Grid g) {
        Arrays.fill(g.data, 0);
        if (!subtract) Arrays.fill(g.background, 0);
        int[] bbox = sb.bbox();
        int nx = bbox[1] - bbox[0], ny = bbox[3] - bbox[2], nz = bbox[5] - bbox[4];
        if (nx <= 0 || ny <= 0 || nz <= 0 || !sb.isAllocated()) return false;
        KabschFrame kf = new KabschFrame(m2, s0, s1, phi);
        double zeta = kf.zeta();
        if (zeta == 0 || !Double.isFinite(zeta)) return false;
        frameFractions(bbox[4], bbox[5], phi, zeta, g);
        Panel panel = experiment.detector().panel(sb.panel());
        cornerCoordinates(panel, bbox, kf, g);
        pixelOverlaps(panel, sb, g);

        float[] data = sb.data(), bg = sb.background();
        int[] mask = sb.mask();
        boolean hasBg = bg.length == data.length, withBg = !subtract && hasBg;
        double[] out = g.data, outBg = g.background, zf = g.zf, plane2 = g.plane, planeBg = g.planeBackground;
        int[] start = g.pixelStart, cells = g.cells;
        double[] fracs = g.fracs;
        int plane = nx * ny;
        for (int k = 0; k < nz; k++) {
            int kLo = g.kLo[k], kHi = g.kHi[k];
            if (kLo > kHi) continue;
            // the frame's counts on the (c1, c2) grid, then shared out over the e3 cells
            Arrays.fill(plane2, 0);
            if (withBg) Arrays.fill(planeBg, 0);
            int base = k * plane;
            for (int p = 0; p < plane; p++) {
                int m0 = start[p], m1 = start[p + 1];
                if (m0 == m1 || (mask[base + p] & USE) != USE) continue;
                double d = data[base + p], b = hasBg ? bg[base + p] : 0;
                if (subtract) d -= b;
                for (int m = m0; m < m1; m++) plane2[cells[m]] += d * fracs[m];
                if (withBg) for (int m = m0; m < m1; m++) planeBg[cells[m]] += b * fracs[m];
            }
            for (int kk = kLo; kk <= kHi; kk++) {
                double w = zf[k * n + kk];
                if (w == 0) continue;
                int o = kk * n2;
                for (int c = 0; c < n2; c++) out[o + c] += w * plane2[c];
                if (withBg) for (int c = 0; c < n2; c++) outBg[o + c] += w * planeBg[c];
            }
        }
        return true;
    }

    /**
     * zf[k·n + kk]: fraction of frame k's rocking-curve share that falls in e3 cell kk (DIALS'
     * MapFramesForward), with kLo/kHi the cells it touches; and the usable-slice mask.
     */
    private void frameFractions(int z0, int z1, double phi, double zeta, Grid g) {
        Scan scan = experiment.scan();
        int nz = z1 - z0;
        if (g.zf.length < nz * n) g.zf = new double[nz * n * 2];
        if (g.kLo.length < nz) {
            g.kLo = new int[nz * 2];
            g.kHi = new int[nz * 2];
        }
        double lim = (half + 0.5) * stepM;
        double allLo = Double.POSITIVE_INFINITY, allHi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < nz; k++) {
            double a = zeta * (Math.toRadians(scan.angleFromFrame(z0 + k)) - phi);
            double b = zeta * (Math.toRadians(scan.angleFromFrame(z0 + k + 1)) - phi);
            double lo = Math.min(a, b), hi = Math.max(a, b);
            allLo = Math.min(allLo, lo);
            allHi = Math.max(allHi, hi);
            double total = Erf.normalFraction(lo, hi, 0, sigmaM);
            int kLo = Math.max(0, (int) Math.floor(lo / stepM + half + 0.5));
            int kHi = Math.min(n - 1, (int) Math.floor(hi / stepM + half + 0.5));
            if (!(total > 0) || hi <= -lim || lo >= lim) {
                kLo = 1;
                kHi = 0;
            }
            g.kLo[k] = kLo;
            g.kHi[k] = kHi;
            for (int kk = kLo; kk <= kHi; kk++) {
                double ca = Math.max(lo, (kk - half - 0.5) * stepM), cb = Math.min(hi, (kk - half + 0.5) * stepM);
                g.zf[k * n + kk] = ca < cb ? Erf.normalFraction(ca, cb, 0, sigmaM) / total : 0;
            }
        }
        for (int kk = 0; kk < n; kk++) {
            double ua = (kk - half - 0.5) * stepM, ub = ua + stepM;
            double cell = Erf.normalFraction(ua, ub, 0, sigmaM);
            double ca = Math.max(ua, allLo), cb = Math.min(ub, allHi);
            double covered = ca < cb ? Erf.normalFraction(ca, cb, 0, sigmaM) : 0;
            g.sliceMask[kk] = cell > 0 && covered / cell > 0.99;
        }
    }

    /** Grid (c1, c2) coordinates of the shoebox's pixel corners (ny+1 rows of nx+1). */
    private void cornerCoordinates(Panel panel, int[] bbox, KabschFrame kf, Grid g) {
        int nx = bbox[1] - bbox[0], ny = bbox[3] - bbox[2];
        int nc = (nx + 1) * (ny + 1);
        if (g.gx.length < nc) {
            g.gx = new double[nc * 2];
            g.gy = new double[nc * 2];
        }
        Vec3 e1 = kf.e1(), e2 = kf.e2();
        double centre = half + 0.5, inv = 1 / stepB;
        // e1 and e2 are normal to s1, so c1 = e1·ŝ' and c2 = e2·ŝ' for a unit beam vector ŝ'
        for (int j = 0, c = 0; j <= ny; j++)
            for (int i = 0; i <= nx; i++, c++) {
                Vec3 lab = panel.pixelToLab(bbox[0] + i, bbox[2] + j);
                double r = 1 / lab.length();
                g.gx[c] = centre + (e1.x() * lab.x() + e1.y() * lab.y() + e1.z() * lab.z()) * r * inv;
                g.gy[c] = centre + (e2.x() * lab.x() + e2.y() * lab.y() + e2.z() * lab.z()) * r * inv;
            }
    }

    /** For each pixel with foreground on some frame, the grid cells its quad covers and the fractions. */
    private void pixelOverlaps(Panel panel, Shoebox sb, Grid g) {
        int[] bbox = sb.bbox();
        int nx = bbox[1] - bbox[0], ny = bbox[3] - bbox[2], nz = bbox[5] - bbox[4];
        int plane = nx * ny;
        if (g.pixelStart.length < plane + 1) g.pixelStart = new int[2 * plane + 1];
        int[] mask = sb.mask();
        int count = 0;
        for (int j = 0; j < ny; j++) {
            int y = bbox[2] + j;
            for (int i = 0; i < nx; i++) {
                int p = j * nx + i;
                g.pixelStart[p] = count;
                int x = bbox[0] + i;
                if (y < 0 || x < 0 || y >= panel.imageSizeSlow() || x >= panel.imageSizeFast()) continue;
                boolean any = false;
                for (int k = 0; k < nz && !any; k++) any = (mask[k * plane + p] & USE) == USE;
                if (!any) continue;
                int c00 = j * (nx + 1) + i, c01 = c00 + 1, c11 = c00 + nx + 2, c10 = c00 + nx + 1;
                g.qx[0] = g.gx[c00]; g.qy[0] = g.gy[c00];
                g.qx[1] = g.gx[c01]; g.qy[1] = g.gy[c01];
                g.qx[2] = g.gx[c11]; g.qy[2] = g.gy[c11];
                g.qx[3] = g.gx[c10]; g.qy[3] = g.gy[c10];
                if (g.cells.length < count + n2) {
                    g.cells = Arrays.copyOf(g.cells, 2 * (count + n2));
                    g.fracs = Arrays.copyOf(g.fracs, 2 * (count + n2));
                }
                count += g.overlap.overlap(g.qx, g.qy, n, g.cells, g.fracs, count);
            }
        }
        g.pixelStart[plane] = count;
    }
}
