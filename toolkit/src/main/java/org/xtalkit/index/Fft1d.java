package org.xtalkit.index;

import org.jtransforms.fft.DoubleFFT_1D;
import org.xtalkit.math.Vec3;

import java.util.ArrayList;
import java.util.List;

/**
 * The 1D FFT basis-vector search (Steller, Bolotovsky & Rossmann 1997, as DIALS' fft1d): the
 * reciprocal-lattice points are projected on directions over a hemisphere; where a direction lies
 * along a direct-lattice vector the projections fall on planes 1/|t| apart and the 1D transform of
 * their histogram peaks at |t|. The strongest directions give the candidate vectors.
 */
public final class Fft1d {
    private Fft1d() {}

    public static List<Vec3> candidateVectors(double[] rlp, double maxCell, double dMin) {
        double[] dirs = Hemisphere.directions(Math.toRadians(1.2));
        int nd = dirs.length / 3;
        double[] bestLen = new double[nd];
        double[] bestPow = peakPowers(rlp, dirs, maxCell, dMin, bestLen);
        // directions that are local maxima of power among near neighbours
        List<Vec3> vectors = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Integer[] order = new Integer[nd];
        for (int i = 0; i < nd; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(bestPow[y], bestPow[x]));
        for (int oi = 0; oi < Math.min(nd, 3000) && vectors.size() < 30; oi++) {
            int d = order[oi];
            Vec3 v = new Vec3(dirs[3 * d], dirs[3 * d + 1], dirs[3 * d + 2]).times(bestLen[d]);
            if (v.length() > maxCell * 2 || v.length() < Fft3d.MIN_CELL) continue;
            boolean near = false;
            for (Vec3 u : vectors) {
                double ang = Math.toDegrees(u.angle(v));
                if (ang < 5 || ang > 175) { near = true; break; }
            }
            if (!near) { vectors.add(v); weights.add(bestPow[d]); }
        }
        return CandidateVectors.select(vectors, weights);
    }

    /**
     * For each direction, the strongest Fourier power of the projected points' histogram over
     * periods MIN_CELL..2·maxCell, and (into lengthOut) that period.
     */
    static double[] peakPowers(double[] rlp, double[] dirs, double maxCell, double dMin, double[] lengthOut) {
        return peaks(rlp, dirs, maxCell, dMin, lengthOut, false);
    }

    /**
     * For each direction, the strongest cosine sum Σ cos(2π L u·r) over periods L up to max_cell:
     * like the power, but it also demands that the lattice planes pass through the origin, which a
     * wrong beam centre breaks by translating the reciprocal lattice.
     */
    static double[] originPhasedPeaks(double[] rlp, double[] dirs, double maxCell, double dMin) {
        return peaks(rlp, dirs, maxCell, dMin, null, true);
    }

    private static double[] peaks(double[] rlp, double[] dirs, double maxCell, double dMin, double[] lengthOut, boolean phased) {
        int m = rlp.length / 3, nd = dirs.length / 3;
        double lMax = 2 * maxCell, w = 1 / (2 * lMax);
        int n = Integer.highestOneBit((int) Math.ceil(2 / (dMin * w))) * 2;
        double[] power = new double[nd];
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        double[] hist = new double[2 * n];
        int kMin = Math.max(1, (int) Math.ceil(Fft3d.MIN_CELL * n * w));
        for (int d = 0; d < nd; d++) {
            java.util.Arrays.fill(hist, 0);
            double ux = dirs[3 * d], uy = dirs[3 * d + 1], uz = dirs[3 * d + 2];
            for (int i = 0; i < m; i++) {
                double x = rlp[3 * i] * ux + rlp[3 * i + 1] * uy + rlp[3 * i + 2] * uz;
                int bin = (phased ? (int) Math.round(x / w) : (int) Math.floor(x / w)) + n / 2;
                if (bin >= 0 && bin < n) hist[2 * bin] += 1;
            }
            fft.complexForward(hist);
            if (phased) {
                // bin b sits at x = (b − n/2)·w, so (−1)^k Re F_k = Σ cos(2π L x) with L = k/(n w); periods to max_cell
                for (int k = kMin; k <= n / 4; k++) {
                    double c = ((k & 1) == 0 ? 1 : -1) * hist[2 * k];
                    if (c > power[d]) power[d] = c;
                }
                continue;
            }
            // skip the origin lobe (the envelope of the spot distribution): start where the spectrum first rises
            int k0 = 1;
            double prev = pw(hist, 0);
            while (k0 < n / 2 && pw(hist, k0) <= prev) { prev = pw(hist, k0); k0++; }
            for (int k = Math.max(kMin, k0); k < n / 2; k++) {
                double p = pw(hist, k);
                if (p > power[d]) { power[d] = p; if (lengthOut != null) lengthOut[d] = k / (n * w); }
            }
        }
        return power;
    }

    private static double pw(double[] c, int k) { return c[2 * k] * c[2 * k] + c[2 * k + 1] * c[2 * k + 1]; }
}
