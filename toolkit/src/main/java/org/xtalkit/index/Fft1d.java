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
        int m = rlp.length / 3;
        double lMax = 2 * maxCell, w = 1 / (2 * lMax);
        int n = Integer.highestOneBit((int) Math.ceil(2 / (dMin * w))) * 2;
        double[] dirs = Hemisphere.directions(Math.toRadians(1.2));
        int nd = dirs.length / 3;
        double[] bestLen = new double[nd], bestPow = new double[nd];
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        double[] hist = new double[2 * n];
        for (int d = 0; d < nd; d++) {
            java.util.Arrays.fill(hist, 0);
            double ux = dirs[3 * d], uy = dirs[3 * d + 1], uz = dirs[3 * d + 2];
            for (int i = 0; i < m; i++) {
                double x = rlp[3 * i] * ux + rlp[3 * i + 1] * uy + rlp[3 * i + 2] * uz;
                int bin = (int) Math.floor(x / w) + n / 2;
                if (bin >= 0 && bin < n) hist[2 * bin] += 1;
            }
            fft.complexForward(hist);
            // frequency index k corresponds to a direct-space period L = k / (n w)
            int kMin = (int) Math.ceil(Fft3d.MIN_CELL * n * w);
            for (int k = Math.max(kMin, 1); k < n / 2; k++) {
                double p = hist[2 * k] * hist[2 * k] + hist[2 * k + 1] * hist[2 * k + 1];
                if (p > bestPow[d]) { bestPow[d] = p; bestLen[d] = k / (n * w); }
            }
        }
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
}
