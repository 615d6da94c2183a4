package org.xtalkit.lattice;

import org.xtalkit.math.Mat3;
import org.xtalkit.model.UnitCell;

/** Small conversions between cells, metric tensors and integer matrices shared by the lattice code. */
public final class LatticeMath {
    private LatticeMath() {}

    /** The cell whose real-space metric tensor is g. */
    public static UnitCell cellFromMetric(Mat3 g) {
        double a = Math.sqrt(g.get(0, 0)), b = Math.sqrt(g.get(1, 1)), c = Math.sqrt(g.get(2, 2));
        return new UnitCell(a, b, c,
                Math.toDegrees(Math.acos(clamp(g.get(1, 2) / (b * c)))),
                Math.toDegrees(Math.acos(clamp(g.get(0, 2) / (a * c)))),
                Math.toDegrees(Math.acos(clamp(g.get(0, 1) / (a * b)))));
    }

    private static double clamp(double v) { return Math.max(-1, Math.min(1, v)); }

    /** Integer 3x3 (row-major) times integer 3x3. */
    public static int[] mul(int[] a, int[] b) {
        int[] r = new int[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
        return r;
    }

    public static int det(int[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    public static Mat3 toMat3(int[] m) {
        double[] d = new double[9];
        for (int i = 0; i < 9; i++) d[i] = m[i];
        return new Mat3(d);
    }

    /** Gᵀ-style metric transform M G Mᵀ for M whose rows are new vectors in the old basis. */
    public static Mat3 transformMetric(Mat3 g, Mat3 m) { return m.times(g).times(m.transpose()); }
}
