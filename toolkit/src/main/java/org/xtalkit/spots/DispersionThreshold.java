package org.xtalkit.spots;

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
 * <p>Sums are exact (int/long; long wrap-around cancels in window differences) where DIALS uses
 * doubles; the two agree whenever DIALS' doubles are exact (image sums below 2^53). One instance
 * holds the work arrays of one thread.
 */
public final class DispersionThreshold {
    private static final int BIG = 1 << 24;
    private static final byte VALID = 1, IN_SUM = 2, FLAGGED = 4, HOR = 8, CORE = 16, BACKGROUND = 32;

    private final ThresholdParams p;
    private final int minCount;
    private final double[] sqrt2mMinus1;
    private byte[] flags = new byte[0];
    private int[] colM = new int[0];
    private long[] colX = new long[0], colY = new long[0];

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
        ensure(n, width);
        markValid(src, staticMask, n, trustedMin, trustedMax);
        if (p.extended()) {
            dispersionPass(src, width, height, false, null);
            erode(width, height, Math.min(p.kernelSize()[0], p.kernelSize()[1]) - 1);
            finalPass(src, width, height, strong);
        } else {
            dispersionPass(src, width, height, true, strong);
        }
    }

    private void ensure(int n, int width) {
        if (flags.length < n) flags = new byte[n];
        if (colM.length < width) { colM = new int[width]; colX = new long[width]; colY = new long[width]; }
    }

    private void markValid(int[] src, boolean[] mask, int n, double tmin, double tmax) {
        long lo = tmin == Double.NEGATIVE_INFINITY ? Long.MIN_VALUE : (long) Math.floor(tmin) + 1;
        long hi = tmax == Double.POSITIVE_INFINITY ? Long.MAX_VALUE : (long) Math.ceil(tmax) - 1;
        byte[] f = flags;
        for (int k = 0; k < n; k++) {
            int v = src[k];
            boolean ok = v >= lo && v <= hi && (mask == null || mask[k]);
            f[k] = ok ? (v < BIG ? (byte) (VALID | IN_SUM) : VALID) : 0;
        }
    }

    /** Adds (sign 1) or removes (sign -1) one row of the pixels carrying {@code bit} to the column sums. */
    private void addRow(int[] src, int row, int width, int bit, int sign, boolean squares) {
        byte[] f = flags;
        int[] cm = colM;
        long[] cx = colX, cy = colY;
        int k = row * width;
        for (int i = 0; i < width; i++, k++) {
            int in = (f[k] & bit) != 0 ? sign : 0;
            long v = (long) src[k] * in;
            cm[i] += in;
            cx[i] += v;
            if (squares) cy[i] += v * src[k];
        }
    }

    private void clearColumns(int width) {
        java.util.Arrays.fill(colM, 0, width, 0);
        java.util.Arrays.fill(colX, 0, width, 0);
        java.util.Arrays.fill(colY, 0, width, 0);
    }

    /**
     * The index-of-dispersion test over the kernel. With {@code strongTest} (algorithm dispersion)
     * strong pixels go to {@code strong}; otherwise (extended) flagged pixels get the FLAGGED bit.
     */
    private void dispersionPass(int[] src, int width, int height, boolean strongTest, IntList strong) {
        int ky = p.kernelSize()[0], kx = p.kernelSize()[1];
        double nsigB = p.sigmaBackground(), nsigS = p.sigmaStrong(), thr = p.globalThreshold();
        Double gainObj = p.gain();
        boolean useGain = gainObj != null;
        double gain = useGain ? gainObj : 1;
        byte[] f = flags;
        int[] cm = colM;
        long[] cx = colX, cy = colY;
        clearColumns(width);
        for (int r = 0; r < Math.min(ky, height); r++) addRow(src, r, width, IN_SUM, 1, true);
        for (int j = 0; j < height; j++) {
            if (j + ky < height) addRow(src, j + ky, width, IN_SUM, 1, true);
            if (j - ky - 1 >= 0) addRow(src, j - ky - 1, width, IN_SUM, -1, true);
            int m = 0;
            long x = 0, y = 0;
            for (int i = 0; i < Math.min(kx, width); i++) { m += cm[i]; x += cx[i]; y += cy[i]; }
            int k = j * width;
            for (int i = 0; i < width; i++, k++) {
                int ia = i + kx, ir = i - kx - 1;
                if (ia < width) { m += cm[ia]; x += cx[ia]; y += cy[ia]; }
                if (ir >= 0) { m -= cm[ir]; x -= cx[ir]; y -= cy[ir]; }
                if ((f[k] & VALID) == 0 || m < minCount || x < 0) continue;
                double dm = m, dx = x, dy = y;
                boolean dispersed;
                if (useGain) {
                    double a = dm * dy - dx * dx;
                    double c = gain * dx * (dm - 1 + nsigB * sqrt2mMinus1[m]);
                    dispersed = a > c;
                } else {
                    double a = dm * dy - dx * dx - dx * (dm - 1);
                    double c = dx * nsigB * sqrt2mMinus1[m];
                    dispersed = a > c;
                }
                if (!dispersed) continue;
                if (!strongTest) { f[k] |= FLAGGED; continue; }
                int v = src[k];
                if (!(v > thr)) continue;
                double b = dm * v - dx;
                double d = useGain ? nsigS * Math.sqrt(gain * dx * dm) : nsigS * Math.sqrt(dx * dm);
                if (b > d) strong.add(k);
            }
        }
    }

    /**
     * CORE = FLAGGED pixels whose chebyshev distance to the nearest unflagged pixel of the panel is
     * more than {@code r} (DIALS: distance >= min(kernel)); BACKGROUND = valid and not CORE.
     * Separable: a row pass marks pixels with only flagged pixels within r along the row (clipped
     * to the panel), a column pass keeps those with only such pixels within r along the column.
     */
    private void erode(int width, int height, int r) {
        byte[] f = flags;
        for (int j = 0; j < height; j++) {
            int row = j * width;
            int i = 0;
            while (i < width) {
                if ((f[row + i] & FLAGGED) == 0) { i++; continue; }
                int s = i;
                while (i < width && (f[row + i] & FLAGGED) != 0) i++;
                int e = i - 1; // run [s, e]
                for (int q = s; q <= e; q++)
                    if (Math.max(0, q - r) >= s && Math.min(width - 1, q + r) <= e) f[row + q] |= HOR;
            }
        }
        // Column pass with a count of non-HOR rows in the window [j - r, j + r] per column.
        int[] bad = colM; // reuse as counts
        java.util.Arrays.fill(bad, 0, width, 0);
        for (int rr = 0; rr < Math.min(r, height); rr++) countHor(rr, width, 1);
        for (int j = 0; j < height; j++) {
            if (j + r < height) countHor(j + r, width, 1);
            if (j - r - 1 >= 0) countHor(j - r - 1, width, -1);
            int k = j * width;
            for (int i = 0; i < width; i++, k++) {
                byte b = f[k];
                if ((b & HOR) != 0 && bad[i] == 0) b |= CORE;
                // the background sums take valid non-core pixels below 2^24, as DIALS' second table
                if ((b & IN_SUM) != 0 && (b & CORE) == 0) b |= BACKGROUND;
                f[k] = b;
            }
        }
    }

    private void countHor(int row, int width, int sign) {
        byte[] f = flags;
        int[] bad = colM;
        int k = row * width;
        for (int i = 0; i < width; i++, k++) if ((f[k] & HOR) == 0) bad[i] += sign;
    }

    /** The local-mean test at CORE pixels against the background of the kernel grown by 2. */
    private void finalPass(int[] src, int width, int height, IntList strong) {
        int ky = p.kernelSize()[0] + 2, kx = p.kernelSize()[1] + 2;
        double nsigS = p.sigmaStrong(), thr = p.globalThreshold();
        double gain = p.gain() == null ? 1 : p.gain();
        byte[] f = flags;
        int[] cm = colM;
        long[] cx = colX;
        clearColumns(width);
        for (int r = 0; r < Math.min(ky, height); r++) addRow(src, r, width, BACKGROUND, 1, false);
        for (int j = 0; j < height; j++) {
            if (j + ky < height) addRow(src, j + ky, width, BACKGROUND, 1, false);
            if (j - ky - 1 >= 0) addRow(src, j - ky - 1, width, BACKGROUND, -1, false);
            int k0 = j * width;
            for (int i = 0; i < width; i++) {
                int k = k0 + i;
                if ((f[k] & (CORE | VALID)) != (CORE | VALID)) continue;
                int v = src[k];
                if (!(v > thr)) continue;
                int m = 0;
                long x = 0;
                for (int c = Math.max(0, i - kx), c1 = Math.min(width - 1, i + kx); c <= c1; c++) { m += cm[c]; x += cx[c]; }
                if (x < 0) continue;
                double mean = m >= 2 ? (double) x / m : 0;
                double limit = p.gain() == null ? mean + nsigS * Math.sqrt(mean) : mean + nsigS * Math.sqrt(gain * mean);
                if (v >= limit) strong.add(k);
            }
        }
    }
}
