package org.xtalkit.spots;

import java.util.Arrays;

/**
 * DIALS' dispersion and dispersion_extended thresholds (dials/algorithms/image/threshold/local.h),
 * pixel for pixel, with box sums kept as running column sums so that the cost per pixel does not
 * grow with the kernel.
 *
 * <p>A pixel is valid when the static mask allows it and its value lies strictly inside the trusted
 * range (dxtbx). Valid pixels below 2^24 counts enter the local sums. {@code dispersion}: a valid
 * pixel is strong when its window has at least min_local valid pixels, the index of dispersion of the
 * window exceeds 1 + sigma_background·sqrt(2/(m-1)), the pixel exceeds the window mean by sigma_strong
 * standard deviations and the global threshold. {@code dispersion_extended}: pixels flagged by the
 * dispersion test are eroded by min(kernel) (chebyshev distance to the nearest unflagged or invalid
 * pixel), the local mean is recomputed from the remaining background over the kernel grown by 2,
 * and a pixel of the eroded core is strong when it is at least mean + sigma_strong·sqrt(gain·mean)
 * and above the global threshold.
 *
 * <p>One pass over the image computes validity and the dispersion test with running sums; the
 * erosion and the second mean are only needed at flagged pixels, a small part of a diffraction
 * image, and are computed there directly, or with full separable/running passes when the flagged
 * part is large. Sums are exact (int/long; long wrap-around cancels in window differences) where
 * DIALS uses doubles; the two agree whenever DIALS' doubles are exact (image sums below 2^53).
 * One instance holds the work arrays of one thread.
 */
public final class DispersionThreshold {
    private static final int BIG = 1 << 24;
    private static final byte VALID = 1, IN_SUM = 2, FLAGGED = 4, HOR = 8, CORE = 16;

    private final ThresholdParams p;
    private final int minCount;
    private final double[] sqrt2mMinus1;
    private byte[] flags = new byte[0];
    private int[] colM = new int[0];
    private long[] colX = new long[0], colY = new long[0];
    /** Column sums of values: (2 ky + 1) values below 2^24 fit an int for ky up to 63. */
    private int[] colXi = new int[0];
    private final IntList flagged = new IntList(1 << 14), core = new IntList(1 << 12);
    /** Index in the caller's arrays of pixel 0 of the rows being thresholded (row bands). */
    private int base;
    /** Sparse work larger than this many pixel visits per image pixel goes to the dense passes. */
    double denseLimit = 4;

    public DispersionThreshold(ThresholdParams params) {
        this.p = params;
        int ky = params.kernelSize()[0], kx = params.kernelSize()[1];
        int window = (2 * ky + 1) * (2 * kx + 1);
        this.minCount = params.minLocal() <= 0 ? window : params.minLocal();
        sqrt2mMinus1 = new double[window + 1];
        for (int m = 1; m <= window; m++) sqrt2mMinus1[m] = Math.sqrt(2.0 * (m - 1));
    }

    /**
     * Thresholds one panel image.
     *
     * @param src        pixel values, slow-major (index = y * width + x)
     * @param staticMask false where a pixel must not be used, or null for none
     * @param trustedMin values at or below are invalid
     * @param trustedMax values at or above are invalid
     * @param strong     receives the indices of the strong pixels, ascending
     */
    public void threshold(int[] src, boolean[] staticMask, int width, int height, double trustedMin,
                          double trustedMax, IntList strong) {
        int n = width * height;
        if (src.length != n) throw new IllegalArgumentException("image has " + src.length + " pixels, expected " + n);
        if (staticMask != null && staticMask.length != n)
            throw new IllegalArgumentException("mask has " + staticMask.length + " pixels, expected " + n);
        run(src, staticMask, 0, width, height, trustedMin, trustedMax, strong);
    }

