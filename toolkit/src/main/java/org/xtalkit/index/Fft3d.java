package org.xtalkit.index;

import org.jtransforms.fft.FloatFFT_3D;
import org.xtalkit.XtalException;
import org.xtalkit.math.Vec3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DIALS' fft3d basis-vector search (Bricogne 1986; Campbell 1998): reciprocal-lattice points are
 * put on a cubic grid (weight exp(−B|r*|²/4), B = −4 d_min² ln 0.05 sharpens towards low
 * resolution), Fourier transformed; the squared real part is a Patterson-like map whose peaks are
 * direct-lattice vectors. Peaks above 15 rmsd are flood-filled (periodic), small ones dropped, and
 * the peak centres become candidate vectors sorted by peak volume.
 */
public final class Fft3d {
    public static final double RMSD_CUTOFF = 15, PEAK_VOLUME_CUTOFF = 0.15, MIN_CELL = 3;

    private Fft3d() {}

    /** Grid size n adjusted up so its prime factors are ≤ 5 (scitbx adjust_gridding). */
    public static int adjustGridding(int n) {
        for (int m = Math.max(n, 1); ; m++) {
            int r = m;
            for (int p : new int[] {2, 3, 5}) while (r % p == 0) r /= p;
            if (r == 1) return m;
        }
    }

    /** d_min used for the grid: 5·max_cell/n_points, not finer than the data. */
    public static double autoDMin(double maxCell, int nPoints, double[] rlp) {
        double dMin = 5 * maxCell / nPoints, dData = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rlp.length / 3; i++) {
            double s = Math.sqrt(rlp[3 * i] * rlp[3 * i] + rlp[3 * i + 1] * rlp[3 * i + 1] + rlp[3 * i + 2] * rlp[3 * i + 2]);
            if (s > 0) dData = Math.min(dData, 1 / s);
        }
        return Math.max(dMin, dData);
    }

    /**
     * Candidate direct-space basis vectors (Å, lab frame at φ = 0), biggest peak first.
     *
     * @param rlp     flat reciprocal-lattice points
     * @param maxCell maximum cell length expected, Å
     * @param nPoints grid points per axis (DIALS: 256)
     * @param dMin    resolution of the grid, Å
     * @param bIso    sharpening B, or NaN for DIALS' automatic value
     */
    public static List<Vec3> candidateVectors(double[] rlp, double maxCell, int nPoints, double dMin, double bIso) {
        int n = adjustGridding(nPoints);
        if (Double.isNaN(bIso)) bIso = -4 * dMin * dMin * Math.log(0.05);
        float[] grid = new float[2 * n * n * n];
        double rlGrid = 2 / (dMin * n);
        int half = n / 2, used = 0;
        for (int i = 0; i < rlp.length / 3; i++) {
            double x = rlp[3 * i], y = rlp[3 * i + 1], z = rlp[3 * i + 2];
            double s2 = x * x + y * y + z * z;
            if (s2 > 1 / (dMin * dMin)) continue;
            int cx = (int) Math.round(x / rlGrid) + half, cy = (int) Math.round(y / rlGrid) + half, cz = (int) Math.round(z / rlGrid) + half;
            if (cx < 0 || cy < 0 || cz < 0 || cx >= n || cy >= n || cz >= n) continue;
            grid[2 * ((cx * n + cy) * n + cz)] += (float) (bIso != 0 ? Math.exp(-bIso * s2 / 4) : 1);
            used++;
        }
        if (used < 4) throw new XtalException("Indexing failed: only " + used + " reflections within d_min=" + dMin + " for the 3D FFT");
        new FloatFFT_3D(n, n, n).complexForward(grid);
        int nn = n * n * n;
        double sum = 0, sum2 = 0;
        for (int i = 0; i < nn; i++) {
            double v = grid[2 * i];
            v *= v;
            grid[i] = (float) v;            // compact the power map into the front half
            sum += v;
        }
        double mean = sum / nn;
        for (int i = 0; i < nn; i++) { double d = grid[i] - mean; sum2 += d * d; }
        double cutoff = RMSD_CUTOFF * Math.sqrt(sum2 / nn);
        byte[] mask = new byte[nn];
        for (int i = 0; i < nn; i++) if (grid[i] >= cutoff && grid[i] > 0) mask[i] = 1;
        grid = null;

        List<double[]> peaks = floodFill(mask, n);  // {fx, fy, fz, volume}
        if (peaks.size() < 4)
            throw new XtalException("Indexing failed: fft3d peak search failed to find sufficient number of peaks.");
        double[] vols = peaks.stream().mapToDouble(p -> p[3]).sorted().toArray();
        double q1 = quantile(vols, 0.25), q3 = quantile(vols, 0.75), outlier = q3 + 5 * (q3 - q1);
        double maxVol = 0;
        for (double v : vols) if (v <= outlier) maxVol = Math.max(maxVol, v);
        double cellLength = n * dMin / 2;
        List<Vec3> vectors = new ArrayList<>();
        List<Double> volumes = new ArrayList<>();
        for (double[] p : peaks) {
            if (!(p[3] > (int) (PEAK_VOLUME_CUTOFF * maxVol))) continue;
            Vec3 v = new Vec3(shortMod(p[0]) * cellLength, shortMod(p[1]) * cellLength, shortMod(p[2]) * cellLength);
            double len = v.length();
            if (len > MIN_CELL && len < 2 * maxCell) { vectors.add(v); volumes.add(p[3]); }
        }
        return CandidateVectors.select(vectors, volumes);
    }

    private static double shortMod(double f) { return f - Math.round(f); }

    private static double quantile(double[] sorted, double q) {
        // five_number_summary-like quartiles by linear interpolation
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        double frac = pos - i;
        return i + 1 < sorted.length ? sorted[i] * (1 - frac) + sorted[i + 1] * frac : sorted[i];
    }

    /** Connected (6-neighbour, periodic) regions of the mask: fractional centre of mass and point count. */
    static List<double[]> floodFill(byte[] mask, int n) {
        List<double[]> out = new ArrayList<>();
        int[] stack = new int[1 << 16];
        for (int seed = 0; seed < mask.length; seed++) {
            if (mask[seed] == 0) continue;
            int sx = seed / (n * n), sy = (seed / n) % n, sz = seed % n;
            double ox = 0, oy = 0, oz = 0;
            long count = 0;
            int top = 0;
            stack[top++] = seed;
            mask[seed] = 0;
            while (top > 0) {
                int p = stack[--top];
                int x = p / (n * n), y = (p / n) % n, z = p % n;
                ox += wrap(x - sx, n); oy += wrap(y - sy, n); oz += wrap(z - sz, n);
                count++;
                for (int d = 0; d < 6; d++) {
                    int xx = x, yy = y, zz = z;
                    switch (d) {
                        case 0 -> xx = (x + 1) % n;
                        case 1 -> xx = (x + n - 1) % n;
                        case 2 -> yy = (y + 1) % n;
                        case 3 -> yy = (y + n - 1) % n;
                        case 4 -> zz = (z + 1) % n;
                        default -> zz = (z + n - 1) % n;
                    }
                    int q = (xx * n + yy) * n + zz;
                    if (mask[q] != 0) {
                        mask[q] = 0;
                        if (top == stack.length) stack = Arrays.copyOf(stack, stack.length * 2);
                        stack[top++] = q;
                    }
                }
            }
            out.add(new double[] {(sx + ox / count) / n, (sy + oy / count) / n, (sz + oz / count) / n, count});
        }
        return out;
    }

    private static int wrap(int d, int n) { return d - n * Math.round((float) d / n); }
}
