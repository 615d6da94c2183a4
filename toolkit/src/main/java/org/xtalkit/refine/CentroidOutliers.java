package org.xtalkit.refine;

import java.util.Arrays;

/**
 * DIALS' centroid outlier rejection for one scan: the reflections with predictions are split into
 * blocks of φ at least 18° wide (wider when a block would hold fewer than 50 reflections, DIALS'
 * block_width=Auto), and each block is judged on its own residuals (X, Y, φ) — so a slow trend of
 * the residuals through the scan does not make the ends look like outliers. A block with fewer
 * than 20 reflections cannot be judged and is rejected whole (minimum_number_of_reflections).
 */
public final class CentroidOutliers {
    /** outlier.algorithm: mcd (auto for scans), tukey, or null (none). */
    public enum Algorithm {
        MCD, TUKEY, NULL;

        public static Algorithm of(String word) {
            return switch (word == null ? "auto" : word.toLowerCase()) {
                case "auto", "mcd" -> MCD;
                case "tukey" -> TUKEY;
                case "null", "none" -> NULL;
                default -> throw new org.xtalkit.XtalException("outlier.algorithm=" + word
                        + " is not known (expected auto, mcd, tukey or null)");
            };
        }
    }

    static final double MIN_BLOCK_DEGREES = 18, TUKEY_IQR_MULTIPLIER = 1.5;
    static final int MIN_NUM_OBS = 20, MIN_PER_ANALYSIS_BLOCK = 50;

    private CentroidOutliers() {}

    /**
     * @param residuals calculated − observed (X mm, Y mm, φ rad), 3n
     * @param weights   rows with weight 0 have no prediction and are neither judged nor flagged
     * @param phi       observed φ (rad) per reflection
     * @return outlier flags per reflection
     */
    public static boolean[] flag(double[] residuals, double[] weights, double[] phi, Algorithm algorithm, long seed) {
        int n = phi.length;
        boolean[] out = new boolean[n];
        if (algorithm == Algorithm.NULL) return out;
        int[] rows = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) if (weights[3 * i] > 0) rows[m++] = i;
        rows = Arrays.copyOf(rows, m);
        if (m == 0) return out;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int r : rows) { lo = Math.min(lo, phi[r]); hi = Math.max(hi, phi[r]); }
        double range = hi - lo;
        int blocks = range > 0 ? Math.max(1, (int) Math.round(range / Math.toRadians(blockWidthDegrees(phi, rows, lo, hi)))) : 1;
        double width = range / blocks;
        int[][] byBlock = new int[blocks][];
        int[] count = new int[blocks];
        int[] blockOf = new int[m];
        for (int k = 0; k < m; k++) {
            int b = width > 0 ? Math.min(blocks - 1, (int) ((phi[rows[k]] - lo) / width)) : 0;
            blockOf[k] = b;
            count[b]++;
        }
        for (int b = 0; b < blocks; b++) byBlock[b] = new int[count[b]];
        Arrays.fill(count, 0);
        for (int k = 0; k < m; k++) byBlock[blockOf[k]][count[blockOf[k]]++] = rows[k];
        for (int b = 0; b < blocks; b++) {
            int[] job = byBlock[b];
            if (job.length < MIN_NUM_OBS) {
                for (int r : job) out[r] = true;
                continue;
            }
            double[] xyz = new double[3 * job.length];
            for (int k = 0; k < job.length; k++) System.arraycopy(residuals, 3 * job[k], xyz, 3 * k, 3);
            boolean[] o = algorithm == Algorithm.MCD ? FastMcd.outliers(xyz, seed + b, 500) : tukey(xyz);
            for (int k = 0; k < job.length; k++) out[job[k]] = o[k];
        }
        return out;
    }

    /**
     * DIALS' centroid analysis: the smallest block width (from 1°, growing) at which every block holds
     * at least 50 reflections, but never under 18°.
     */
    static double blockWidthDegrees(double[] phi, int[] rows, double lo, double hi) {
        double width = Math.toDegrees(hi - lo), ideal = 1, size = width;
        int oldBlocks = 0;
        while (true) {
            int blocks = (int) Math.floor(width / ideal);
            if (blocks == oldBlocks) blocks--;
            blocks = Math.max(blocks, 1);
            size = width / blocks;
            if (blocks == 1) break;
            int[] nr = new int[blocks];
            for (int r : rows) nr[Math.min(blocks - 1, (int) ((Math.toDegrees(phi[r] - lo)) / size))]++;
            int min = Arrays.stream(nr).min().orElse(0);
            if (min >= MIN_PER_ANALYSIS_BLOCK) break;
            ideal *= min < 5 ? 2 : (double) MIN_PER_ANALYSIS_BLOCK / min;
            oldBlocks = blocks;
        }
        return Math.max(MIN_BLOCK_DEGREES, size);
    }

    /** Tukey's rule on each coordinate: beyond 1.5 interquartile ranges from the hinges (R's fivenum). */
    static boolean[] tukey(double[] xyz) {
        int n = xyz.length / 3;
        boolean[] out = new boolean[n];
        double[] col = new double[n];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) col[i] = xyz[3 * i + c];
            double[] s = col.clone();
            Arrays.sort(s);
            int half = n / 2 + (n % 2);
            double lower = median(s, 0, half), upper = median(s, n - half, n);
            double cut = TUKEY_IQR_MULTIPLIER * (upper - lower);
            for (int i = 0; i < n; i++) if (col[i] > upper + cut || col[i] < lower - cut) out[i] = true;
        }
        return out;
    }

    private static double median(double[] sorted, int from, int to) {
        int len = to - from, mid = from + len / 2;
        return len % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