    /** Thresholds the {@code height} rows starting at index {@code base} of src and mask. */
    private void run(int[] src, boolean[] staticMask, int base, int width, int height, double trustedMin,
                     double trustedMax, IntList strong) {
        int n = width * height;
        this.base = base;
        ensure(n, width);
        flagged.clear();
        dispersionPass(src, staticMask, width, height, trustedMin, trustedMax, !p.extended(), strong);
        if (!p.extended()) return;
        int r = Math.min(p.kernelSize()[0], p.kernelSize()[1]) - 1;
        int ky = p.kernelSize()[0] + 2, kx = p.kernelSize()[1] + 2;
        if ((double) flagged.size * (2 * r + 1) * (2 * r + 1) <= denseLimit * n) erodeSparse(width, height, r);
        else erodeDense(width, height, r);
        if ((double) core.size * (2 * ky + 1) * (2 * kx + 1) <= denseLimit * n) finalSparse(src, width, height, strong);
        else finalDense(src, width, height, strong);
    }

    /**
     * Thresholds rows rowStart..rowEnd-1 of a panel image only, with the same result as
     * {@link #threshold} gives for those rows: the rows are thresholded together with a halo of
     * neighbouring rows as deep as the algorithm looks (kernel, erosion, grown kernel). Lets threads
     * share one large image.
     */
    public void thresholdRows(int[] src, boolean[] staticMask, int width, int height, double trustedMin,
                              double trustedMax, int rowStart, int rowEnd, IntList strong) {
        if (rowStart == 0 && rowEnd == height) {
            threshold(src, staticMask, width, height, trustedMin, trustedMax, strong);
            return;
        }
        int ky = p.kernelSize()[0], r = Math.min(p.kernelSize()[0], p.kernelSize()[1]) - 1;
        int halo = p.extended() ? 2 * ky + 2 + r : ky;
        int a0 = Math.max(0, rowStart - halo), b0 = Math.min(height, rowEnd + halo);
        IntList local = new IntList(1024);
        run(src, staticMask, a0 * width, width, b0 - a0, trustedMin, trustedMax, local);
        int lo = (rowStart - a0) * width, hi = (rowEnd - a0) * width, shift = a0 * width;
        for (int t = 0; t < local.size; t++) {
            int k = local.data[t];
            if (k >= lo && k < hi) strong.add(k + shift);
        }
    }

    private void ensure(int n, int width) {
        if (flags.length < n) flags = new byte[n];
        if (colM.length < width) { colM = new int[width]; colX = new long[width]; colY = new long[width]; colXi = new int[width]; }
    }

    /**
     * Column sums of the background pixels (summable, not core) of one row: sign 1 adds the row,
     * -1 removes it. Enter and leave in one pass when both rows are given (-1 for none).
     */
    private void slideBackground(int[] src, int in, int out, int width) {
        if (in < 0 && out < 0) return;
        byte[] f = flags;
        int[] cm = colM;
        long[] cx = colX;
        for (int i = 0, k = in * width, q = out * width; i < width; i++, k++, q++) {
            int add = in >= 0 && (f[k] & (IN_SUM | CORE)) == IN_SUM ? 1 : 0;
            int rem = out >= 0 && (f[q] & (IN_SUM | CORE)) == IN_SUM ? 1 : 0;
            cm[i] += add - rem;
            cx[i] += (long) (add == 0 ? 0 : src[base + k]) - (rem == 0 ? 0 : src[base + q]);
        }
    }

