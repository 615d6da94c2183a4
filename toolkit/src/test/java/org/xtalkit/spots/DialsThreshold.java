package org.xtalkit.spots;

/**
 * A literal transcription of DIALS' DispersionThreshold and DispersionExtendedThreshold
 * (dials/algorithms/image/threshold/local.h, filter/distance.h) for tests: summed-area tables in
 * double, the two-pass chebyshev distance transform. Slow and plain on purpose.
 */
final class DialsThreshold {
    private DialsThreshold() {}

    static boolean[] threshold(ThresholdParams p, int[] src, boolean[] mask, int w, int h) {
        int window = (2 * p.kernelSize()[0] + 1) * (2 * p.kernelSize()[1] + 1);
        int minCount = p.minLocal() <= 0 ? window : p.minLocal();
        double[][] t = sat(src, mask, w, h);
        boolean[] dst = new boolean[w * h];
        boolean gain = p.gain() != null;
        double g = gain ? p.gain() : 1;
        int ky = p.kernelSize()[0], kx = p.kernelSize()[1];
        for (int j = 0; j < h; j++)
            for (int i = 0; i < w; i++) {
                int k = j * w + i;
                double[] s = box(t, w, h, i, j, kx, ky);
                double m = s[0], x = s[1], y = s[2];
                if (!(mask[k] && m >= minCount && x >= 0)) continue;
                double a, c;
                if (gain) { a = m * y - x * x; c = g * x * (m - 1 + p.sigmaBackground() * Math.sqrt(2 * (m - 1))); }
                else { a = m * y - x * x - x * (m - 1); c = x * p.sigmaBackground() * Math.sqrt(2 * (m - 1)); }
                if (!p.extended()) {
                    if (!(src[k] > p.globalThreshold())) continue;
                    double b = m * src[k] - x;
                    double d = gain ? p.sigmaStrong() * Math.sqrt(g * x * m) : p.sigmaStrong() * Math.sqrt(x * m);
                    dst[k] = a > c && b > d;
                } else {
                    dst[k] = a > c;
                }
            }
        if (!p.extended()) return dst;
        int[] dist = chebyshev(dst, w, h);
        int e = Math.min(ky, kx);
        for (int k = 0; k < dst.length; k++) dst[k] = mask[k] && !(dst[k] && dist[k] >= e);
        t = sat(src, dst, w, h);
        boolean[] out = new boolean[w * h];
        for (int j = 0; j < h; j++)
            for (int i = 0; i < w; i++) {
                int k = j * w + i;
                double[] s = box(t, w, h, i, j, kx + 2, ky + 2);
                double m = s[0], x = s[1];
                if (mask[k] && m >= 0 && x >= 0) {
                    double mean = m >= 2 ? x / m : 0;
                    boolean local = src[k] >= mean + p.sigmaStrong() * Math.sqrt(g * mean);
                    out[k] = !dst[k] && src[k] > p.globalThreshold() && local;
                }
            }
        return out;
    }

    private static double[][] sat(int[] src, boolean[] mask, int w, int h) {
        double[][] t = new double[3][w * h];
        for (int j = 0, k = 0; j < h; j++) {
            double m = 0, x = 0, y = 0;
            for (int i = 0; i < w; i++, k++) {
                int mm = mask[k] && src[k] < (1 << 24) ? 1 : 0;
                m += mm; x += mm * (double) src[k]; y += mm * (double) src[k] * src[k];
                for (int q = 0; q < 3; q++) t[q][k] = (j == 0 ? 0 : t[q][k - w]) + (q == 0 ? m : q == 1 ? x : y);
            }
        }
        return t;
    }

    private static double[] box(double[][] t, int w, int h, int i, int j, int kx, int ky) {
        int i0 = i - kx - 1, i1 = Math.min(i + kx, w - 1), j0 = j - ky - 1, j1 = Math.min(j + ky, h - 1);
        double[] s = new double[3];
        for (int q = 0; q < 3; q++) {
            double v = t[q][j1 * w + i1];
            if (i0 >= 0) v -= t[q][j1 * w + i0];
            if (j0 >= 0) v -= t[q][j0 * w + i1];
            if (i0 >= 0 && j0 >= 0) v += t[q][j0 * w + i0];
            s[q] = v;
        }
        return s;
    }

    private static int[] chebyshev(boolean[] src, int w, int h) {
        int[] d = new int[w * h];
        int max = w + h;
        for (int j = 0; j < h; j++)
            for (int i = 0; i < w; i++) {
                int n = j > 0 ? d[(j - 1) * w + i] : max, we = i > 0 ? d[j * w + i - 1] : max;
                int nw = j > 0 && i > 0 ? d[(j - 1) * w + i - 1] : max, ne = j > 0 && i < w - 1 ? d[(j - 1) * w + i + 1] : max;
                d[j * w + i] = !src[j * w + i] ? 0 : 1 + Math.min(Math.min(n, we), Math.min(ne, nw));
            }
        for (int j = h - 1; j >= 0; j--)
            for (int i = w - 1; i >= 0; i--) {
                int s = j < h - 1 ? d[(j + 1) * w + i] : max, e = i < w - 1 ? d[j * w + i + 1] : max;
                int sw = j < h - 1 && i > 0 ? d[(j + 1) * w + i - 1] : max, se = j < h - 1 && i < w - 1 ? d[(j + 1) * w + i + 1] : max;
                int other = Math.min(Math.min(s, e), Math.min(se, sw));
                if (other < d[j * w + i]) d[j * w + i] = 1 + other;
            }
        return d;
    }
}
