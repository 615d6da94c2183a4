package org.xtalkit.index;

import org.xtalkit.XtalException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DIALS' max_cell estimate (dials.algorithms.indexing.max_cell / nearest_neighbor): the
 * nearest-neighbour distances of reciprocal-lattice points within 45° wedges of the scan, taken
 * to direct space (1/d), histogrammed with about 5 per bin; the far edge of the last bin above a
 * quarter of the tallest, times the multiplier 1.3.
 */
public final class MaxCellEstimate {
    private MaxCellEstimate() {}

    static final double STEP_DEGREES = 45, MAX_HEIGHT_FRACTION = 0.25;
    static final int NN_PER_BIN = 5;

    /** Ice-ring d-spacings (Å) that DIALS leaves out of the nearest-neighbour analysis. */
    private static final double[] ICE_D = {3.897, 3.669, 3.441, 2.671, 2.249, 2.072, 1.948, 1.918, 1.883, 1.721};
    private static final double ICE_WIDTH = 0.002; // half-width in 1/d², DIALS' ice ring width 0.004 about the centre

    /**
     * @param rlp        flat reciprocal-lattice points (Å⁻¹)
     * @param phiDegrees rotation angle of each point
     * @param imageset   imageset index of each point
     * @param keep       which points may take part (e.g. not overlapping), or null for all
     * @param multiplier max_cell_multiplier (DIALS: 1.3)
     */
    public static double estimate(double[] rlp, double[] phiDegrees, int[] imageset, boolean[] keep, double multiplier) {
        int n = phiDegrees.length;
        boolean[] use = new boolean[n];
        for (int i = 0; i < n; i++) {
            use[i] = keep == null || keep[i];
            double s2 = rlp[3 * i] * rlp[3 * i] + rlp[3 * i + 1] * rlp[3 * i + 1] + rlp[3 * i + 2] * rlp[3 * i + 2];
            for (double d : ICE_D) if (Math.abs(s2 - 1 / (d * d)) < ICE_WIDTH) use[i] = false;
        }
        int maxSet = 0;
        for (int v : imageset) maxSet = Math.max(maxSet, v);
        double[] direct = new double[n];
        int nd = 0;
        for (int set = 0; set <= maxSet; set++) {
            double zMin = Double.POSITIVE_INFINITY, zMax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) if (use[i] && imageset[i] == set) { zMin = Math.min(zMin, phiDegrees[i]); zMax = Math.max(zMax, phiDegrees[i]); }
            if (zMin > zMax) continue;
            int steps = Math.max((int) Math.ceil((zMax - zMin) / STEP_DEGREES), 1);
            for (int s = 0; s < steps; s++) {
                List<Integer> members = new ArrayList<>();
                double lo = zMin + s * STEP_DEGREES, hi = zMin + (s + 1) * STEP_DEGREES;
                for (int i = 0; i < n; i++)
                    if (use[i] && imageset[i] == set && phiDegrees[i] >= lo && phiDegrees[i] < hi) members.add(i);
                if (members.size() < 2) continue;
                double[] pts = new double[3 * members.size()];
                for (int j = 0; j < members.size(); j++) System.arraycopy(rlp, 3 * members.get(j), pts, 3 * j, 3);
                KdTree tree = new KdTree(pts);
                int[] oi = new int[1];
                double[] od = new double[1];
                for (int j = 0; j < members.size(); j++) {
                    if (tree.nearest(j, 1, oi, od) == 1 && od[0] > 0) direct[nd++] = 1 / Math.sqrt(od[0]);
                }
            }
        }
        if (nd <= 10) throw new XtalException("Too few spots (" + nd + ") for nearest neighbour analysis.");
        double[] d = Arrays.copyOf(direct, nd);
        Arrays.sort(d);
        int start = 0;
        while (start < d.length && d[start] <= 1) start++;
        d = Arrays.copyOfRange(d, start, d.length);
        d = Arrays.copyOf(d, (int) Math.floor(0.99 * d.length));
        int slots = Math.max(1, d.length / NN_PER_BIN);
        double lo = d[0], hi = d[d.length - 1], width = (hi - lo) / slots;
        if (width <= 0) return multiplier * hi;
        int[] counts = new int[slots];
        for (double v : d) counts[Math.min(slots - 1, (int) ((v - lo) / width))]++;
        int highest = 0;
        for (int c : counts) highest = Math.max(highest, c);
        int last = 0;
        for (int i = 0; i < slots; i++) if (counts[i] > MAX_HEIGHT_FRACTION * highest) last = i;
        return multiplier * (lo + (last + 1) * width);
    }
}