    /**
     * Moves the vertical window down one row: row {@code in} (or -1) enters, its validity bits are
     * set and its summable pixels added to the column sums; row {@code out} (or -1) leaves.
     */
    private void slideRows(int[] src, boolean[] mask, int in, int out, int width, int lo, int hi) {
        byte[] f = flags;
        int[] cm = colM, cx = colXi;
        long[] cy = colY;
        if (in >= 0 && out >= 0) {
            for (int i = 0, k = in * width, q = out * width; i < width; i++, k++, q++) {
                int v = src[base + k];
                boolean ok = v >= lo && v <= hi && (mask == null || mask[base + k]);
                int add = ok && v < BIG ? 1 : 0;
                f[k] = (byte) ((ok ? VALID : 0) | (add << 1));
                // the leaving row's summability again from its value (cheaper than reading its flags back)
                int w = src[base + q], rem = w >= lo && w <= hi && w < BIG && (mask == null || mask[base + q]) ? 1 : 0;
                int av = v * add, rv = w * rem;
                cm[i] += add - rem;
                cx[i] += av - rv;
                cy[i] += (long) av * v - (long) rv * w;
            }
        } else if (in >= 0) {
            for (int i = 0, k = in * width; i < width; i++, k++) {
                int v = src[base + k];
                boolean ok = v >= lo && v <= hi && (mask == null || mask[base + k]);
                int add = ok && v < BIG ? 1 : 0;
                f[k] = (byte) ((ok ? VALID : 0) | (add << 1));
                int av = v * add;
                cm[i] += add;
                cx[i] += av;
                cy[i] += (long) av * v;
            }
        } else if (out >= 0) {
            for (int i = 0, q = out * width; i < width; i++, q++) {
                int w = src[base + q], rem = (f[q] >> 1) & 1, rv = w * rem;
                cm[i] -= rem;
                cx[i] -= rv;
                cy[i] -= (long) rv * w;
            }
        }
    }

    private void clearColumns(int width) {
        Arrays.fill(colM, 0, width, 0);
        Arrays.fill(colX, 0, width, 0);
        Arrays.fill(colXi, 0, width, 0);
        Arrays.fill(colY, 0, width, 0);
    }

