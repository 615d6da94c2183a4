package org.xtalkit.scale;

/**
 * The absorption surface's basis as DIALS' create_sph_harm_table: for l = 1..lmax, m = −l..l, the
 * real combination of the complex harmonics Y_lm (physics convention, Condon–Shortley phase)
 * averaged over the incoming (s0c) and scattered (s1c) directions in the crystal frame:
 * m &lt; 0: √2(−1)^m/2 · Im(Y_l|m|(s0c) + Y_l|m|(s1c)); m = 0: ½ Re(Y_l0(s0c) + Y_l0(s1c));
 * m &gt; 0: √2(−1)^m/2 · Re(Y_lm(s0c) + Y_lm(s1c)).
 */
final class SphericalHarmonics {
    private SphericalHarmonics() {}

    /** Number of terms for lmax: Σ_{l=1..lmax}(2l+1) = lmax(lmax+2). */
    static int count(int lmax) { return lmax * (lmax + 2); }

    /** Fills out[0..count) with the basis values for unit vectors s0c and s1c (crystal frame). */
    static void terms(int lmax, double[] s0c, double[] s1c, double[] out) {
        double[] re0 = new double[(lmax + 1) * (lmax + 1)], im0 = new double[re0.length];
        double[] re1 = new double[re0.length], im1 = new double[re0.length];
        harmonics(lmax, s0c, re0, im0);
        harmonics(lmax, s1c, re1, im1);
        double sqrt2 = 1.414213562;
        int c = 0;
        for (int l = 1; l <= lmax; l++) {
            for (int m = -l; m <= l; m++) {
                int am = Math.abs(m), k = l * (lmax + 1) + am;
                double sign = (am % 2 == 0) ? 1 : -1;
                if (m < 0) out[c++] = sqrt2 * sign / 2 * (im0[k] + im1[k]);
                else if (m == 0) out[c++] = 0.5 * (re0[k] + re1[k]);
                else out[c++] = sqrt2 * sign / 2 * (re0[k] + re1[k]);
            }
        }
    }

    /** Y_lm for m ≥ 0 at the direction of v, stored at [l·(lmax+1) + m]. */
    private static void harmonics(int lmax, double[] v, double[] re, double[] im) {
        double r = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        double theta = Math.atan2(Math.hypot(v[0], v[1]), v[2]);
        double phi = Math.atan2(v[1], v[0]);
        if (r == 0) { theta = 0; phi = 0; }
        double x = Math.cos(theta), s = Math.sin(theta);
        int w = lmax + 1;
        double[] p = new double[w * w];     // P_l^m(x) with Condon–Shortley phase, [l*w+m]
        p[0] = 1;
        for (int m = 1; m <= lmax; m++) p[m * w + m] = -(2 * m - 1) * s * p[(m - 1) * w + (m - 1)];
        for (int m = 0; m < lmax; m++) p[(m + 1) * w + m] = (2 * m + 1) * x * p[m * w + m];
        for (int m = 0; m <= lmax; m++)
            for (int l = m + 2; l <= lmax; l++)
                p[l * w + m] = ((2 * l - 1) * x * p[(l - 1) * w + m] - (l + m - 1) * p[(l - 2) * w + m]) / (l - m);
        for (int l = 0; l <= lmax; l++) {
            for (int m = 0; m <= l; m++) {
                double ratio = 1;     // (l−m)!/(l+m)!
                for (int q = l - m + 1; q <= l + m; q++) ratio /= q;
                double norm = Math.sqrt((2 * l + 1) / (4 * Math.PI) * ratio) * p[l * w + m];
                re[l * w + m] = norm * Math.cos(m * phi);
                im[l * w + m] = norm * Math.sin(m * phi);
            }
        }
    }
}