    /**
     * Validity and the index-of-dispersion test over the kernel. With {@code strongTest}
     * (algorithm dispersion) strong pixels go to {@code strong}; otherwise (extended) flagged pixels
     * get the FLAGGED bit and join the flagged list.
     */
    private void dispersionPass(int[] src, boolean[] mask, int width, int height, double tmin, double tmax,
                                boolean strongTest, IntList strong) {
        // valid: tmin < v < tmax, as int bounds lo <= v <= hi
        int lo = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.floor(tmin) + 1));
        int hi = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.ceil(tmax) - 1));
        if (tmin >= Integer.MAX_VALUE || tmax <= Integer.MIN_VALUE) { lo = 1; hi = 0; } // nothing valid
        int ky = p.kernelSize()[0], kx = p.kernelSize()[1];
        clearColumns(width);
        for (int r = 0; r < Math.min(ky, height); r++) slideRows(src, mask, r, -1, width, lo, hi);
        for (int j = 0; j < height; j++) {
            slideRows(src, mask, j + ky < height ? j + ky : -1, j - ky - 1, width, lo, hi);
            testRow(src, j, width, kx, strongTest, strong);
        }
    }

    /** The dispersion test along row j from the column sums (sliding the window along the row). */
    private void testRow(int[] src, int j, int width, int kx, boolean strongTest, IntList strong) {
        int[] cm = colM, cx = colXi;
        long[] cy = colY;
        int m = 0;
        long x = 0, y = 0;
        for (int i = 0; i < Math.min(kx, width); i++) { m += cm[i]; x += cx[i]; y += cy[i]; }
        int k0 = j * width;
        // left edge, middle (window inside the row: no bounds tests), right edge
        int leftEnd = Math.min(width, kx + 1), rightStart = Math.max(leftEnd, width - kx);
        for (int i = 0; i < leftEnd; i++) {
            if (i + kx < width) { m += cm[i + kx]; x += cx[i + kx]; y += cy[i + kx]; }
            if (i - kx - 1 >= 0) { m -= cm[i - kx - 1]; x -= cx[i - kx - 1]; y -= cy[i - kx - 1]; }
            test(src, k0 + i, m, x, y, strongTest, strong);
        }
        byte[] f = flags;
        double nsigB = p.sigmaBackground();
        double[] sq = sqrt2mMinus1;
        int minC = minCount;
        boolean plain = p.gain() == null && !strongTest;
        for (int i = leftEnd; i < rightStart; i++) {
            int ia = i + kx, ir = i - kx - 1;
            m += cm[ia] - cm[ir];
            x += cx[ia] - cx[ir];
            y += cy[ia] - cy[ir];
            int k = k0 + i;
            if (plain) { // the common case inline: extended algorithm without gain
                // the dispersion inequality first: it fails at almost every pixel, so the branch is
                // well predicted; validity, min_local and x >= 0 only matter where it holds
                double dm = m, dx = x;
                if (dm * y - dx * dx - dx * (dm - 1) > dx * nsigB * sq[m] && (f[k] & VALID) != 0 && m >= minC && x >= 0) {
                    f[k] |= FLAGGED;
                    flagged.add(k);
                }
            } else {
                test(src, k, m, x, y, strongTest, strong);
            }
        }
        for (int i = rightStart; i < width; i++) {
            if (i + kx < width) { m += cm[i + kx]; x += cx[i + kx]; y += cy[i + kx]; }
            if (i - kx - 1 >= 0) { m -= cm[i - kx - 1]; x -= cx[i - kx - 1]; y -= cy[i - kx - 1]; }
            test(src, k0 + i, m, x, y, strongTest, strong);
        }
    }

    /** DIALS' dispersion test of one pixel from its window's count m, sum x and sum of squares y. */
    private void test(int[] src, int k, int m, long x, long y, boolean strongTest, IntList strong) {
        if ((flags[k] & VALID) == 0 || m < minCount || x < 0) return;
        double nsigB = p.sigmaBackground();
        boolean useGain = p.gain() != null;
        double gain = useGain ? p.gain() : 1;
        double dm = m, dx = x, dy = y;
        boolean dispersed = useGain
                ? dm * dy - dx * dx > gain * dx * (dm - 1 + nsigB * sqrt2mMinus1[m])
                : dm * dy - dx * dx - dx * (dm - 1) > dx * nsigB * sqrt2mMinus1[m];
        if (!dispersed) return;
        if (!strongTest) { flags[k] |= FLAGGED; flagged.add(k); return; }
        int v = src[base + k];
        if (!(v > p.globalThreshold())) return;
        double b = dm * v - dx;
        double d = useGain ? p.sigmaStrong() * Math.sqrt(gain * dx * dm) : p.sigmaStrong() * Math.sqrt(dx * dm);
        if (b > d) strong.add(k);
    }

    /** CORE = flagged pixels with only flagged pixels within chebyshev distance r (clipped to the panel). */
    private void erodeSparse(int width, int height, int r) {
        byte[] f = flags;
        core.clear();
        for (int t = 0; t < flagged.size; t++) {
            int k = flagged.data[t], y = k / width, x = k - y * width;
            int x0 = Math.max(0, x - r), x1 = Math.min(width - 1, x + r), y0 = Math.max(0, y - r), y1 = Math.min(height - 1, y + r);
            boolean all = true;
            for (int yy = y0; yy <= y1 && all; yy++)
                for (int q = yy * width + x0, e = yy * width + x1; q <= e; q++)
                    if ((f[q] & FLAGGED) == 0) { all = false; break; }
            if (all) core.add(k);
        }
        for (int t = 0; t < core.size; t++) f[core.data[t]] |= CORE;
    }

    /**
     * The same erosion in separable full passes: a row pass marks pixels with only flagged pixels
     * within r along the row, a column pass keeps those with only such pixels within r along the column.
     */
    private void erodeDense(int width, int height, int r) {
        byte[] f = flags;
        for (int j = 0; j < height; j++) {
            int row = j * width, i = 0;
            while (i < width) {
                if ((f[row + i] & FLAGGED) == 0) { i++; continue; }
                int s = i;
                while (i < width && (f[row + i] & FLAGGED) != 0) i++;
                int e = i - 1; // run [s, e]
                for (int q = s; q <= e; q++)
                    if (Math.max(0, q - r) >= s && Math.min(width - 1, q + r) <= e) f[row + q] |= HOR;
            }
        }
        int[] bad = colM; // per column: rows without HOR in the window [j - r, j + r]
        Arrays.fill(bad, 0, width, 0);
        for (int rr = 0; rr < Math.min(r, height); rr++) countHor(rr, width, 1);
        core.clear();
        for (int j = 0; j < height; j++) {
            if (j + r < height) countHor(j + r, width, 1);
            if (j - r - 1 >= 0) countHor(j - r - 1, width, -1);
            for (int i = 0, k = j * width; i < width; i++, k++)
                if ((f[k] & HOR) != 0 && bad[i] == 0) core.add(k);
        }
        for (int t = 0; t < core.size; t++) f[core.data[t]] |= CORE;
    }

    private void countHor(int row, int width, int sign) {
        byte[] f = flags;
        int[] bad = colM;
        for (int i = 0, k = row * width; i < width; i++, k++) if ((f[k] & HOR) == 0) bad[i] += sign;
    }

    /** The local-mean test at core pixels: background = summable pixels outside the core. */
    private boolean strongAgainst(int v, int m, long x) {
        if (x < 0) return false;
        double mean = m >= 2 ? (double) x / m : 0;
        double g = p.gain() == null ? 1 : p.gain();
        double limit = p.gain() == null ? mean + p.sigmaStrong() * Math.sqrt(mean) : mean + p.sigmaStrong() * Math.sqrt(g * mean);
        return v >= limit;
    }

    private void finalSparse(int[] src, int width, int height, IntList strong) {
        int ky = p.kernelSize()[0] + 2, kx = p.kernelSize()[1] + 2;
        double thr = p.globalThreshold();
        byte[] f = flags;
        for (int t = 0; t < core.size; t++) {
            int k = core.data[t], v = src[base + k];
            if (!(v > thr)) continue;
            int y = k / width, x = k - y * width;
            int x0 = Math.max(0, x - kx), x1 = Math.min(width - 1, x + kx), y0 = Math.max(0, y - ky), y1 = Math.min(height - 1, y + ky);
            int m = 0;
            long sum = 0;
            for (int yy = y0; yy <= y1; yy++)
                for (int q = yy * width + x0, e = yy * width + x1; q <= e; q++)
                    if ((f[q] & (IN_SUM | CORE)) == IN_SUM) { m++; sum += src[base + q]; }
            if (strongAgainst(v, m, sum)) strong.add(k);
        }
    }

    /** The same test with running column sums over the background, for images with large cores. */
    private void finalDense(int[] src, int width, int height, IntList strong) {
        int ky = p.kernelSize()[0] + 2, kx = p.kernelSize()[1] + 2;
        double thr = p.globalThreshold();
        int[] cm = colM;
        long[] cx = colX;
        clearColumns(width);
        for (int r = 0; r < Math.min(ky, height); r++) slideBackground(src, r, -1, width);
        int t = 0;
        for (int j = 0; j < height; j++) {
            slideBackground(src, j + ky < height ? j + ky : -1, j - ky - 1, width);
            int rowEnd = (j + 1) * width;
            for (; t < core.size && core.data[t] < rowEnd; t++) {
                int k = core.data[t], v = src[base + k], i = k - j * width;
                if (!(v > thr)) continue;
                int m = 0;
                long x = 0;
                for (int c = Math.max(0, i - kx), c1 = Math.min(width - 1, i + kx); c <= c1; c++) { m += cm[c]; x += cx[c]; }
                if (strongAgainst(v, m, x)) strong.add(k);
            }
        }
    }
}
